package org.creditbank.credentials;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.context.ActiveContext;
import com.apicatalog.jsonld.context.TermDefinition;
import com.apicatalog.jsonld.lang.Keywords;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * JSON-LD expansion of the documents CreditBank signs, with every scoped context processed once
 * ({@link ScopedContexts}) instead of at every node as titanium's general expansion does. It
 * covers only what those documents use: node objects whose every key is a term defined by the
 * contexts in effect (ids, types, properties with no container or {@code @set}, values typed
 * {@code @id}, {@code @vocab}, {@code @json}, a datatype or untyped), strings, numbers, booleans
 * and arrays of them. Term definitions, scoped contexts and IRI expansion are titanium's; what this
 * class follows of the expansion algorithm (JSON-LD 1.1 API, section 5.1.2) is the order in which
 * a node's contexts apply: revert a non-propagated context, then the property-scoped context, then
 * the type-scoped contexts. Anything else (an undefined key, a keyword, {@code null}, a list,
 * a language, nested arrays or contexts, ...) is {@link Unsupported}, and the caller expands the
 * document with titanium instead; {@code CanonicalizationEquivalenceTest} proves both agree.
 */
final class KnownTermsExpansion {

    /** The document uses something this expansion does not cover; expand it the general way. */
    static final class Unsupported extends Exception {

        private static final long serialVersionUID = 1L;

        Unsupported(String what) {
            super(what, null, false, false);
        }
    }

    private static final JsonProvider JSON = JsonProvider.provider();

    private final ActiveContext bundled;
    private final ScopedContexts scoped = new ScopedContexts();

    KnownTermsExpansion(ActiveContext bundled) {
        this.bundled = bundled;
    }

    /** The expanded form of a document whose {@code @context} is the bundled list (already checked). */
    JsonArray expand(JsonNode document) throws Unsupported, JsonLdError {
        if (document.size() < 3) {
            // A top-level node with nothing but an id is dropped by expansion; not worth covering.
            throw new Unsupported("a near-empty document");
        }
        return JSON.createArrayBuilder().add(node(document, bundled, null, true)).build();
    }

