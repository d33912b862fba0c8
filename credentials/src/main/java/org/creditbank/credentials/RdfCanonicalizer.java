package org.creditbank.credentials;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.deseralization.JsonLdToRdf;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.flattening.NodeMap;
import com.apicatalog.jsonld.flattening.NodeMapBuilder;
import com.apicatalog.rdf.api.RdfConsumerException;
import com.apicatalog.rdf.canon.RdfCanon;
import com.apicatalog.rdf.nquads.NQuadsWriter;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.StringWriter;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.creditbank.model.Iris;

/**
 * JSON-LD to canonical N-Quads (RDF Dataset Canonicalization, RDFC-1.0, SHA-256), the
 * transformation ecdsa-rdfc-2019 signs. It runs in "safe mode" like the W3C reference verifiers:
 * an undefined property, or a type or id that does not expand to an absolute IRI, is an error
 * rather than silently dropped, because whatever is dropped is left out of the signature.
 */
final class RdfCanonicalizer {

    private static final JsonLdOptions OPTIONS = options();
    private static final BundledActiveContext BUNDLED = bundled();
    private static final Pattern ABSOLUTE_IRI = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:.*");

    private RdfCanonicalizer() {
    }

    /**
     * The canonical N-Quads of {@code document}. A document with CreditBank's usual
     * {@code @context} goes to RDF by {@link KnownTermsToRdf} when that covers it; any other
     * document, or one it does not cover, is expanded by titanium (with the context processed once
     * per JVM when the {@code @context} is the usual list, by {@code JsonLd.expand} otherwise),
     * which also reports the errors, and the expanded form goes straight to titanium's node map and
     * RDF steps ({@code JsonLd.toRdf} would expand it a second time).
     */
    static String canonicalNQuads(JsonNode document) {
        String known = knownTermsNQuads(document);
        if (known != null) {
            return known;
        }
        try {
            return nquads(BundledActiveContext.matches(document)
                    ? BUNDLED.expand(document)
                    : JsonLd.expand(JsonDocument.of((JsonStructure) JakartaJson.of(document))).options(OPTIONS).get());
        } catch (JsonLdError e) {
            if (e.getCode() == JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED) {
                throw new CredentialException(CredentialException.Code.UNKNOWN_CONTEXT,
                        "a JSON-LD context is not bundled with CreditBank and is never fetched: " + e.getMessage(), e);
            }
            throw new CredentialException(CredentialException.Code.CANONICALIZATION,
                    "JSON-LD processing failed: " + e.getMessage(), e);
        } catch (RdfConsumerException e) {
            throw new CredentialException(CredentialException.Code.CANONICALIZATION,
                    "RDF canonicalisation failed: " + e.getMessage(), e);
        }
    }

    /**
     * The canonical N-Quads by way of {@link KnownTermsToRdf} (and {@link UniqueHashLabels} when
     * it applies, titanium's RDFC-1.0 otherwise), or null when that way does not apply.
     */
    static String knownTermsNQuads(JsonNode document) {
        Set<KnownTermsToRdf.Quad> quads = knownTermsQuads(document);
        if (quads == null) {
            return null;
        }
        String simple = UniqueHashLabels.canonicalNQuads(quads);
        if (simple != null) {
            return simple;
        }
        try {
            RdfCanon canon = RdfCanon.create("SHA-256");
            for (KnownTermsToRdf.Quad quad : quads) {
                canon.quad(quad.subject(), quad.predicate(), quad.object(), quad.datatype(), null, null, null);
            }
            return write(canon);
        } catch (RdfConsumerException | RuntimeException e) {
            return null;
        }
    }

    /** The triples {@link KnownTermsToRdf} makes of a document, or null when that way does not apply. */
    static Set<KnownTermsToRdf.Quad> knownTermsQuads(JsonNode document) {
        return BundledActiveContext.matches(document) ? BUNDLED.knownTermsQuads(document) : null;
    }

    private static String nquads(JsonArray expanded) throws JsonLdError, RdfConsumerException {
        requireAbsoluteIris(expanded);
        RdfCanon canon = RdfCanon.create("SHA-256");
        JsonLdToRdf.with(NodeMapBuilder.with(expanded, new NodeMap()).build())
                .produceGeneralizedRdf(OPTIONS.isProduceGeneralizedRdf())
                .rdfDirection(OPTIONS.getRdfDirection())
                .uriValidation(OPTIONS.getUriValidation())
                .provide(canon);
        return write(canon);
    }

    private static String write(RdfCanon canon) throws RdfConsumerException {
        StringWriter out = new StringWriter();
        canon.provide(new NQuadsWriter(out));
        return out.toString();
    }

    /** Safe mode: an undefined term is an error, not silently dropped. */
    private static JsonLdOptions options() {
        JsonLdOptions options = new JsonLdOptions(new BundledContexts());
        options.setUndefinedTermsPolicy(JsonLdOptions.ProcessingPolicy.Fail);
        return options;
    }

    private static BundledActiveContext bundled() {
        try {
            return new BundledActiveContext(OPTIONS);
        } catch (JsonLdError e) {
            throw new IllegalStateException("the bundled JSON-LD contexts cannot be processed", e);
        }
    }

    /** Walks expanded JSON-LD; every {@code @id} and {@code @type} must be absolute (or a blank node). */
    static void requireAbsoluteIris(JsonValue value) {
        if (value instanceof JsonArray array) {
            array.forEach(RdfCanonicalizer::requireAbsoluteIris);
        } else if (value instanceof JsonObject object) {
            for (Map.Entry<String, JsonValue> member : object.entrySet()) {
                switch (member.getKey()) {
                    case "@id", "@type" -> requireAbsolute(member.getKey(), member.getValue());
                    case "@value" -> { }
                    default -> requireAbsoluteIris(member.getValue());
                }
            }
        }
    }

    private static void requireAbsolute(String keyword, JsonValue value) {
        if (value instanceof JsonArray array) {
            array.forEach(v -> requireAbsolute(keyword, v));
            return;
        }
        String iri = value instanceof JsonString s ? s.getString() : value.toString();
        if (iri.startsWith("_:") || iri.equals("@json")) {
            return;
        }
        if (!ABSOLUTE_IRI.matcher(iri).matches()) {
            throw new CredentialException(CredentialException.Code.CANONICALIZATION, keyword + " '" + iri
                    + "' is not defined by any context in use (it would not be signed)", null);
        }
        if (!Iris.isWellFormedAbsolute(iri)) {
            // The RDF step drops a node whose id is not a well-formed IRI, with only a log line:
            // its properties would silently be left out of what is signed.
            throw new CredentialException(CredentialException.Code.CANONICALIZATION, keyword + " '" + iri
                    + "' is not a well-formed IRI (it would not be signed)", null);
        }
    }
}
