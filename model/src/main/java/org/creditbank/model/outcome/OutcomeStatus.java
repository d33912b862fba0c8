package org.creditbank.model.outcome;

/**
 * Life of an outcome. Nothing is ever deleted: SUSPENDED can go back to ACTIVE, REVOKED is final.
 */
public enum OutcomeStatus {
    ACTIVE,
    SUSPENDED,
    REVOKED;

    /** Whether an issuer may move a record from this status to {@code next}. */
    public boolean canBecome(OutcomeStatus next) {
        return switch (this) {
            case ACTIVE -> next == SUSPENDED || next == REVOKED;
            case SUSPENDED -> next == ACTIVE || next == REVOKED;
            case REVOKED -> false;
        };
    }
}