    /**
     * A node object. {@code context} is the enclosing node's context (the bundled one at the top),
     * {@code property} the enclosing property's definition there (null at the top).
     */
    private JsonValue node(JsonNode node, ActiveContext context, TermDefinition property, boolean top)
            throws Unsupported, JsonLdError {
        ActiveContext active = context;
        if (active.getPreviousContext() != null && !(node.size() == 1 && isId(active, node.fieldNames().next()))) {
            active = active.getPreviousContext();
        }
        if (property != null && property.hasLocalContext()) {
            active = scoped.propertyScoped(active, property);
        }
        List<String> types = types(active, node);
        // Types are expanded in the context before their own scoped contexts (step 13.4.4.4).
        ActiveContext typeContext = active;
        if (!types.isEmpty()) {
            active = scoped.typeScoped(active, types.stream().sorted().toList());
        }
        requirePlain(active);
        JsonObjectBuilder expanded = JSON.createObjectBuilder();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            if (top && member.getKey().equals(Keywords.CONTEXT)) {
                continue;
            }
            TermDefinition term = term(active, member.getKey());
            String iri = term.getUriMapping();
            JsonNode value = member.getValue();
            if (Keywords.ID.equals(iri)) {
                if (!value.isTextual()) {
                    throw new Unsupported("an id that is not a string");
                }
                expanded.add(Keywords.ID, iri(active, value.textValue(), false));
            } else if (Keywords.TYPE.equals(iri)) {
                JsonArrayBuilder expandedTypes = JSON.createArrayBuilder();
                for (String type : types) {
                    expandedTypes.add(iri(typeContext, type, true));
                }
                expanded.add(Keywords.TYPE, expandedTypes);
            } else {
                expanded.add(property(iri), values(member.getKey(), value, active, term));
            }
        }
        return expanded.build();
    }

    /** The values of a property, as titanium's value expansion makes them. */
    private JsonArrayBuilder values(String key, JsonNode value, ActiveContext active, TermDefinition term)
            throws Unsupported, JsonLdError {
        JsonArrayBuilder values = JSON.createArrayBuilder();
        String type = term.getTypeMapping();
        if (Keywords.JSON.equals(type)) {
            return values.add(JSON.createObjectBuilder().add(Keywords.VALUE, JakartaJson.of(value))
                    .add(Keywords.TYPE, Keywords.JSON));
        }
        if (value.isArray()) {
            if (value.isEmpty()) {
                throw new Unsupported("an empty array");
            }
            for (JsonNode element : value) {
                if (element.isArray()) {
                    throw new Unsupported("nested arrays");
                }
                values.add(value(key, element, active, term));
            }
            return values;
        }
        return values.add(value(key, value, active, term));
    }

    private JsonValue value(String key, JsonNode value, ActiveContext active, TermDefinition term)
            throws Unsupported, JsonLdError {
        if (value.isObject()) {
            return node(value, active, term, false);
        }
        if (!value.isTextual() && !value.isNumber() && !value.isBoolean()) {
            throw new Unsupported("a null value");
        }
        TermDefinition definition = term;
        ActiveContext valueContext = active;
        if (term.hasLocalContext()) {
            // A scalar is expanded in the property-scoped context, by the property's definition there.
            valueContext = scoped.propertyScoped(active, term);
            requirePlain(valueContext);
            definition = valueContext.getTerm(key).orElseThrow(() -> new Unsupported("a term its own scope undefines"));
            requireSimple(definition);
        }
        String type = definition.getTypeMapping();
        if (value.isTextual() && (Keywords.ID.equals(type) || Keywords.VOCAB.equals(type))) {
            return JSON.createObjectBuilder().add(Keywords.ID,
                    valueContext.uriExpansion().documentRelative(true).vocab(Keywords.VOCAB.equals(type))
                            .expand(value.textValue())).build();
        }
        if (type != null && type.startsWith("@")) {
            throw new Unsupported("value type " + type);
        }
        JsonObjectBuilder literal = JSON.createObjectBuilder().add(Keywords.VALUE, JakartaJson.of(value));
        if (type != null) {
            literal.add(Keywords.TYPE, type);
        }
        return literal.build();
    }

    /** The term of a key in the node's context, only if it is of a kind this class covers. */
    private static TermDefinition term(ActiveContext active, String key) throws Unsupported {
        if (key.startsWith("@")) {
            throw new Unsupported("keyword " + key);
        }
        TermDefinition term = active.getTerm(key).orElseThrow(() -> new Unsupported("undefined term " + key));
        String iri = term.getUriMapping();
        if (iri == null || iri.startsWith("@") && !Keywords.ID.equals(iri) && !Keywords.TYPE.equals(iri)) {
            throw new Unsupported("term " + key + " maps to " + iri);
        }
        requireSimple(term);
        return term;
    }

    private static void requireSimple(TermDefinition term) throws Unsupported {
        Collection<String> containers = term.getContainerMapping();
        boolean plainContainer = containers == null || containers.isEmpty()
                || containers.size() == 1 && containers.contains(Keywords.SET);
        if (!plainContainer || term.isReverseProperty() || term.getLanguageMapping() != null
                || term.getDirectionMapping() != null || term.getNestValue() != null || term.getIndexMapping() != null) {
            throw new Unsupported("a term with container, reverse, language, direction, nest or index");
        }
    }

    /** No default language or direction, which would change every string. */
    private static void requirePlain(ActiveContext active) throws Unsupported {
        if (active.getDefaultLanguage() != null || active.getDefaultBaseDirection() != null) {
            throw new Unsupported("a default language or direction");
        }
    }

    private static boolean isId(ActiveContext active, String key) {
        return active.getTerm(key).map(t -> Keywords.ID.equals(t.getUriMapping())).orElse(false);
    }

    /** The node's type terms, from its one key that is an alias of {@code @type}. */
    private static List<String> types(ActiveContext active, JsonNode node) throws Unsupported {
        List<String> types = new ArrayList<>();
        int typeKeys = 0;
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (active.getTerm(key).map(t -> Keywords.TYPE.equals(t.getUriMapping())).orElse(false)) {
                typeKeys++;
                JsonNode value = node.get(key);
                for (JsonNode type : value.isArray() ? value : List.of(value)) {
                    if (!type.isTextual()) {
                        throw new Unsupported("a type that is not a string");
                    }
                    types.add(type.textValue());
                }
            }
        }
        if (typeKeys > 1) {
            throw new Unsupported("several type keys");
        }
        return types;
    }

    private static String iri(ActiveContext active, String value, boolean vocab) throws JsonLdError, Unsupported {
        String iri = active.uriExpansion().documentRelative(true).vocab(vocab).expand(value);
        if (iri == null || iri.startsWith("@")) {
            throw new Unsupported("an id or type that expands to " + iri);
        }
        return iri;
    }

    private static String property(String iri) throws Unsupported {
        if (iri.startsWith("_:") || iri.indexOf(':') < 0) {
            throw new Unsupported("property " + iri);
        }
        return iri;
    }
}
