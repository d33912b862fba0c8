package org.creditbank.gateway.ledger;

import java.util.Optional;
import org.creditbank.model.RefusalBody;

/**
 * A chaincode call that did not succeed, with why. {@link Kind#REFUSED} carries the chaincode's
 * own {@link RefusalBody} (the code and reasons the user should see); the other kinds say where on
 * the way through the network the call failed and tell the HTTP layer to answer 502, 503 or 504
 * rather than blame the client.
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
        /**
         * The peers did not run or endorse the proposal (a submit's endorsement, or an evaluation),
         * and no chaincode refusal says why: e.g. the chaincode failed unexpectedly or is not
         * installed. Nothing was sent to the orderer, so nothing was written.
         */
        ENDORSEMENT_FAILED,
        /** The orderer did not accept the endorsed transaction; nothing was written. */
        SUBMIT_FAILED,
        /** The transaction was ordered but invalidated for a reason other than a read conflict. */
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
