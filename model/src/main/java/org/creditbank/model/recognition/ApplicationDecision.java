package org.creditbank.model.recognition;

import java.math.BigDecimal;
import java.util.List;
import org.creditbank.model.Violation;

/**
 * How a registrar approves an application: by a published rule (the contract computes the credits)
 * or by a justified manual decision, exactly the choice of a {@link RecognitionRequest}, whose
 * learner, sources and number come from the application.
 */
public record ApplicationDecision(
        RecognitionRequest.Method method,
        String ruleCode,
        Integer ruleVersion,
        CreditTarget target,
        BigDecimal credits,
        String justification) {

    /** The recognition this decision records for {@code application}. */
    public RecognitionRequest recognitionOf(ApplicationRequest application) {
        return new RecognitionRequest(application.localId(), application.learner(), application.sourceOutcomeIds(),
                method, ruleCode, ruleVersion, target, credits, justification);
    }

    /** The same checks as the recognition it makes (the application's parts are already valid). */
    public List<Violation> validate(ApplicationRequest application) {
        return recognitionOf(application).validate();
    }
}
