package org.creditbank.model.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.stream.Collectors;

/**
 * The one JSON form of every CreditBank record, used for world state, responses, events and hashes.
 *
 * <p>Every endorsing peer must produce identical bytes for the same record, and a verifier must be
 * able to recompute a content hash from a record it was given. So the form is fixed: object keys
 * sorted, map entries sorted, no insignificant whitespace, absent optional fields omitted, decimals
 * written plainly ({@code 2.5}, never {@code 2.50} or {@code 2.5E0}), UTF-8 without escaping of
 * non-ASCII text. Reading is strict: an unknown field is an error, not silently dropped.
 *
 * <pre>{@code
 * String hash = CanonicalJson.sha256Hex(outcome.content());
 * Outcome back = CanonicalJson.read(bytes, Outcome.class);
 * }</pre>
 */
public final class CanonicalJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
            // JsonNode values (e.g. a history entry's record) are sorted too, in the same single pass.
            .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
            .addModule(new SimpleModule().addSerializer(BigDecimal.class, new PlainDecimal()))
            .build();

    /** Every decimal in its one form: {@code 3.00 → 3}, {@code 2.50 → 2.5}, never an exponent. */
    private static final class PlainDecimal extends StdSerializer<BigDecimal> {
        private static final long serialVersionUID = 1L;

        PlainDecimal() {
            super(BigDecimal.class);
        }

        @Override
        public void serialize(BigDecimal value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeNumber(value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros());
        }
    }

    private CanonicalJson() {
    }

    /** Canonical UTF-8 bytes of a record. */
    public static byte[] toBytes(Object value) {
        return toJson(value).getBytes(StandardCharsets.UTF_8);
    }

    /** Canonical JSON text of a record. */
    public static String toJson(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    /** Lower-case hex SHA-256 of the canonical bytes: the content hash verifiers recompute. */
    public static String sha256Hex(Object value) {
        return sha256Hex(toBytes(value));
    }

    /** Lower-case hex SHA-256 of raw bytes. */
    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Reads a record, failing with {@link MalformedJsonException} on bad JSON, unknown fields or a bare {@code null}. */
    public static <T> T read(byte[] json, Class<T> type) {
        try {
            return notNull(MAPPER.readValue(json, type));
        } catch (IOException e) {
            throw malformed(e);
        }
    }

    /** Reads a record from text, failing with {@link MalformedJsonException}. */
    public static <T> T read(String json, Class<T> type) {
        if (json == null || json.isBlank()) {
            throw new MalformedJsonException("a JSON document is required", null);
        }
        return read(json.getBytes(StandardCharsets.UTF_8), type);
    }

    /** Reads a generic record (lists, maps), failing with {@link MalformedJsonException}. */
    public static <T> T read(String json, TypeReference<T> type) {
        if (json == null || json.isBlank()) {
            throw new MalformedJsonException("a JSON document is required", null);
        }
        try {
            return notNull(MAPPER.readValue(json, type));
        } catch (IOException e) {
            throw malformed(e);
        }
    }

    /** A document that is just {@code null} holds no record; a {@link JsonNode} reads it as {@code NullNode}. */
    private static <T> T notNull(T value) {
        if (value == null) {
            throw new MalformedJsonException("a JSON document is required, not null", null);
        }
        return value;
    }

    private static MalformedJsonException malformed(IOException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return new MalformedJsonException("unknown field '" + path(u) + "'", e);
        }
        if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            String allowed = Arrays.stream(f.getTargetType().getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", "));
            return new MalformedJsonException("field '" + path(f) + "' must be one of " + allowed
                    + ", not '" + f.getValue() + "'", e);
        }
        if (e instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
            return new MalformedJsonException("field '" + path(m) + "' has the wrong type", e);
        }
        String detail = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        return new MalformedJsonException("malformed JSON: " + detail, e);
    }

    /** The dotted path of the offending field, e.g. {@code result.scale} or {@code [3].credits}. */
    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** Thrown when input is not a well-formed JSON document of the expected shape. */
    public static final class MalformedJsonException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public MalformedJsonException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
