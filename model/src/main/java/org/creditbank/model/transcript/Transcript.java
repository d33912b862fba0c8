package org.creditbank.model.transcript;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.creditbank.model.outcome.Outcome;
import org.creditbank.model.outcome.OutcomeKind;
import org.creditbank.model.recognition.RecognitionView;

/**
 * A learner's credit account (学分银行账户) across every institution: all outcomes and recognitions,
 * in id order, with totals that count only what currently stands (ACTIVE outcomes, recognitions
 * whose sources are all ACTIVE).
 */
public record Transcript(String learner, List<Outcome> outcomes, List<RecognitionView> recognitions, Totals totals) {

    /**
     * @param earnedCredits     credits of ACTIVE outcomes
     * @param recognisedCredits credits of standing recognitions
     * @param byInstitution     per institution MSP: what it issued and what it recognised
     * @param byKind            earned credits per outcome kind
     */
    public record Totals(BigDecimal earnedCredits, BigDecimal recognisedCredits,
                         Map<String, InstitutionTotals> byInstitution, Map<OutcomeKind, BigDecimal> byKind) {
    }

    public record InstitutionTotals(BigDecimal earned, BigDecimal recognised) {
    }
}
