/**
 * RDF Dataset Canonicalization (RDFC-1.0) of JSON-LD documents: the one home of the N-Quads that
 * every {@code *-rdfc-*} Data Integrity proof hashes and signs. Its public surface is
 * {@link org.creditbank.credentials.canonical.Canonicalizer} (the transformation; hashing and
 * signing stay with the cryptosuite) and
 * {@link org.creditbank.credentials.canonical.BundledContexts} (the JSON-LD contexts it knows, never
 * fetched). Everything else is internal: the general way through titanium's public API
 * ({@code TitaniumCanonicalizer}), and the fast path for CreditBank's own documents
 * ({@code FastPathCanonicalizer}: {@code KnownTermsToRdf}, {@code ScopedContexts},
 * {@code NumberLiterals}, {@code JakartaJson}, {@code UniqueHashLabels}), which uses titanium-json-ld
 * 1.6.0 classes outside its documented API, is switched off by
 * {@code -Dcreditbank.canonicalization.fastPath=false}, and is gated by
 * {@code CanonicalizationEquivalenceTest}. Errors are
 * {@link org.creditbank.credentials.CredentialException}s, the module's one error type.
 */
package org.creditbank.credentials.canonical;
