package org.creditbank.credentials.canonical;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.rdf.api.RdfConsumerException;
import com.apicatalog.rdf.canon.RdfCanon;
import com.apicatalog.rdf.nquads.NQuadsWriter;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Map;
import java.util.regex.Pattern;
import org.creditbank.credentials.CredentialException;
import org.creditbank.model.Iris;

/**
 * The general way, by titanium's public API alone: the document's JSON text is parsed by Parsson,
 * expanded ({@code JsonLd.expand}, safe mode, contexts from {@link BundledContextLoader}), checked
 * for ids and types that would be dropped, turned into RDF ({@code JsonLd.toRdf}) and canonicalised
 * by titanium-rdfc's RDFC-1.0 with SHA-256. It handles every document, and reports every error; it
 * is also the reference the fast path is proven equal to. Each document's contexts are processed
 * anew (titanium caches only the parsed context files), which is what makes it slow.
 */
final class TitaniumCanonicalizer implements Canonicalizer {

    private static final Pattern ABSOLUTE_IRI = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:.*");

    private final JsonLdOptions options;

    TitaniumCanonicalizer() {
        options = new JsonLdOptions(new BundledContextLoader());
        // Safe mode: an undefined term is an error, not silently dropped.
        options.setUndefinedTermsPolicy(JsonLdOptions.ProcessingPolicy.Fail);
    }

    /** The options every titanium call of this package uses (safe mode, bundled contexts only). */
    JsonLdOptions options() {
        return options;
    }

    @Override
    public String nquads(JsonNode document) {
        try {
            JsonArray expanded = JsonLd.expand(JsonDocument.of(new StringReader(document.toString())))
                    .options(options).get();
            requireAbsoluteIris(expanded);
            RdfCanon canon = RdfCanon.create("SHA-256");
            JsonLd.toRdf(JsonDocument.of(expanded)).options(options).provide(canon);
            return write(canon);
        } catch (JsonLdError e) {
            throw failure(e);
        }
    }

    /** The canonical N-Quads {@code canon} has labelled, as titanium's writer writes them. */
    static String write(RdfCanon canon) {
        StringWriter out = new StringWriter();
        try {
            canon.provide(new NQuadsWriter(out));
        } catch (RdfConsumerException e) {
            throw failure(e);
        }
        return out.toString();
    }

    /** What a titanium error means for the caller: an unknown context, or a document that cannot be canonicalised. */
    static CredentialException failure(JsonLdError e) {
        if (e.getCode() == JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED) {
            return new CredentialException(CredentialException.Code.UNKNOWN_CONTEXT,
                    "a JSON-LD context is not bundled with CreditBank and is never fetched: " + e.getMessage(), e);
        }
        return new CredentialException(CredentialException.Code.CANONICALIZATION,
                "JSON-LD processing failed: " + e.getMessage(), e);
    }

    static CredentialException failure(RdfConsumerException e) {
        return new CredentialException(CredentialException.Code.CANONICALIZATION,
                "RDF canonicalisation failed: " + e.getMessage(), e);
    }

    /** Walks expanded JSON-LD; every {@code @id} and {@code @type} must be absolute (or a blank node). */
    static void requireAbsoluteIris(JsonValue value) {
        if (value instanceof JsonArray array) {
            array.forEach(TitaniumCanonicalizer::requireAbsoluteIris);
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
