package org.creditbank.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import org.creditbank.chaincode.testing.InMemoryLedger;
import org.creditbank.gateway.auth.TokenCommand;
import org.creditbank.gateway.auth.TokenRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Tokens created and revoked by {@link TokenCommand} in its own process while the gateway runs take
 * effect within seconds, over real HTTP, and a broken token file changes nothing.
 */
class TokenReloadHttpTest {

    /** Generous against a loaded machine; the registry looks every {@link TokenRegistry#RELOAD_INTERVAL}. */
    private static final Duration WITHIN = Duration.ofSeconds(5);
    private static final String ME = "/api/v1/institutions/me";

    private final InMemoryLedger chain = new InMemoryLedger();
    private final TestGateway gateway;

    TokenReloadHttpTest() throws IOException {
        gateway = new TestGateway(InProcessLedger.college(chain, "verifier1", "verifier"), "CollegeMSP", "gateway", 1 << 20);
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void aTokenCreatedByTheCommandWorksAndARevokedOneStopsWithoutARestart() throws Exception {
        String secret = tokenCommand("create", "--file", gateway.tokensFile.toString(), "--role", "verifier",
                "--identity", "verifier1", "--label", "HR 李经理").strip();
        assertThat(eventually(secret, status -> status == 200)).isEqualTo(200);

        String id = tokenCommand("list", "--file", gateway.tokensFile.toString()).strip().split("\\s+")[0];
        tokenCommand("revoke", "--file", gateway.tokensFile.toString(), "--id", id);
        assertThat(eventually(secret, status -> status == 401)).isEqualTo(401);
    }

    @Test
    void aBrokenTokenFileKeepsTheTokensReadBeforeNeitherLettingARevokedOneInNorLockingOthersOut() throws Exception {
        String file = gateway.tokensFile.toString();
        String kept = tokenCommand("create", "--file", file, "--role", "verifier", "--identity", "verifier1").strip();
        String revoked = tokenCommand("create", "--file", file, "--role", "verifier", "--identity", "verifier1").strip();
        assertThat(eventually(revoked, status -> status == 200)).isEqualTo(200);
        String revokedId = tokenCommand("list", "--file", file).lines().skip(1).findFirst().orElseThrow().split("\\s+")[0];
        tokenCommand("revoke", "--file", file, "--id", revokedId);
        assertThat(eventually(revoked, status -> status == 401)).isEqualTo(401);

        // Half written by hand (not through the command's atomic replace), then gone altogether.
        String good = Files.readString(gateway.tokensFile);
        Files.writeString(gateway.tokensFile, good.substring(0, good.length() / 2));
        assertThat(steadily(kept, revoked)).containsOnly(List.of(200, 401));
        Files.delete(gateway.tokensFile);
        assertThat(steadily(kept, revoked)).containsOnly(List.of(200, 401));
    }

    /** The status of {@link #ME} with {@code token}, asked until it is one {@code wanted} accepts or time is up. */
    private int eventually(String token, IntPredicate wanted) throws InterruptedException {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        int status;
        do {
            status = gateway.get(ME, token).status();
            if (wanted.test(status)) {
                return status;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        return status;
    }

    /** The statuses of both tokens, asked over more than two reload intervals. */
    private List<List<Integer>> steadily(String first, String second) throws InterruptedException {
        List<List<Integer>> seen = new ArrayList<>();
        long until = System.nanoTime() + TokenRegistry.RELOAD_INTERVAL.multipliedBy(2).plusMillis(500).toNanos();
        while (System.nanoTime() < until) {
            seen.add(List.of(gateway.get(ME, first).status(), gateway.get(ME, second).status()));
            Thread.sleep(100);
        }
        return seen;
    }

    /** Runs the token command as an operator would: its own JVM, writing the file the gateway reads. */
    private static String tokenCommand(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), TokenCommand.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as("TokenCommand %s", List.of(args)).isZero();
        return out;
    }
}
