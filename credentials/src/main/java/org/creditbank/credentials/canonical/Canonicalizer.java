package org.creditbank.credentials.canonical;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A JSON-LD document as the canonical N-Quads of its RDF dataset (RDF Dataset Canonicalization,
 * RDFC-1.0): the bytes every {@code *-rdfc-*} Data Integrity cryptosuite hashes and signs
 * ({@code ecdsa-rdfc-2019}, {@code eddsa-rdfc-2022}, ...). Hashing and signing are the
 * cryptosuite's; this is only the transformation, so every suite shares it.
 *
 * <p>It runs in <em>safe mode</em>, like the W3C reference verifiers: an undefined term, or an
 * {@code @id} or {@code @type} that is not a well-formed absolute IRI, is a
 * {@link org.creditbank.credentials.CredentialException} ({@code CANONICALIZATION}) rather than
 * silently dropped, because whatever is dropped is left out of the signature. A context that is not
 * {@linkplain BundledContexts bundled} is never fetched ({@code UNKNOWN_CONTEXT}).
 *
 * <p>Two implementations give byte-identical output ({@code CanonicalizationEquivalenceTest} is
 * the gate): {@link #titanium()}, titanium-json-ld's public API and titanium-rdfc, and
 * {@link #withFastPath()}, which takes documents it {@linkplain FastPathCanonicalizer covers}
 * (every document CreditBank issues) straight from the Jackson tree, about ten times faster, and
 * hands every other document to titanium by an explicit decision. {@link #configured()} is the
 * fast path unless it is switched off with the system property {@value #FAST_PATH_PROPERTY} or
 * the environment variable {@value #FAST_PATH_ENV} set to {@code false}: the way out if a
 * titanium upgrade or a new document shape ever makes the two differ.
 *
 * <p>Implementations are thread-safe and meant to be shared.
 */
public interface Canonicalizer {

    /** System property: {@code false} switches the fast path off ({@code true}, the default, keeps it). */
    String FAST_PATH_PROPERTY = "creditbank.canonicalization.fastPath";
    /** Environment variable read when the system property is not set; same values. */
    String FAST_PATH_ENV = "CREDITBANK_CANONICALIZATION_FAST_PATH";

    /**
     * The canonical N-Quads of {@code document}, one line per quad, sorted, blank nodes labelled
     * {@code _:c14n0}, {@code _:c14n1}, ... Throws
     * {@link org.creditbank.credentials.CredentialException} when the document cannot be
     * canonicalised in safe mode.
     */
    String nquads(JsonNode document);

    /** Titanium's public API only: JSON-LD expansion, RDF, RDFC-1.0. */
    static Canonicalizer titanium() {
        return Implementations.TITANIUM;
    }

    /** The fast path for the documents it covers, {@link #titanium()} for every other one. */
    static Canonicalizer withFastPath() {
        return Implementations.FAST_PATH;
    }

    /** {@link #withFastPath()}, or {@link #titanium()} when {@value #FAST_PATH_PROPERTY} (or {@value #FAST_PATH_ENV}) is {@code false}. */
    static Canonicalizer configured() {
        String setting = System.getProperty(FAST_PATH_PROPERTY);
        return Implementations.forSetting(setting != null ? setting : System.getenv(FAST_PATH_ENV));
    }
}
