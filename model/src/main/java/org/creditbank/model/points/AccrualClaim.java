package org.creditbank.model.points;

import java.util.List;
import org.creditbank.model.RecordId;
import org.creditbank.model.Violation;
import org.creditbank.model.Violations;

/**
 * An enterprise's claim of points for one fact, citing the ledger record that proves it and the
 * policy version in force on the fact's date. {@code factId} is a recognition id for
 * TRAINING_RECOGNISED (then {@code outcomeId} names the enterprise's training outcome it counted),
 * the WORK_EXPERIENCE outcome's id for INTERNSHIP, a school confirmation's id for CO_TEACHING and
 * GRADUATE_HIRED. The points are the policy's, never the claimant's.
 *
 * <pre>{@code {"factType":"TRAINING_RECOGNISED","factId":"UniversityMSP:rec:R-7",
 *  "outcomeId":"HardwareCoMSP:T-1","policyVersion":1}}</pre>
 */
public record AccrualClaim(PointsFactType factType, String factId, String outcomeId, Integer policyVersion) {

    public List<Violation> validate() {
        Violations v = new Violations();
        v.check(policyVersion != null && policyVersion >= 1, "policyVersion", "policyVersion is required");
        if (!v.required(factType, "factType")) {
            return v.list();
        }
        RecordId.Kind cited = switch (factType) {
            case TRAINING_RECOGNISED -> RecordId.Kind.RECOGNITION;
            case INTERNSHIP -> RecordId.Kind.OUTCOME;
            case CO_TEACHING, GRADUATE_HIRED -> RecordId.Kind.CONFIRMATION;
        };
        if (v.required(factId, "factId")) {
            v.check(RecordId.isKind(factId, cited), "factId",
                    "the fact of a " + factType + " claim is the id of a " + cited.name().toLowerCase(java.util.Locale.ROOT) + " record");
        }
        if (factType == PointsFactType.TRAINING_RECOGNISED) {
            if (v.required(outcomeId, "outcomeId")) {
                v.check(RecordId.isOutcomeId(outcomeId), "outcomeId", "outcomeId must be an outcome id");
            }
        } else {
            v.check(outcomeId == null, "outcomeId", "only a TRAINING_RECOGNISED claim names an outcomeId");
        }
        return v.list();
    }

    /** The record whose points are counted once: the training outcome, else the cited record itself. */
    public String countedId() {
        return factType == PointsFactType.TRAINING_RECOGNISED ? outcomeId : factId;
    }
}
