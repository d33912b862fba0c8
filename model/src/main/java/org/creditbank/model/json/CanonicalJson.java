package org.creditbank.model.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
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
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.creditbank.model.ErrorCode;
import org.creditbank.model.Violation;

/**
 * The one JSON form of every CreditBank record, used for world state, responses, events and hashes.
 *
 * <p>Every endorsing peer must produce identical bytes for the same record, and a verifier must be
 * able to recompute a content hash from a record it was given. So the form is fixed: object keys
 * sorted, map entries sorted, no insignificant whitespace, absent optional fields omitted, decimals
 * written plainly ({@code 2.5}, never {@code 2.50} or {@code 2.5E0}), UTF-8 without escaping of
 * non-ASCII text. Reading is strict: an unknown field, a key given twice, a value of the wrong JSON
 * type ({@code "credits":"3"}) or half of a surrogate pair is an error, not silently dropped, picked
 * or converted.
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
            // A key given twice means two values for one field: which one "counts" must not depend
            // on the route or the library, so every reader refuses it (records and trees alike).
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            // A value of the wrong JSON type is a mistake to report, not to guess at:
            // "credits":"3", "localId":3, "hours":4.5 and "kind":1 are all refused.
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .withCoercionConfig(LogicalType.Textual, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Integer, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Float, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Boolean, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
            // JsonNode values (e.g. a history entry's record) are sorted too, in the same single pass.
            .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
            .addModule(new SimpleModule().addSerializer(BigDecimal.class, new PlainDecimal())
                    .addDeserializer(String.class, new WellFormedString())
                    .addKeyDeserializer(String.class, new WellFormedKey()))
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

    /**
     * JSON may escape half of a surrogate pair ({@code "\\ud800"}); Java keeps it, and every UTF-8
     * encoder later turns it into {@code ?}. Such a string is not text, so it is refused where it is
     * read, with the field's name, instead of being stored as a question mark.
     */
    private static final class WellFormedString extends StdScalarDeserializer<String> {
        private static final long serialVersionUID = 1L;

        WellFormedString() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = StringDeserializer.instance.deserialize(p, ctxt);
            return value == null ? null : wellFormed(value, p);
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }
    }

    /** The same rule for map keys (e.g. the categories of a qualification's minimums). */
    private static final class WellFormedKey extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
            return wellFormed(key, ctxt.getParser());
        }
    }

    private static String wellFormed(String value, JsonParser p) throws IOException {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1));
            if (paired) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new UnpairedSurrogateException(p, String.format("U+%04X", (int) c));
            }
        }
        return value;
    }

    /** A string holding half of a surrogate pair; carries the field path like any mapping failure. */
    private static final class UnpairedSurrogateException extends JsonMappingException {
        private static final long serialVersionUID = 1L;

        UnpairedSurrogateException(JsonParser p, String codeUnit) {
            super(p, "contains an unpaired surrogate " + codeUnit);
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

    /**
     * A sentence a client can act on: the field as a JSON pointer ({@code /items/3/credits}) and what
     * belongs there, in JSON's terms. Never Jackson's own message, which names our Java classes and
     * quotes the source.
     */
    private static MalformedJsonException malformed(IOException e) {
        // Reading a record's property wraps the parser's own error in the path it got to.
        JsonMappingException wrapper = e instanceof JsonMappingException m && m.getCause() instanceof StreamReadException
                ? m : null;
        IOException cause = wrapper == null ? e : (IOException) wrapper.getCause();
        if (cause instanceof StreamReadException r) {
            return syntaxError(r, wrapper, e);
        }
        if (!(e instanceof JsonMappingException m)) {
            return new MalformedJsonException(null, "the JSON document cannot be read", e);
        }
        String pointer = pointer(m);
        String field = pointer.isEmpty() ? "the document" : "field " + pointer;
        if (m instanceof UnrecognizedPropertyException) {
            return new MalformedJsonException(pointer, "unknown field " + pointer, e);
        }
        if (m instanceof UnpairedSurrogateException) {
            return new MalformedJsonException(pointer, field + " " + m.getOriginalMessage() + "; send UTF-8 text", e);
        }
        Class<?> target = m instanceof MismatchedInputException mi ? mi.getTargetType() : null;
        if (target != null && target.isEnum()) {
            String allowed = Arrays.stream(target.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
            Object given = m instanceof InvalidFormatException f ? f.getValue() : null;
            return new MalformedJsonException(pointer, field + " must be one of " + allowed
                    + (given instanceof String g ? ", not '" + g + "'" : ""), e);
        }
        if (target != null) {
            return new MalformedJsonException(pointer.isEmpty() ? null : pointer, field + " must be " + expected(target), e);
        }
        return new MalformedJsonException(pointer.isEmpty() ? null : pointer, field + " does not have the expected shape", e);
    }

    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.*)'");

    private static MalformedJsonException syntaxError(StreamReadException r, JsonMappingException wrapper, IOException e) {
        Matcher duplicate = DUPLICATE.matcher(r.getOriginalMessage());
        if (duplicate.matches()) {
            String pointer = wrapper != null ? pointer(wrapper) + "/" + escape(duplicate.group(1))
                    : pointer(r.getProcessor() == null ? null : r.getProcessor().getParsingContext());
            return new MalformedJsonException(pointer, "field " + pointer + " appears more than once", e);
        }
        if (r instanceof JsonEOFException) {
            return new MalformedJsonException(null, "malformed JSON: the document ends too early", e);
        }
        JsonLocation at = r.getLocation();
        return new MalformedJsonException(null, "malformed JSON" + (at == null ? "" : " at line " + at.getLineNr()
                + ", column " + at.getColumnNr()) + ": " + syntax(r), e);
    }

    /** What a Java type is called in JSON. */
    private static String expected(Class<?> type) {
        if (type == String.class || type == Character.class || type == char.class) {
            return "a string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }

    /** The gist of a syntax error, without the quoted source Jackson appends. */
    private static String syntax(StreamReadException e) {
        String message = e.getOriginalMessage();
        int cut = message.indexOf('\n');
        return cut < 0 ? message : message.substring(0, cut);
    }

    /** The JSON pointer (RFC 6901) of the offending field: {@code /result/scale}, {@code /items/3/credits}, "" for the root. */
    private static String pointer(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            path.append('/').append(ref.getFieldName() != null ? escape(ref.getFieldName()) : ref.getIndex());
        }
        return path.toString();
    }

    /** The pointer of the field the parser is in (for errors found before any record is mapped). */
    private static String pointer(JsonStreamContext context) {
        java.util.Deque<String> parts = new java.util.ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            parts.push(c.inArray() ? Integer.toString(c.getCurrentIndex())
                    : escape(c.getCurrentName() == null ? "" : c.getCurrentName()));
        }
        return parts.isEmpty() ? "" : "/" + String.join("/", parts);
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    /** Thrown when input is not a well-formed JSON document of the expected shape. */
    public static final class MalformedJsonException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final String field;

        public MalformedJsonException(String message, Throwable cause) {
            this(null, message, cause);
        }

        public MalformedJsonException(String field, String message, Throwable cause) {
            super(message, cause);
            this.field = field == null || field.isEmpty() ? null : field;
        }

        /** The JSON pointer of the offending field, or null when the document as a whole is wrong. */
        public String field() {
            return field;
        }

        /** The refusal's one violation when a field is to blame (gateway and chaincode report it alike), else none. */
        public List<Violation> violations() {
            return field == null ? List.of() : List.of(new Violation(ErrorCode.MALFORMED_INPUT, field, getMessage()));
        }
    }
}
