/**
 * The {@code outcome} contract (issue, batch issue, status changes, reads, history) and its pure
 * {@link org.creditbank.chaincode.outcome.IssuanceRules}, which decide what an issuer may issue on a
 * given day. The rules are separate from the contract so that they are tested without a ledger.
 */
package org.creditbank.chaincode.outcome;
