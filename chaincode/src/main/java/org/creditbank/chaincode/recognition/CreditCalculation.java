package org.creditbank.chaincode.recognition;

import java.math.BigDecimal;
import org.creditbank.model.Credits;
import org.creditbank.model.recognition.RuleTerms;

/**
 * How many credits a rule grants: {@code creditsPerOutcome} for each source outcome, but never more
 * than what is left of the rule's cap for this learner after earlier recognitions under the same
 * rule code. Pure, so the arithmetic is tested on its own.
 */
public final class CreditCalculation {

    private CreditCalculation() {
    }

    /**
     * @param alreadyGranted credits this learner already received under the same rule code
     * @return credits to grant; zero means the cap is exhausted
     */
    public static BigDecimal grant(RuleTerms rule, int sourceCount, BigDecimal alreadyGranted) {
        BigDecimal raw = rule.creditsPerOutcome().multiply(BigDecimal.valueOf(sourceCount));
        if (rule.cap() == null) {
            return Credits.normal(raw);
        }
        BigDecimal left = rule.cap().subtract(alreadyGranted).max(BigDecimal.ZERO);
        return Credits.normal(raw.min(left));
    }
}
