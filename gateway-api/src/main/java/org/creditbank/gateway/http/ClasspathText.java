package org.creditbank.gateway.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Text files shipped in the gateway jar and served as they are: the OpenAPI description
 * ({@code /openapi.json}) and the verification page ({@code /web/}). Read once, then kept.
 */
final class ClasspathText {

    private static final Map<String, String> LOADED = new ConcurrentHashMap<>();

    private ClasspathText() {
    }

    static String load(String resource) {
        return LOADED.computeIfAbsent(resource, ClasspathText::read);
    }

    private static String read(String resource) {
        try (InputStream in = ClasspathText.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the gateway jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
