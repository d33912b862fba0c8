package org.creditbank.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the node scripts of {@code credentials/interop/}, each a third-party verifier or validator
 * that reads files and prints one JSON verdict, and parses that verdict. The packages they use are
 * installed by {@code export-contexts.mjs} earlier in the same build; without node the tests fail,
 * never skip.
 */
final class InteropScripts {

    static final Path DIR = Path.of(System.getProperty("creditbank.interop.dir", "interop"));

    private InteropScripts() {
    }

    record Result(int exitCode, String stdout, String stderr) {
    }

    /** Fails unless node runs and the pinned npm packages are installed. */
    static void requireInstalled() throws Exception {
        try {
            assertThat(run("node", "--version").exitCode).isZero();
        } catch (IOException e) {
            fail("node (20 or later) must be installed to run the independent verifiers", e);
        }
        assertThat(DIR.resolve("node_modules/.package-lock.json")).as("npm packages of interop/").exists();
    }

    /**
     * Runs {@code node script args} and returns its verdict, checking that the exit code agrees with
     * the verdict's boolean {@code outcome} field (0 when true, 1 when false).
     */
    static ObjectNode verdict(String outcome, String script, List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of("node", script));
        command.addAll(args);
        Result result = run(command.toArray(String[]::new));
        assertThat(result.stdout).as("%s printed nothing; stderr: %s", script, result.stderr).isNotBlank();
        ObjectNode verdict = CredentialJson.parseObject(result.stdout, script + " output");
        assertThat(result.exitCode).as("exit code of %s for %s", script, verdict)
                .isEqualTo(verdict.path(outcome).asBoolean() ? 0 : 1);
        return verdict;
    }

    static Result run(String... command) throws Exception {
        Path out = Files.createTempFile("interop", ".out");
        Path err = Files.createTempFile("interop", ".err");
        try {
            Process process = new ProcessBuilder(command).directory(DIR.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("%s timed out", String.join(" ", command)).isTrue();
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
