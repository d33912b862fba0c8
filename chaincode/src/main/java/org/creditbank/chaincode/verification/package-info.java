/**
 * The {@code verification} contract and its pure {@link org.creditbank.chaincode.verification.VerdictRules}:
 * the ledger's verdict on a record id and content hash. A wrong hash and an unknown id get the same
 * NO_MATCH, and this is where that is enforced, whichever client asks.
 */
package org.creditbank.chaincode.verification;
