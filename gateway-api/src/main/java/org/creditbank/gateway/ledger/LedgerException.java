package org.creditbank.gateway.ledger;

import java.util.Optional;
import org.creditbank.model.RefusalBody;

/**
 * A chaincode call that did not succeed, with why. {@link Kind#REFUSED} carries the chaincode's
 * own {@link RefusalBody} (the code and reasons the user should see); the other kinds are about
 * reaching the network and tell the HTTP layer to answer 503 or 504 rather than blame the client.
 */
public final class LedgerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What went wrong, from the caller's point of view. */
    public enum Kind {
        /** The chaincode refused the request; see {@link #refusal()}. */
        REFUSED,
        /** No peer could be reached. */
        UNAVAILABLE,
        /** A deadline passed and the outcome is unknown. */
        TIMEOUT,
        /** The transaction kept losing MVCC read conflicts after every retry. */
        CONFLICT_RETRIES_EXHAUSTED,
        /** The transaction was ordered but invalidated for another reason. */
        INVALIDATED
    }

    private final Kind kind;
    private final transient RefusalBody refusal;

    public LedgerException(Kind kind, String message, RefusalBody refusal, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.refusal = refusal;
    }

    public static LedgerException refused(RefusalBody refusal, Throwable cause) {
        return new LedgerException(Kind.REFUSED, refusal.message(), refusal, cause);
    }

    public Kind kind() {
        return kind;
    }

    public Optional<RefusalBody> refusal() {
        return Optional.ofNullable(refusal);
    }
}
