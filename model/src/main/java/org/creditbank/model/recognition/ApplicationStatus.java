package org.creditbank.model.recognition;

/** Where a learner's recognition application stands. Only PENDING changes, and only once. */
public enum ApplicationStatus {
    /** Submitted; the registrar has not decided. */
    PENDING,
    /** Approved: a recognition was recorded, see {@link RecognitionApplication#recognitionId()}. */
    APPROVED,
    /** Rejected by the registrar, with the reason. */
    REJECTED,
    /** Withdrawn by the learner before a decision. */
    WITHDRAWN
}
