package org.creditbank.gateway.ledger;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The answer to a write: the record as the ledger now holds it, the transaction and block it
 * committed in, and whether this request created it ({@code false} when a retried request found
 * the record an earlier one made).
 */
public record Receipt(JsonNode record, String txId, long blockNumber, boolean created) {
}
