package org.creditbank.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.creditbank.model.json.CanonicalJson;

/**
 * The wallet no one here wrote: {@code wallet/wallet.mjs} drives the OpenWallet Foundation's
 * OpenID4VCI client and Digital Bazaar's VC library against a running gateway. Its npm packages
 * are pinned in {@code wallet/package-lock.json} and installed here on first use (again whenever the
 * lock file is newer than the installation).
 */
final class IndependentWallet {

    static final Path DIR = Path.of(System.getProperty("creditbank.wallet.dir", "wallet"));

    private IndependentWallet() {
    }

    /** What the wallet collected: its own DID, and the credential the gateway issued to it. */
    record Collected(String holder, JsonNode credential) {
    }

    /** Collects the offer at {@code link} by {@code protocol} ({@code oid4vci} or {@code vcapi}), with {@code options}. */
    static Collected collect(String protocol, String link, String... options) throws IOException, InterruptedException {
        install();
        List<String> command = new ArrayList<>(List.of("node", "wallet.mjs", protocol, link));
        command.addAll(List.of(options));
        JsonNode result = run(command);
        assertThat(result.has("error")).as("the independent wallet failed: %s", result).isFalse();
        return new Collected(result.path("holder").asText(), result.path("credential"));
    }

    private static void install() throws IOException, InterruptedException {
        Path installed = DIR.resolve("node_modules/.package-lock.json");
        Path lock = DIR.resolve("package-lock.json");
        if (!Files.exists(installed) || Files.getLastModifiedTime(lock).compareTo(Files.getLastModifiedTime(installed)) > 0) {
            // npm's output goes to a file: the test JVM's own stdout belongs to the test run.
            Path log = Files.createTempFile("wallet-npm-ci", ".log");
            Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--prefer-offline")
                    .directory(DIR.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            npm.getOutputStream().close();
            assertThat(npm.waitFor(10, TimeUnit.MINUTES)).as("npm ci in %s timed out", DIR).isTrue();
            assertThat(npm.exitValue()).as("npm ci in %s printed:%n%s", DIR, Files.readString(log)).isZero();
            Files.delete(log);
        }
    }

    private static JsonNode run(List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("wallet", ".out");
        Path err = Files.createTempFile("wallet", ".err");
        try {
            Process process = new ProcessBuilder(command).directory(DIR.toFile()).redirectOutput(out.toFile())
                    .redirectError(err.toFile()).start();
            assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("%s timed out", command).isTrue();
            String stdout = Files.readString(out, StandardCharsets.UTF_8);
            assertThat(stdout).as("%s printed nothing; stderr: %s", command, Files.readString(err)).isNotBlank();
            return CanonicalJson.read(stdout.strip(), JsonNode.class);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
