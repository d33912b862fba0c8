package org.creditbank.model.points;

/**
 * A redemption on the ledger: the application and, once decided, who decided, when and why.
 *
 * @param id {@code <enterprise MSP>:red:<localId>}, see {@link org.creditbank.model.RecordId}
 */
public record Redemption(
        String id,
        String enterprise,
        RedemptionRequest request,
        RedemptionStatus status,
        String appliedAt,
        String txId,
        String decidedBy,
        String decidedAt,
        String decisionReason,
        String changedBy) {

    public Redemption decided(RedemptionStatus decision, String authority, String at, String reason, String by) {
        return new Redemption(id, enterprise, request, decision, appliedAt, txId, authority, at, reason, by);
    }
}
