package org.creditbank.model.recognition;

/**
 * A published rule version on the ledger: the owning institution, its terms and its life.
 */
public record RecognitionRule(
        String owner,
        RuleTerms terms,
        RuleStatus status,
        String publishedAt,
        String retiredAt,
        String retireReason,
        String changedBy) {

    public RecognitionRule retired(String at, String reason, String by) {
        return new RecognitionRule(owner, terms, RuleStatus.RETIRED, publishedAt, at, reason, by);
    }
}
