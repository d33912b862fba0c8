/**
 * Signed W3C Verifiable Credentials for ledger records: Open Badges 3.0 credentials per outcome,
 * CLR-shaped transcripts with selective disclosure (Merkle tree), Bitstring status lists, the
 * {@code ecdsa-rdfc-2019} proof (its RDF canonicalisation lives in
 * {@link org.creditbank.credentials.canonical}), and the offline
 * {@link org.creditbank.credentials.CredentialVerifier}. It depends only on {@code model}, so the
 * same code signs at the gateway and verifies anywhere, without a ledger.
 */
package org.creditbank.credentials;
