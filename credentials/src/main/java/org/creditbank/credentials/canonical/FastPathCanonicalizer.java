package org.creditbank.credentials.canonical;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.context.ActiveContext;
import com.apicatalog.jsonld.lang.Keywords;
import com.apicatalog.jsonld.processor.ProcessingRuntime;
import com.apicatalog.rdf.canon.RdfCanon;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.json.spi.JsonProvider;
import java.util.List;
import java.util.Set;

/**
 * The fast path: a document it {@linkplain #coverage covers} goes to RDF by {@link KnownTermsToRdf}
 * straight from the Jackson tree, with {@code "@context": [VC 2.0, Open Badges 3.0.3, CreditBank
 * v1]} processed once per JVM, and is labelled by {@link UniqueHashLabels} (by titanium-rdfc's
 * RDFC-1.0 when two blank nodes share a first-degree hash). Any other document goes to
 * {@link TitaniumCanonicalizer}, by the {@link NotCovered} answer of {@link #coverage}, never
 * because something failed: an error of titanium's on the fast path is the caller's error, as it
 * would be on the general way.
 *
 * <p>Processing the bundled context list took half of the time of verifying a credential, twice
 * per credential (document and proof options); titanium's expansion, node map and RDF steps most of
 * the rest. Expanding a document with its top-level {@code @context} already processed is what the
 * JSON-LD expansion algorithm does anyway (it processes that context first and expands the rest
 * with the result).
 *
 * <p><b>Titanium internals.</b> This package uses classes of titanium-json-ld that are public but
 * not its documented API, as of version {@value #TITANIUM_JSON_LD} (credentials/pom.xml):
 * {@code context.ActiveContext} (its constructor, {@code newContext().create/propagate/
 * overrideProtected}, {@code getTerm}, {@code getPreviousContext}, {@code uriExpansion},
 * {@code getDefaultLanguage}, {@code getDefaultBaseDirection}), {@code context.TermDefinition}
 * (getters), {@code processor.ProcessingRuntime.of}, and {@code deseralization.JsonLdToRdf} with
 * {@code flattening.NodeMapBuilder}/{@code NodeMap} ({@link NumberLiterals}); from titanium-rdfc
 * 2.0.0, {@code RdfCanon} and {@code nquads.NQuadsAlphabet.escape} ({@link UniqueHashLabels}). No
 * reflection. {@code TitaniumVersionTest} fails when the version changes, so whoever upgrades runs
 * {@code CanonicalizationEquivalenceTest} knowingly (and can switch the fast path off,
 * {@link Canonicalizer#FAST_PATH_PROPERTY}).
 *
 * <p>The processed context is only read: titanium copies it before any change (type-scoped
 * contexts), so one instance serves every thread.
 */
final class FastPathCanonicalizer implements Canonicalizer {

    /** The titanium-json-ld version whose internals the fast path was written and proven against. */
    static final String TITANIUM_JSON_LD = "1.6.0";

    /** Whether the fast path takes a document: with its canonical N-Quads, or why not. */
    sealed interface Coverage permits Covered, NotCovered {
    }

    /** The document is covered; these are its canonical N-Quads. */
    record Covered(String nquads) implements Coverage {
    }

    /** The document uses something the fast path does not cover; titanium's general way takes it. */
    record NotCovered(String reason) implements Coverage {
    }

    private final TitaniumCanonicalizer titanium;
    private final KnownTermsToRdf knownTerms;

    FastPathCanonicalizer(TitaniumCanonicalizer titanium) {
        this.titanium = titanium;
        this.knownTerms = new KnownTermsToRdf(processedContext(titanium.options()));
    }

    @Override
    public String nquads(JsonNode document) {
        return coverage(document) instanceof Covered covered ? covered.nquads() : titanium.nquads(document);
    }

    /**
     * Whether the fast path covers {@code document}: its {@code @context} is exactly
     * {@link BundledContexts#CREDITBANK_DOCUMENTS}, and it uses only what {@link KnownTermsToRdf}
     * covers. Throws {@link org.creditbank.credentials.CredentialException} where titanium reports an
     * error on the way.
     */
    Coverage coverage(JsonNode document) {
        if (!hasCreditBankContext(document)) {
            return new NotCovered("an @context other than " + BundledContexts.CREDITBANK_DOCUMENTS);
        }
        Set<KnownTermsToRdf.Quad> quads;
        try {
            quads = knownTerms.quads(document);
        } catch (KnownTermsToRdf.Unsupported e) {
            return new NotCovered(e.getMessage());
        } catch (JsonLdError e) {
            throw TitaniumCanonicalizer.failure(e);
        }
        return new Covered(UniqueHashLabels.canonicalNQuads(quads).orElseGet(() -> titaniumLabels(quads)));
    }

    /** RDFC-1.0 by titanium-rdfc, for the datasets whose blank nodes {@link UniqueHashLabels} cannot tell apart. */
    static String titaniumLabels(Set<KnownTermsToRdf.Quad> quads) {
        RdfCanon canon = RdfCanon.create("SHA-256");
        for (KnownTermsToRdf.Quad quad : quads) {
            canon.quad(quad.subject(), quad.predicate(), quad.object(), quad.datatype(), null, null, null);
        }
        return TitaniumCanonicalizer.write(canon);
    }

    /** The fast path's way from a document to its triples (for the equivalence test). */
    KnownTermsToRdf knownTerms() {
        return knownTerms;
    }

    /** Whether {@code document} is an object whose {@code @context} is exactly CreditBank's list, in that order. */
    private static boolean hasCreditBankContext(JsonNode document) {
        JsonNode context = document.get(Keywords.CONTEXT);
        List<String> urls = BundledContexts.CREDITBANK_DOCUMENTS;
        if (context == null || !context.isArray() || context.size() != urls.size()) {
            return false;
        }
        for (int i = 0; i < urls.size(); i++) {
            if (!context.get(i).isTextual() || !urls.get(i).equals(context.get(i).textValue())) {
                return false;
            }
        }
        return true;
    }

    private static ActiveContext processedContext(JsonLdOptions options) {
        var list = JsonProvider.provider().createArrayBuilder();
        BundledContexts.CREDITBANK_DOCUMENTS.forEach(list::add);
        try {
            return new ActiveContext(null, null, ProcessingRuntime.of(options)).newContext().create(list.build(), null);
        } catch (JsonLdError e) {
            throw new IllegalStateException("the bundled JSON-LD contexts cannot be processed", e);
        }
    }
}
