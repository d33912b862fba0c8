/**
 * The gateway's only way to the chaincode: {@link org.creditbank.gateway.ledger.LedgerClient} and its
 * Fabric Gateway SDK implementation, with the retry rules that make submits safe to repeat, the
 * call and result types, and the failure kinds that the HTTP layer turns into 4xx or 502/503/504.
 */
package org.creditbank.gateway.ledger;
