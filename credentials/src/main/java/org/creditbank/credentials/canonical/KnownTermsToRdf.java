package org.creditbank.credentials.canonical;

import com.apicatalog.jcs.JsonCanonicalizer;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.context.ActiveContext;
import com.apicatalog.jsonld.context.TermDefinition;
import com.apicatalog.jsonld.lang.Keywords;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * JSON-LD to RDF for the documents CreditBank signs, straight from the Jackson tree, with every
 * scoped context processed once ({@link ScopedContexts}). Titanium's general way builds the
 * expanded form, a node map and then the quads, and processes every type-scoped context at every
 * node; for an Open Badges credential that was most of the cost of verifying it.
 *
 * <p>It covers only what CreditBank's documents use: node objects whose every key is a term
 * defined by the contexts in effect (ids, types, properties with no container or {@code @set},
 * values typed {@code @id}, {@code @vocab}, {@code @json}, a datatype or untyped), strings,
 * numbers, booleans and arrays of them, and IRIs of plain ASCII. Term definitions, scoped contexts,
 * IRI expansion, JSON canonicalisation and number literals are titanium's. What this class follows
 * of the JSON-LD 1.1 algorithms is the order in which a node's contexts apply (expansion steps
 * 7-11: revert a non-propagated context, then the property-scoped context, then the type-scoped
 * contexts, types expanded before their own) and the literal rules of "object to RDF". Anything
 * else (an undefined key, a keyword, {@code null}, a list, a language, nested arrays or contexts,
 * an IRI with spaces, percent signs or non-ASCII characters, ...) is {@link Unsupported}, and
 * the caller uses titanium's general way; {@code CanonicalizationEquivalenceTest} proves that both
 * give the same canonical N-Quads.
 */
final class KnownTermsToRdf {

    /** The document uses something this class does not cover; use the general way. */
    static final class Unsupported extends Exception {

        private static final long serialVersionUID = 1L;

        Unsupported(String what) {
            super(what, null, false, false);
        }
    }

    /** One triple of the default graph; {@code datatype} is null when {@code object} is an IRI or blank node. */
    record Quad(String subject, String predicate, String object, String datatype) {
    }

    private static final String RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
    private static final String RDF_JSON = "http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON";
    private static final String XSD = "http://www.w3.org/2001/XMLSchema#";
    /** Characters of IRIs this class emits besides letters and digits (no '%', brackets, spaces or non-ASCII). */
    private static final String PLAIN_IRI_MARKS = "-._~:/?@!$&'()*+,;=";

    private final ActiveContext bundled;
    private final ScopedContexts scoped = new ScopedContexts();
    private final NumberLiterals numbers = new NumberLiterals();

    KnownTermsToRdf(ActiveContext bundled) {
        this.bundled = bundled;
    }

    /** The triples of a document whose {@code @context} is the bundled list (already checked). */
    Set<Quad> quads(JsonNode document) throws Unsupported, JsonLdError {
        if (document.size() < 3) {
            // A top-level node with nothing but an id is dropped by expansion; not worth covering.
            throw new Unsupported("a near-empty document");
        }
        Set<Quad> quads = new LinkedHashSet<>();
        new Walk(quads).node(document, bundled, null, true);
        return quads;
    }

    /** One document's walk: its triples (a set, as the node map merges repeated statements) and blank nodes. */
    private final class Walk {

        private final Set<Quad> quads;
        private int blankNodes;

        Walk(Set<Quad> quads) {
            this.quads = quads;
        }

