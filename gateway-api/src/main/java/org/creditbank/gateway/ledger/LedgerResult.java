package org.creditbank.gateway.ledger;

import java.util.Optional;

/**
 * What a write returned and, if it wrote anything, the transaction and block it committed in:
 * clients keep those as their receipt. A write that found everything already on the ledger (a
 * retry) changes nothing, is not ordered, and so has no commit.
 */
public record LedgerResult(String payload, Optional<Commit> commit) {

    /** Where a transaction landed. */
    public record Commit(String txId, long blockNumber) {
    }

    public static LedgerResult committed(String payload, String txId, long blockNumber) {
        return new LedgerResult(payload, Optional.of(new Commit(txId, blockNumber)));
    }

    /** An answer made from committed state with nothing to write. */
    public static LedgerResult unchanged(String payload) {
        return new LedgerResult(payload, Optional.empty());
    }

    /** Whether this call committed, as transaction {@code txId}. */
    public boolean committedAs(String txId) {
        return commit.map(c -> c.txId().equals(txId)).orElse(false);
    }
}
