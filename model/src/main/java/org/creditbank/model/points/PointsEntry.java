package org.creditbank.model.points;

/**
 * One counted fact: the points the cited policy gave it when the enterprise claimed it. Written
 * once under (enterprise, counted record) and never changed; whether the points still count is
 * the fact's current status, see {@link PointsLine}.
 *
 * @param countedId the record counted once: the training or internship outcome, or the confirmation
 * @param citedId   the record the claim cited as proof (the recognition for TRAINING_RECOGNISED)
 * @param factDate  the UTC date the fact entered the ledger, which chose the policy version
 */
public record PointsEntry(
        String enterprise,
        PointsFactType factType,
        String countedId,
        String citedId,
        int policyVersion,
        int points,
        String factDate,
        String accruedAt,
        String txId,
        String changedBy) {
}