        /**
         * A node object; returns its subject. {@code context} is the enclosing node's context (the
         * bundled one at the top), {@code property} the enclosing property's definition there.
         */
        String node(JsonNode node, ActiveContext context, TermDefinition property, boolean top)
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
            String subject = null;
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> member = it.next();
                if (isId(active, member.getKey())) {
                    if (!member.getValue().isTextual()) {
                        throw new Unsupported("an id that is not a string");
                    }
                    subject = reference(active.uriExpansion().documentRelative(true).vocab(false)
                            .expand(member.getValue().textValue()));
                }
            }
            if (subject == null) {
                subject = "_:g" + blankNodes++;
            }
            for (String type : types) {
                quads.add(new Quad(subject, RDF_TYPE, iri(typeContext.uriExpansion().documentRelative(true).vocab(true)
                        .expand(type)), null));
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> member = it.next();
                if (top && member.getKey().equals(Keywords.CONTEXT)) {
                    continue;
                }
                TermDefinition term = term(active, member.getKey());
                String predicate = term.getUriMapping();
                if (!Keywords.ID.equals(predicate) && !Keywords.TYPE.equals(predicate)) {
                    values(subject, iri(predicate), member.getKey(), member.getValue(), active, term);
                }
            }
            return subject;
        }

        private void values(String subject, String predicate, String key, JsonNode value, ActiveContext active,
                            TermDefinition term) throws Unsupported, JsonLdError {
            if (Keywords.JSON.equals(term.getTypeMapping())) {
                quads.add(new Quad(subject, predicate, JsonCanonicalizer.canonize(JakartaJson.of(value)), RDF_JSON));
                return;
            }
            if (!value.isArray()) {
                value(subject, predicate, key, value, active, term);
                return;
            }
            if (value.isEmpty()) {
                throw new Unsupported("an empty array");
            }
            for (JsonNode element : value) {
                if (element.isArray()) {
                    throw new Unsupported("nested arrays");
                }
                value(subject, predicate, key, element, active, term);
            }
        }

        private void value(String subject, String predicate, String key, JsonNode value, ActiveContext active,
                           TermDefinition term) throws Unsupported, JsonLdError {
            if (value.isObject()) {
                quads.add(new Quad(subject, predicate, node(value, active, term, false), null));
                return;
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
                definition = valueContext.getTerm(key)
                        .orElseThrow(() -> new Unsupported("a term its own scope undefines"));
                requireSimple(definition);
            }
            String type = definition.getTypeMapping();
            if (value.isTextual() && (Keywords.ID.equals(type) || Keywords.VOCAB.equals(type))) {
                quads.add(new Quad(subject, predicate, reference(valueContext.uriExpansion().documentRelative(true)
                        .vocab(Keywords.VOCAB.equals(type)).expand(value.textValue())), null));
                return;
            }
            if (type != null && (type.startsWith("@") || !isPlainIri(type))) {
                throw new Unsupported("value type " + type);
            }
            if (value.isTextual()) {
                quads.add(new Quad(subject, predicate, value.textValue(), type == null ? XSD + "string" : type));
            } else if (value.isBoolean()) {
                quads.add(new Quad(subject, predicate, value.asText(), type == null ? XSD + "boolean" : type));
            } else {
                NumberLiterals.Literal literal = numbers.of(value.toString(), type);
                quads.add(new Quad(subject, predicate, literal.lexical(), literal.datatype()));
            }
        }
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

    /** An IRI this class may emit. */
    private static String iri(String expanded) throws Unsupported {
        if (expanded == null || !isPlainIri(expanded)) {
            throw new Unsupported("the IRI " + expanded);
        }
        return expanded;
    }

    /** A node reference: a plain IRI or a blank node with a plain label (kept apart from generated ones). */
    private static String reference(String expanded) throws Unsupported {
        if (expanded != null && expanded.startsWith("_:") && expanded.length() > 2
                && expanded.chars().skip(2).allMatch(KnownTermsToRdf::isLetterOrDigit)) {
            return "_:d" + expanded.substring(2);
        }
        return iri(expanded);
    }

    /**
     * An IRI that titanium's URI validation certainly accepts: a scheme (a letter, then letters,
     * digits, '+', '-', '.'), ':', then letters, digits, percent-encoded octets and
     * {@link #PLAIN_IRI_MARKS}, with at most one '#'. (A hand-written scan: a regular expression here cost a tenth of verifying.)
     */
    static boolean isPlainIri(String iri) {
        int colon = iri.indexOf(':');
        if (colon < 1 || !isAsciiLetter(iri.charAt(0))) {
            return false;
        }
        for (int i = 1; i < colon; i++) {
            char c = iri.charAt(i);
            if (!isLetterOrDigit(c) && c != '+' && c != '-' && c != '.') {
                return false;
            }
        }
        boolean fragment = false;
        for (int i = colon + 1; i < iri.length(); i++) {
            char c = iri.charAt(i);
            if (c == '#') {
                if (fragment) {
                    return false;
                }
                fragment = true;
            } else if (c == '%') {
                // A percent-encoded octet (RFC 3987 pct-encoded), as did:web writes a port's colon.
                if (i + 2 >= iri.length() || !isHexDigit(iri.charAt(i + 1)) || !isHexDigit(iri.charAt(i + 2))) {
                    return false;
                }
                i += 2;
            } else if (!isLetterOrDigit(c) && PLAIN_IRI_MARKS.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHexDigit(int c) {
        return c >= '0' && c <= '9' || c >= 'A' && c <= 'F' || c >= 'a' && c <= 'f';
    }

    private static boolean isAsciiLetter(int c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }

    private static boolean isLetterOrDigit(int c) {
        return isAsciiLetter(c) || c >= '0' && c <= '9';
    }
}
