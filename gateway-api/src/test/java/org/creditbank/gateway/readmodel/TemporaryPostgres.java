package org.creditbank.gateway.readmodel;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL cluster for one test class: {@code initdb} in a temporary folder, a
 * server on a free port from 55432 on, stopped and deleted by {@link #close} (and by a shutdown
 * hook, should the test JVM end first). Needs PostgreSQL's server programs (scripts/require-tools
 * installs them); as root they run as the {@code postgres} user, since PostgreSQL refuses root.
 */
final class TemporaryPostgres implements AutoCloseable {

    private static final List<Path> BIN_DIRS = List.of(Path.of("/usr/local/bin"), Path.of("/usr/lib/postgresql/17/bin"),
            Path.of("/usr/lib/postgresql/16/bin"), Path.of("/usr/lib/postgresql/15/bin"));

    private final Path dir;
    private final Path bin;
    private final int port;
    private final Thread stopAtExit;

    private TemporaryPostgres(Path dir, Path bin, int port) {
        this.dir = dir;
        this.bin = bin;
        this.port = port;
        this.stopAtExit = new Thread(this::stop);
    }

    static TemporaryPostgres start() throws IOException, InterruptedException {
        Path bin = BIN_DIRS.stream().filter(d -> Files.isExecutable(d.resolve("initdb"))).findFirst()
                .orElseThrow(() -> new IllegalStateException("PostgreSQL's initdb is not installed (scripts/require-tools)"));
        Path dir = Files.createTempDirectory("readmodel-pg");
        TemporaryPostgres pg = new TemporaryPostgres(dir, bin, freePort());
        if (asRoot()) {
            run(List.of("chown", "-R", "postgres", dir.toString()));
        }
        pg.server("initdb", "-D", dir.resolve("data").toString(), "-U", "creditbank", "-A", "trust", "-E", "UTF8",
                "--locale=C", "--no-sync");
        Runtime.getRuntime().addShutdownHook(pg.stopAtExit);
        pg.server("pg_ctl", "-D", dir.resolve("data").toString(), "-l", dir.resolve("server.log").toString(), "-w",
                "-o", "-p " + pg.port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");
        return pg;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=creditbank";
    }

    @Override
    public void close() {
        stop();
        Runtime.getRuntime().removeShutdownHook(stopAtExit);
    }

    private void stop() {
        try {
            if (Files.exists(dir.resolve("data/postmaster.pid"))) {
                server("pg_ctl", "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop");
            }
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("cannot stop the test's PostgreSQL in " + dir, e);
        }
    }

    private void server(String program, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (asRoot()) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(args));
        run(command);
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: "
                    + new String(output, StandardCharsets.UTF_8));
        }
    }

    private static boolean asRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static int freePort() throws IOException {
        for (int port = 55432; port < 55532; port++) {
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return port;
            } catch (IOException taken) {
                // try the next one
            }
        }
        throw new IOException("no free port from 55432 to 55531");
    }
}
