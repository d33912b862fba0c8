package org.creditbank.credentials.canonical;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.jsonld.loader.DocumentLoaderOptions;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The only JSON-LD document loader CreditBank uses: it serves the {@linkplain BundledContexts bundled
 * contexts} from this jar and fails on any other URL. A verifier that fetched contexts from the web could be made to accept a
 * credential whose terms mean something else than what was signed, and would not work offline.
 */
final class BundledContextLoader implements DocumentLoader {

    /** Where the build puts the context files (credentials/pom.xml, {@code contexts.dir}). */
    private static final String DIRECTORY = "/org/creditbank/credentials/contexts/";
    private static final Map<String, String> FILES = Map.of(
            BundledContexts.VC_V2, "credentials-v2.jsonld",
            BundledContexts.OB_V3, "ob-v3p0-context-3.0.3.jsonld",
            BundledContexts.CREDITBANK_V1, "creditbank-v1.jsonld");

    /** Parsed once per JVM: contexts are immutable, and re-parsing them dominated verification time. */
    private final Map<String, Document> parsed = new ConcurrentHashMap<>();

    @Override
    public Document loadDocument(URI url, DocumentLoaderOptions options) throws JsonLdError {
        String file = FILES.get(url.toString());
        if (file == null) {
            throw new JsonLdError(JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED,
                    "context " + url + " is not bundled with CreditBank and is never fetched");
        }
        Document cached = parsed.get(file);
        if (cached != null) {
            return cached;
        }
        try (InputStream in = BundledContextLoader.class.getResourceAsStream(DIRECTORY + file)) {
            if (in == null) {
                throw new JsonLdError(JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED,
                        "bundled context " + file + " is missing from the classpath (build did not export it)");
            }
            JsonDocument document = JsonDocument.of(in);
            document.setDocumentUrl(url);
            parsed.putIfAbsent(file, document);
            return document;
        } catch (IOException e) {
            throw new JsonLdError(JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED, e);
        }
    }
}
