package org.creditbank.gateway.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Predicate;
import org.creditbank.model.json.CanonicalJson;

/**
 * The answer to a write: the record as the ledger now holds it, the transaction and block it
 * committed in, and whether this request created it ({@code false} when a retried request found
 * the record an earlier one made).
 */
public record Receipt(JsonNode record, String txId, long blockNumber, boolean created) {

    /** A write that always makes something new (a status change, a rule version). */
    public static Receipt of(LedgerResult result) {
        return of(result, record -> true);
    }

    /** A write that may return what an earlier request made; {@code madeHere} tells which. */
    public static Receipt of(LedgerResult result, Predicate<JsonNode> madeHere) {
        JsonNode record = CanonicalJson.read(result.payload(), JsonNode.class);
        return new Receipt(record, result.txId(), result.blockNumber(), madeHere.test(record));
    }
}
