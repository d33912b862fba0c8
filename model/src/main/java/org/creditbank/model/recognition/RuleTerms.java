package org.creditbank.model.recognition;

import java.math.BigDecimal;
import java.util.List;
import org.creditbank.model.Credits;
import org.creditbank.model.Violation;
import org.creditbank.model.Violations;
import org.creditbank.model.outcome.Outcome;
import org.creditbank.model.outcome.OutcomeDraft;
import org.creditbank.model.outcome.OutcomeKind;
import org.creditbank.model.outcome.Result;

/**
 * A credit-transfer rule (转换规则) as its institution publishes it: which outcomes qualify
 * (issuer or any, kind, achievement code exactly or by prefix, minimum result) and what each one
 * counts as ({@code creditsPerOutcome} towards {@code target}), with an optional {@code cap} on
 * what one learner can gain through the rule in total.
 *
 * <p>Versions start at 1 and go up by one; a published version never changes.
 */
public record RuleTerms(
        String code,
        int version,
        String sourceIssuer,
        OutcomeKind kind,
        String achievementCode,
        Match match,
        Result minResult,
        CreditTarget target,
        BigDecimal creditsPerOutcome,
        BigDecimal cap) {

    /** How {@code achievementCode} is compared with an outcome's achievement code. */
    public enum Match { EXACT, PREFIX }

    public RuleTerms {
        creditsPerOutcome = Credits.normal(creditsPerOutcome);
        cap = Credits.normal(cap);
    }

    public List<Violation> validate() {
        Violations v = new Violations();
        v.code(code, "code");
        v.check(version >= 1 && version <= 10_000, "version", "version must be from 1 to 10000");
        if (sourceIssuer != null) {
            v.code(sourceIssuer, "sourceIssuer");
        }
        v.required(kind, "kind");
        v.code(achievementCode, "achievementCode");
        v.required(match, "match");
        if (minResult != null) {
            minResult.validate(v, "minResult");
        }
        if (v.required(target, "target")) {
            target.validate(v, "target");
        }
        v.decimal(creditsPerOutcome, "creditsPerOutcome", BigDecimal.ZERO, false, OutcomeDraft.MAX_CREDITS, 2);
        if (cap != null) {
            v.decimal(cap, "cap", BigDecimal.ZERO, false, new BigDecimal(400), 2);
        }
        return v.list();
    }

    /** Why {@code outcome} does not satisfy this rule, or null when it does. */
    public String mismatch(Outcome outcome) {
        OutcomeDraft d = outcome.draft();
        if (sourceIssuer != null && !sourceIssuer.equals(outcome.issuer())) {
            return "issued by " + outcome.issuer() + ", the rule accepts only " + sourceIssuer;
        }
        if (kind != d.kind()) {
            return "is a " + d.kind() + ", the rule accepts " + kind;
        }
        boolean codeOk = match == Match.EXACT
                ? d.achievementCode().equals(achievementCode)
                : d.achievementCode().startsWith(achievementCode);
        if (!codeOk) {
            return "achievement " + d.achievementCode() + " does not match "
                    + (match == Match.EXACT ? "" : "prefix ") + achievementCode;
        }
        if (!d.result().meets(minResult)) {
            return "result " + d.result().value() + " " + d.result().scale() + " is below the minimum "
                    + minResult.value() + " " + minResult.scale();
        }
        return null;
    }
}
