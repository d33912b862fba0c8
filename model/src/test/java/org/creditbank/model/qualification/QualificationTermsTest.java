package org.creditbank.model.qualification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.creditbank.model.Violation;
import org.creditbank.model.json.CanonicalJson;
import org.creditbank.model.outcome.OutcomeKind;
import org.junit.jupiter.api.Test;

class QualificationTermsTest {

    private static QualificationTerms terms(Map<OutcomeKind, BigDecimal> byKind, Map<String, BigDecimal> byCategory) {
        return new QualificationTerms("ASSOC-ME", "副学士", new BigDecimal(100), BigDecimal.ZERO, byKind, byCategory);
    }

    private static Map<OutcomeKind, BigDecimal> everyKind(BigDecimal minimum) {
        Map<OutcomeKind, BigDecimal> byKind = new HashMap<>();
        for (OutcomeKind kind : OutcomeKind.values()) {
            byKind.put(kind, minimum);
        }
        return byKind;
    }

    private static Map<String, BigDecimal> categories(BigDecimal minimum) {
        Map<String, BigDecimal> byCategory = new HashMap<>();
        for (String category : List.of("专业核心", "b", "A", "公共基础", "a-2", "a-10", "Z")) {
            byCategory.put(category, minimum);
        }
        return byCategory;
    }

    @Test
    void kindsAreIteratedInTheOrderOfTheirNamesAndCategoriesInTheOrderOfTheirText() {
        QualificationTerms t = terms(everyKind(BigDecimal.ONE), categories(BigDecimal.ONE));

        assertThat(t.minimumsByKind().keySet()).extracting(OutcomeKind::name).isSorted()
                .hasSize(OutcomeKind.values().length);
        assertThat(List.copyOf(t.minimumsByCategory().keySet())).isSorted().hasSize(7);
    }

    @Test
    void violationsAreListedInThatOrderToo() {
        List<String> fields = terms(everyKind(BigDecimal.ZERO), categories(BigDecimal.ZERO)).validate().stream()
                .map(Violation::field).toList();

        assertThat(fields.subList(0, OutcomeKind.values().length)).isSorted()
                .allMatch(f -> f.startsWith("minimumsByKind."));
        assertThat(fields.subList(OutcomeKind.values().length, fields.size())).isSorted().hasSize(7)
                .allMatch(f -> f.startsWith("minimumsByCategory."));
    }

    @Test
    void theWrittenFormListsKindsByName() {
        String json = CanonicalJson.toJson(terms(everyKind(BigDecimal.ONE), Map.of()));

        assertThat(json).contains("\"minimumsByKind\":{\"COMPETITION_AWARD\":1,\"COURSE\":1,\"ENTERPRISE_TRAINING\":1,"
                + "\"MICRO_CREDENTIAL\":1,\"SKILL_CERTIFICATE\":1,\"WORK_EXPERIENCE\":1}");
    }

    @Test
    void theMapsCannotBeChangedAfterwardsAndAbsentMapsAreEmpty() {
        QualificationTerms t = terms(null, null);

        assertThat(t.minimumsByKind()).isEmpty();
        assertThat(t.minimumsByCategory()).isEmpty();
        assertThatThrownBy(() -> t.minimumsByCategory().put("x", BigDecimal.ONE))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aMissingMinimumIsAViolationOfItsField() {
        Map<String, BigDecimal> byCategory = new HashMap<>();
        byCategory.put("专业核心", null);

        assertThat(terms(Map.of(), byCategory).validate()).extracting(Violation::field)
                .containsExactly("minimumsByCategory.专业核心");
    }
}
