package org.creditbank.model.recognition;

import java.math.BigDecimal;

/**
 * What the registrar sees next to an application: whether the rule it names (if any) is in force
 * and satisfied by every source, and the credits approving by that rule would grant now. Computed
 * by the contract with the same code that approval runs, so the preview and the decision agree.
 *
 * @param credits  what approval by the rule would grant; null when it would be refused
 * @param problem  why approval by the rule would be refused, in words; null when it would not
 */
public record ApplicationAssessment(
        RecognitionApplication application,
        String ruleCode,
        Integer ruleVersion,
        CreditTarget target,
        BigDecimal credits,
        String problem) {
}
