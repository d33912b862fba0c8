package org.creditbank.credentials.canonical;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.Map;

/**
 * Jackson values as the Jakarta JSON values titanium reads, for the fast path's {@code @json}
 * literals (JSON canonicalisation) and {@link NumberLiterals}, without writing the JSON out and
 * parsing it again. Numbers become what Parsson would make of Jackson's text for them, as on the
 * general way: an integer when the text has no fraction or exponent, otherwise a decimal with the
 * same scale.
 */
final class JakartaJson {

    private static final JsonProvider PROVIDER = JsonProvider.provider();

    private JakartaJson() {
    }

    static JsonValue of(JsonNode node) {
        return switch (node.getNodeType()) {
            case OBJECT -> object(node);
            case ARRAY -> array(node);
            case STRING -> PROVIDER.createValue(node.textValue());
            case NUMBER -> number(node.toString());
            case BOOLEAN -> node.booleanValue() ? JsonValue.TRUE : JsonValue.FALSE;
            case NULL -> JsonValue.NULL;
            default -> throw new IllegalArgumentException("not JSON: " + node.getNodeType());
        };
    }

    private static JsonValue object(JsonNode node) {
        JsonObjectBuilder builder = PROVIDER.createObjectBuilder();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            builder.add(member.getKey(), of(member.getValue()));
        }
        return builder.build();
    }

    private static JsonValue array(JsonNode node) {
        JsonArrayBuilder builder = PROVIDER.createArrayBuilder();
        for (JsonNode element : node) {
            builder.add(of(element));
        }
        return builder.build();
    }

    /** The number Parsson would read from {@code text} (a JSON number). */
    static JsonValue number(String text) {
        if (text.indexOf('.') >= 0 || text.indexOf('e') >= 0 || text.indexOf('E') >= 0) {
            return PROVIDER.createValue(new BigDecimal(text));
        }
        BigInteger integer = new BigInteger(text);
        if (integer.bitLength() < Integer.SIZE) {
            return PROVIDER.createValue(integer.intValue());
        }
        if (integer.bitLength() < Long.SIZE) {
            return PROVIDER.createValue(integer.longValue());
        }
        return PROVIDER.createValue(integer);
    }
}
