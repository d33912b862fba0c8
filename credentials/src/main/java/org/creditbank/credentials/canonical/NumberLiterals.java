package org.creditbank.credentials.canonical;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.deseralization.JsonLdToRdf;
import com.apicatalog.jsonld.flattening.NodeMap;
import com.apicatalog.jsonld.flattening.NodeMapBuilder;
import com.apicatalog.jsonld.lang.Keywords;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The RDF literal of a JSON number, as titanium's "object to RDF" makes it (xsd:integer or the
 * canonical xsd:double form, depending on the value and the term's datatype), remembered per
 * number text and datatype: credentials repeat the same few numbers (credits), and asking
 * titanium once keeps its exact rules without copying them. Bounded; emptied when full.
 */
final class NumberLiterals {

    /** A literal's lexical form and datatype IRI. */
    record Literal(String lexical, String datatype) {
    }

    private static final int BOUND = 4096;
    private static final String PROBE = "https://creditbank.example/ns/probe#number";
    private static final JsonProvider JSON = JsonProvider.provider();

    private final Map<String, Literal> known = new ConcurrentHashMap<>();

    /** The literal of the number written {@code text}, for a term whose datatype is {@code datatype} (or null). */
    Literal of(String text, String datatype) throws KnownTermsToRdf.Unsupported {
        String key = datatype + " " + text;
        Literal literal = known.get(key);
        if (literal != null) {
            return literal;
        }
        literal = titaniums(text, datatype);
        if (known.size() >= BOUND) {
            known.clear();
        }
        known.put(key, literal);
        return literal;
    }

    private static Literal titaniums(String text, String datatype) throws KnownTermsToRdf.Unsupported {
        JsonObjectBuilder value = JSON.createObjectBuilder()
                .add(Keywords.VALUE, JakartaJson.number(text));
        if (datatype != null) {
            value.add(Keywords.TYPE, datatype);
        }
        var node = JSON.createArrayBuilder().add(JSON.createObjectBuilder()
                .add(Keywords.ID, "_:n").add(PROBE, JSON.createArrayBuilder().add(value))).build();
        Literal[] made = new Literal[1];
        try {
            JsonLdToRdf.with(NodeMapBuilder.with(node, new NodeMap()).build()).provide(
                    (subject, predicate, object, type, language, direction, graph) -> {
                        made[0] = new Literal(object, type);
                        return null;
                    });
        } catch (JsonLdError e) {
            throw new KnownTermsToRdf.Unsupported("a number titanium does not turn into a literal");
        }
        if (made[0] == null) {
            throw new KnownTermsToRdf.Unsupported("a number titanium drops");
        }
        return made[0];
    }
}
