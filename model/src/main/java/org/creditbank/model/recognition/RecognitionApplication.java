package org.creditbank.model.recognition;

/**
 * A learner's recognition application on the ledger, and once decided, the decision.
 *
 * @param id            {@code <institution MSP>:app:<localId>}, see {@link org.creditbank.model.RecordId}
 * @param institution   the institution asked to recognise (it keeps the application)
 * @param recognitionId the recognition its approval recorded; null unless APPROVED
 * @param decisionReason the registrar's reason for a rejection, or the learner's for a withdrawal
 */
public record RecognitionApplication(
        String id,
        String institution,
        ApplicationRequest request,
        ApplicationStatus status,
        String appliedAt,
        String txId,
        String decidedAt,
        String decisionReason,
        String recognitionId,
        String changedBy) {

    public RecognitionApplication decided(ApplicationStatus next, String at, String reason, String recognition, String by) {
        return new RecognitionApplication(id, institution, request, next, appliedAt, txId, at, reason, recognition, by);
    }
}
