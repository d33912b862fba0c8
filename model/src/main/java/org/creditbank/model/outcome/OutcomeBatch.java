package org.creditbank.model.outcome;

import java.util.Optional;
import org.creditbank.model.ErrorCode;
import org.creditbank.model.Violation;

/**
 * The size rule of a batch of outcome drafts issued in one transaction, all or nothing. The
 * gateway applies it before any ledger call and the chaincode again, with the same code, so a
 * client gets the same answer whichever layer refuses.
 */
public final class OutcomeBatch {

    /**
     * At most this many drafts in one transaction: 500 records with their index entries and
     * key-level policies keep a block well under the orderer's size limit.
     */
    public static final int MAX_ITEMS = 500;

    /** What an item that is JSON {@code null} gets in the per-item report, from either layer. */
    public static final Violation NULL_ITEM = new Violation(ErrorCode.INVALID_FIELD, null, "item is null");

    private OutcomeBatch() {
    }

    /**
     * Why a batch of {@code size} drafts cannot be issued, or empty when it can: an empty batch is
     * an {@link ErrorCode#INVALID_FIELD}, one over {@link #MAX_ITEMS} is {@link ErrorCode#BATCH_TOO_LARGE}.
     */
    public static Optional<Violation> sizeViolation(int size) {
        if (size == 0) {
            return Optional.of(new Violation(ErrorCode.INVALID_FIELD, "items",
                    "a batch holds 1 to " + MAX_ITEMS + " outcomes; this one is empty"));
        }
        if (size > MAX_ITEMS) {
            return Optional.of(new Violation(ErrorCode.BATCH_TOO_LARGE, "items",
                    "a batch holds 1 to " + MAX_ITEMS + " outcomes; this one has " + size));
        }
        return Optional.empty();
    }
}
