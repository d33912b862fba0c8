package org.creditbank.model.recognition;

import java.util.List;
import org.creditbank.model.Violation;
import org.creditbank.model.Violations;
import org.creditbank.model.learner.AccountNumber;

/**
 * A learner's application to an institution to recognise outcomes earned elsewhere (学分认定申请):
 * the first step of the credit bank's 认证 → 积累 → 转换. The learner names the outcomes and, if
 * they know one, the published rule they think applies; the institution's registrar decides. An
 * application changes no credits by itself: only its approval records a {@link Recognition}.
 *
 * @param localId   the application's number at the institution; it makes the id, so a retried
 *                  application is the same application
 * @param statement the learner's own words to the registrar (optional)
 */
public record ApplicationRequest(
        String localId,
        String learner,
        List<String> sourceOutcomeIds,
        String ruleCode,
        Integer ruleVersion,
        String statement) {

    public static final int MAX_STATEMENT = 1000;

    public ApplicationRequest {
        sourceOutcomeIds = sourceOutcomeIds == null ? null : List.copyOf(sourceOutcomeIds);
    }

    /** Whether the learner named a rule (else the registrar chooses how to decide). */
    public boolean namesRule() {
        return ruleCode != null;
    }

    public List<Violation> validate() {
        Violations v = new Violations();
        v.code(localId, "localId");
        if (v.required(learner, "learner")) {
            v.check(AccountNumber.isValid(learner), "learner", "learner is not a valid credit-bank account number");
        }
        RecognitionRequest.checkSources(v, sourceOutcomeIds);
        if (ruleCode != null || ruleVersion != null) {
            v.code(ruleCode, "ruleCode");
            v.check(ruleVersion != null && ruleVersion >= 1, "ruleVersion",
                    "ruleVersion is required with ruleCode, and at least 1");
        }
        v.paragraph(statement, "statement", MAX_STATEMENT, false);
        return v.list();
    }
}
