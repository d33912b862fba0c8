package org.creditbank.model.points;

/** Life of a redemption: PENDING until the AUTHORITY approves or rejects it; both are final. */
public enum RedemptionStatus {
    PENDING,
    APPROVED,
    REJECTED
}
