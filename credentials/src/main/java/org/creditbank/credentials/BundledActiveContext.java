package org.creditbank.credentials;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.context.ActiveContext;
import com.apicatalog.jsonld.expansion.Expansion;
import com.apicatalog.jsonld.json.JsonUtils;
import com.apicatalog.jsonld.lang.Keywords;
import com.apicatalog.jsonld.processor.ProcessingRuntime;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.util.List;
import java.util.Set;

/**
 * The JSON-LD active context of {@code "@context": [VC 2.0, Open Badges 3.0.3, CreditBank v1]},
 * processed once per JVM. Every CreditBank credential and its proof options start with exactly this
 * list, and turning its ~300 term definitions into an active context was half of the time of
 * verifying a credential, twice per credential. Expanding a document whose {@code @context} is this
 * list with the list already processed is what the JSON-LD expansion algorithm does anyway (it
 * processes a top-level {@code @context} first and expands the rest with the result); titanium's
 * own expansion does the rest, including type-scoped and nested contexts. Documents with any other
 * {@code @context} are not for this class ({@link #matches}).
 *
 * <p>The processed context is only read while expanding: titanium copies it before any change
 * (type-scoped contexts), so one instance serves every thread.
 */
final class BundledActiveContext {

    static final List<String> URLS = List.of(BundledContexts.VC_V2, BundledContexts.OB_V3,
            BundledContexts.CREDITBANK_V1);

    private final JsonLdOptions options;
    private final ActiveContext context;
    private final KnownTermsToRdf knownTerms;

    BundledActiveContext(JsonLdOptions options) throws JsonLdError {
        this.options = options;
        JsonProvider provider = JsonProvider.provider();
        var list = provider.createArrayBuilder();
        URLS.forEach(list::add);
        this.context = new ActiveContext(null, null, ProcessingRuntime.of(options)).newContext()
                .create(list.build(), null);
        this.knownTerms = new KnownTermsToRdf(context);
    }

    /** Whether {@code document} is an object whose {@code @context} is exactly {@link #URLS}, in that order. */
    static boolean matches(JsonNode document) {
        JsonNode context = document.get(Keywords.CONTEXT);
        if (context == null || !context.isArray() || context.size() != URLS.size()) {
            return false;
        }
        for (int i = 0; i < URLS.size(); i++) {
            if (!context.get(i).isTextual() || !URLS.get(i).equals(context.get(i).textValue())) {
                return false;
            }
        }
        return true;
    }

    /**
     * The triples of a document that {@link #matches} by way of {@link KnownTermsToRdf}; null when
     * the document uses something that way does not cover (or makes titanium fail: the general
     * way then reports it).
     */
    Set<KnownTermsToRdf.Quad> knownTermsQuads(JsonNode document) {
        try {
            return knownTerms.quads(document);
        } catch (KnownTermsToRdf.Unsupported | JsonLdError | RuntimeException e) {
            return null;
        }
    }

    /**
     * The expanded form of a document that {@link #matches}, as titanium's {@code JsonLd.expand}
     * returns it: an array, unwrapped from a lone top-level {@code @graph}.
     */
    JsonArray expand(JsonNode document) throws JsonLdError {
        JsonValue expanded = Expansion.with(context, JakartaJson.objectWithout(document, Keywords.CONTEXT), null, null)
                .frameExpansion(false)
                .ordered(options.isOrdered())
                .compute();
        if (JsonUtils.isObject(expanded)) {
            JsonObject object = expanded.asJsonObject();
            if (object.size() == 1 && object.containsKey(Keywords.GRAPH)) {
                expanded = object.get(Keywords.GRAPH);
            }
        }
        if (JsonUtils.isNull(expanded)) {
            return JsonValue.EMPTY_JSON_ARRAY;
        }
        return JsonUtils.toJsonArray(expanded);
    }
}
