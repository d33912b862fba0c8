package org.creditbank.credentials;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.rdf.api.RdfConsumerException;
import com.apicatalog.rdf.canon.RdfCanon;
import com.apicatalog.rdf.nquads.NQuadsWriter;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringReader;
import java.io.StringWriter;

/**
 * JSON-LD to canonical N-Quads (RDF Dataset Canonicalization, RDFC-1.0, SHA-256), the
 * transformation ecdsa-rdfc-2019 signs. It runs in "safe mode": an undefined term or type is an
 * error rather than silently dropped, because a dropped term would be left out of the signature.
 */
final class RdfCanonicalizer {

    private static final BundledContexts LOADER = new BundledContexts();

    private RdfCanonicalizer() {
    }

    static String canonicalNQuads(JsonNode document) {
        JsonLdOptions options = new JsonLdOptions(LOADER);
        options.setUndefinedTermsPolicy(JsonLdOptions.ProcessingPolicy.Fail);
        try {
            JsonDocument input = JsonDocument.of(new StringReader(document.toString()));
            RdfCanon canon = RdfCanon.create("SHA-256");
            JsonLd.toRdf(input).options(options).provide(canon);
            StringWriter out = new StringWriter();
            canon.provide(new NQuadsWriter(out));
            return out.toString();
        } catch (JsonLdError e) {
            CredentialException.Code code = e.getCode() == JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED
                    ? CredentialException.Code.UNKNOWN_CONTEXT
                    : CredentialException.Code.CANONICALIZATION;
            throw new CredentialException(code, "JSON-LD processing failed: " + e.getMessage(), e);
        } catch (RdfConsumerException e) {
            throw new CredentialException(CredentialException.Code.CANONICALIZATION,
                    "RDF canonicalisation failed: " + e.getMessage(), e);
        }
    }
}
