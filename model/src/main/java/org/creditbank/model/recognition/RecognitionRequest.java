package org.creditbank.model.recognition;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import org.creditbank.model.Credits;
import org.creditbank.model.RecordId;
import org.creditbank.model.Violation;
import org.creditbank.model.Violations;
import org.creditbank.model.learner.AccountNumber;
import org.creditbank.model.outcome.OutcomeDraft;

/**
 * A registrar's request to recognise outcomes earned elsewhere (学分认定). Either by a published
 * rule ({@code method=RULE}, {@code ruleCode} + {@code ruleVersion}: the contract computes the
 * credits) or by a manual decision ({@code method=MANUAL}: {@code target}, {@code credits} and a
 * {@code justification} are required). {@code localId} is the recognising institution's own case
 * number and makes the id, so a retry cannot record the decision twice.
 */
public record RecognitionRequest(
        String localId,
        String learner,
        List<String> sourceOutcomeIds,
        Method method,
        String ruleCode,
        Integer ruleVersion,
        CreditTarget target,
        BigDecimal credits,
        String justification) {

    /** How the credits were decided. */
    public enum Method { RULE, MANUAL }

    public static final int MAX_SOURCES = 50;

    public RecognitionRequest {
        sourceOutcomeIds = sourceOutcomeIds == null ? null : List.copyOf(sourceOutcomeIds);
        credits = Credits.normal(credits);
    }

    /**
     * The rule for the outcomes a recognition (or a learner's application for one) stands on: 1 to
     * {@link #MAX_SOURCES} outcome ids, none twice.
     */
    static void checkSources(Violations v, List<String> sourceOutcomeIds) {
        if (v.required(sourceOutcomeIds, "sourceOutcomeIds")) {
            v.check(!sourceOutcomeIds.isEmpty() && sourceOutcomeIds.size() <= MAX_SOURCES, "sourceOutcomeIds",
                    "sourceOutcomeIds must list 1 to " + MAX_SOURCES + " outcomes");
            v.check(new HashSet<>(sourceOutcomeIds).size() == sourceOutcomeIds.size(), "sourceOutcomeIds",
                    "sourceOutcomeIds must not repeat an outcome");
            v.check(sourceOutcomeIds.stream().allMatch(RecordId::isOutcomeId),
                    "sourceOutcomeIds", "each source must be an outcome id of the form ISSUER:localId");
        }
    }

    public List<Violation> validate() {
        Violations v = new Violations();
        v.code(localId, "localId");
        if (v.required(learner, "learner")) {
            v.check(AccountNumber.isValid(learner), "learner", "learner is not a valid credit-bank account number");
        }
        checkSources(v, sourceOutcomeIds);
        if (!v.required(method, "method")) {
            return v.list();
        }
        if (method == Method.RULE) {
            v.code(ruleCode, "ruleCode");
            v.check(ruleVersion != null && ruleVersion >= 1, "ruleVersion", "ruleVersion is required for method RULE");
            v.check(target == null && credits == null, "method",
                    "a RULE recognition takes its target and credits from the rule; leave target and credits out");
            v.paragraph(justification, "justification", 1000, false);
        } else {
            v.check(ruleCode == null && ruleVersion == null, "method", "a MANUAL recognition names no rule");
            if (v.required(target, "target")) {
                target.validate(v, "target");
            }
            v.decimal(credits, "credits", BigDecimal.ZERO, false, OutcomeDraft.MAX_CREDITS, 2);
            v.paragraph(justification, "justification", 1000, true);
        }
        return v.list();
    }
}
