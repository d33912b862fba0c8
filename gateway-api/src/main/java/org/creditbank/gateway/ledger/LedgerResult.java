package org.creditbank.gateway.ledger;

/**
 * What a committed transaction returned, with where it landed: clients keep the transaction id
 * and block number as their receipt.
 */
public record LedgerResult(String payload, String txId, long blockNumber) {
}
