package org.creditbank.credentials;

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
 * A credential's Jackson tree as the Jakarta JSON values titanium reads. Converting the tree
 * directly replaces writing it out and parsing it again (Jackson, then Parsson), which was a round
 * trip per canonicalisation. Numbers become what Parsson would make of Jackson's text for them: an
 * integer when the text has no fraction or exponent, otherwise a decimal with the same scale.
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

    /** Like {@link #of} for an object, leaving out its top-level member {@code skipped}. */
    static JsonValue objectWithout(JsonNode node, String skipped) {
        JsonObjectBuilder builder = PROVIDER.createObjectBuilder();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            if (!member.getKey().equals(skipped)) {
                builder.add(member.getKey(), of(member.getValue()));
            }
        }
        return builder.build();
    }

    private static JsonValue object(JsonNode node) {
        return objectWithout(node, null);
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
