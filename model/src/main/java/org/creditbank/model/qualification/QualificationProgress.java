package org.creditbank.model.qualification;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.creditbank.model.outcome.OutcomeKind;

/**
 * How far a learner is towards a qualification: what counted, what is still missing. Each credit
 * counts once: an outcome that a recognition of the awarding institution is built on counts through
 * that recognition, not again on its own.
 */
public record QualificationProgress(
        String qualificationOwner,
        String qualificationCode,
        String learner,
        List<CountedItem> counted,
        BigDecimal totalCredits,
        BigDecimal ownCredits,
        Map<OutcomeKind, BigDecimal> creditsByKind,
        Map<String, BigDecimal> creditsByCategory,
        List<Shortfall> missing,
        boolean complete) {

    /** One record counted towards the qualification. {@code kind} is null for recognitions. */
    public record CountedItem(String recordId, ItemType type, BigDecimal credits, OutcomeKind kind,
                              String category, boolean own) {
    }

    public enum ItemType { OUTCOME, RECOGNITION }

    /** A requirement not yet met: e.g. {@code category 专业核心: need 60, have 42}. */
    public record Shortfall(String requirement, BigDecimal required, BigDecimal have) {
    }
}
