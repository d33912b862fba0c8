package org.creditbank.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The gateway's dependencies point from HTTP to the use cases and never back: a use case, its
 * error type and the ledger client know nothing of routes, statuses or problem+json, so that a
 * use case can be called (and tested) without the HTTP layer. Only {@code GatewayMain}, which wires
 * everything, may name the {@code http} package. Read from the sources, as the compiler sees them.
 */
class LayeringTest {

    private static final Path SOURCES = Path.of("src/main/java/org/creditbank/gateway");

    @Test
    void nothingButTheHttpLayerAndTheWiringDependsOnTheHttpLayer() throws IOException {
        List<String> offenders;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            offenders = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.startsWith(SOURCES.resolve("http")))
                    .filter(f -> !f.equals(SOURCES.resolve("GatewayMain.java")))
                    .filter(LayeringTest::namesTheHttpLayer)
                    .map(f -> SOURCES.relativize(f).toString())
                    .sorted().toList();
        }
        assertThat(Files.isDirectory(SOURCES.resolve("http"))).as("run from the gateway-api module").isTrue();
        assertThat(offenders).as("use-case classes that depend on org.creditbank.gateway.http").isEmpty();
    }

    private static boolean namesTheHttpLayer(Path file) {
        try {
            return Files.readString(file).contains("org.creditbank.gateway.http.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
