package org.creditbank.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * A child process that a test starts with this JVM's stdin cannot end the test run.
 *
 * <p>Node (npm, the independent wallet and verifiers) makes an inherited stdin non-blocking for as
 * long as it runs. Surefire's default channel reads Maven's commands from that stdin, and a read of
 * its 30-second ping then fails: the run ended with "[SUREFIRE] std/in stream corrupted" although
 * every test had passed (CI, stop 22, while the independent wallet ran {@code npm ci}). The parent
 * POM therefore gives the forks a TCP channel. This test leaves such a child running for the rest
 * of this module's tests (minutes, so several pings): with the old channel the build fails. It runs
 * first (see junit-platform.properties) so that the child is there for all of them.
 */
@Order(1)
class ForkChannelTest {

    /** O_NONBLOCK on Linux, as /proc/self/fdinfo shows the file status flags (octal). */
    private static final int O_NONBLOCK = 04000;

    @Test
    void aChildHoldingStdinNonBlockingDoesNotBreakTheRun() throws IOException, InterruptedException {
        // Holds stdin (a 'data' listener puts it in non-blocking mode) until this JVM is gone.
        String holdStdin = "process.stdin.on('data', () => {}); const parent = process.ppid;"
                + " setInterval(() => { if (process.ppid !== parent) process.exit(0); }, 1000);"
                + " setTimeout(() => process.exit(0), 15 * 60 * 1000);";
        new ProcessBuilder("node", "-e", holdStdin).redirectInput(ProcessBuilder.Redirect.INHERIT)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();

        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!stdinIsNonBlocking() && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(stdinIsNonBlocking()).as("node made this JVM's stdin non-blocking").isTrue();
    }

    private static boolean stdinIsNonBlocking() throws IOException {
        String flags = Files.readAllLines(Path.of("/proc/self/fdinfo/0")).stream()
                .filter(line -> line.startsWith("flags:")).findFirst().orElseThrow();
        return (Integer.parseInt(flags.substring("flags:".length()).strip(), 8) & O_NONBLOCK) != 0;
    }
}
