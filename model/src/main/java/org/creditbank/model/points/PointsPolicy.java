package org.creditbank.model.points;

import org.creditbank.model.recognition.RuleStatus;

/**
 * A published points policy version on the ledger: who published it (an AUTHORITY), its terms and
 * its life. Retiring a version stops new accruals under it; points already accrued under it stay.
 */
public record PointsPolicy(
        String publisher,
        PolicyTerms terms,
        RuleStatus status,
        String publishedAt,
        String retiredAt,
        String retireReason,
        String changedBy) {

    public PointsPolicy retired(String at, String reason, String by) {
        return new PointsPolicy(publisher, terms, RuleStatus.RETIRED, publishedAt, at, reason, by);
    }
}
