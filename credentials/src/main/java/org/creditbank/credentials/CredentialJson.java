package org.creditbank.credentials;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reading and writing credential JSON. Unlike ledger records (see the model's CanonicalJson),
 * credentials keep their key order, since their signature covers RDF, not bytes; decimals are read
 * exactly so that re-serialising a credential never changes a number that was signed.
 */
final class CredentialJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private CredentialJson() {
    }

    static ObjectNode parseObject(String json, String what) {
        try {
            JsonNode node = json == null ? null : MAPPER.readTree(json);
            if (node instanceof ObjectNode object) {
                return object;
            }
            throw new CredentialException(CredentialException.Code.MALFORMED, what + " must be a JSON object", null);
        } catch (JsonProcessingException e) {
            throw new CredentialException(CredentialException.Code.MALFORMED,
                    what + " is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** A JSON-LD {@code type} array of {@code names}, in order. */
    static ArrayNode types(String... names) {
        ArrayNode types = MAPPER.createArrayNode();
        for (String name : names) {
            types.add(name);
        }
        return types;
    }

    static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }
}
