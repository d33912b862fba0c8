package org.creditbank.gateway.ledger;

import java.util.Optional;
import java.util.function.Predicate;
import org.creditbank.model.json.CanonicalJson;

/**
 * The answer to a write: the record as the ledger now holds it (one of the model's records, read
 * once here), the transaction and block this request committed in (none when it found everything
 * already there), and whether this request created the record ({@code false} when a retried request
 * found the record an earlier one made).
 */
public record Receipt<T>(T record, Optional<LedgerResult.Commit> commit, boolean created) {

    /** A write that makes something new whenever it commits (a status change, a rule version). */
    public static <T> Receipt<T> of(LedgerResult result, Class<T> type) {
        return of(result, type, record -> true);
    }

    /**
     * A write that may return what an earlier request made; {@code madeHere} tells, for a write
     * that committed, whether this request made the record.
     */
    public static <T> Receipt<T> of(LedgerResult result, Class<T> type, Predicate<T> madeHere) {
        T record = CanonicalJson.read(result.payload(), type);
        return new Receipt<>(record, result.commit(), result.commit().isPresent() && madeHere.test(record));
    }
}
