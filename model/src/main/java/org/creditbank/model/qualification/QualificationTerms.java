package org.creditbank.model.qualification;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.creditbank.model.Violation;
import org.creditbank.model.Violations;
import org.creditbank.model.outcome.OutcomeKind;

/**
 * The credit requirements of a qualification an institution awards (学分积累), e.g. an associate
 * degree needing 140 credits, at least 60 of them in the major category and 30 earned at or
 * recognised by the awarding school itself.
 *
 * @param minimumsByKind     minimum credits from outcomes of each kind (recognitions do not count here:
 *                           they count as their target category)
 * @param minimumsByCategory minimum credits per credit category (outcome category or recognition target)
 * @param minimumOwnCredits  minimum credits issued or recognised by the owning institution
 */
public record QualificationTerms(
        String code,
        String title,
        BigDecimal totalCredits,
        BigDecimal minimumOwnCredits,
        Map<OutcomeKind, BigDecimal> minimumsByKind,
        Map<String, BigDecimal> minimumsByCategory) {

    private static final BigDecimal MAX = new BigDecimal(1000);

    /**
     * Both maps are kept sorted by the key as it is written (the kind's name, the category's text)
     * because their order reaches what peers must agree on: {@link #validate()} lists violations in
     * it, and a sorted map is written in its own order. {@code Map.copyOf} would order them by a
     * salt that differs from JVM to JVM, so two peers would refuse the same terms with different
     * messages.
     */
    public QualificationTerms {
        minimumsByKind = sortedCopy(minimumsByKind, Comparator.comparing(OutcomeKind::name));
        minimumsByCategory = sortedCopy(minimumsByCategory, Comparator.<String>naturalOrder());
    }

    private static <K> SortedMap<K, BigDecimal> sortedCopy(Map<K, BigDecimal> map, Comparator<K> order) {
        TreeMap<K, BigDecimal> copy = new TreeMap<>(order);
        if (map != null) {
            copy.putAll(map);
        }
        return Collections.unmodifiableSortedMap(copy);
    }

    public List<Violation> validate() {
        Violations v = new Violations();
        v.code(code, "code");
        v.text(title, "title", 200, true);
        v.decimal(totalCredits, "totalCredits", BigDecimal.ZERO, false, MAX, 2);
        if (minimumOwnCredits != null) {
            v.decimal(minimumOwnCredits, "minimumOwnCredits", BigDecimal.ZERO, true, MAX, 2);
        }
        minimumsByKind.forEach((kind, min) ->
                v.decimal(min, "minimumsByKind." + kind, BigDecimal.ZERO, false, MAX, 2));
        minimumsByCategory.forEach((category, min) -> {
            v.text(category, "minimumsByCategory", 64, true);
            v.decimal(min, "minimumsByCategory." + category, BigDecimal.ZERO, false, MAX, 2);
        });
        if (totalCredits != null) {
            BigDecimal parts = minimumsByKind.values().stream().filter(java.util.Objects::nonNull)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            v.check(parts.compareTo(totalCredits) <= 0, "minimumsByKind",
                    "the minimums by kind add up to more than totalCredits");
            if (minimumOwnCredits != null) {
                v.check(minimumOwnCredits.compareTo(totalCredits) <= 0, "minimumOwnCredits",
                        "minimumOwnCredits must not exceed totalCredits");
            }
        }
        return v.list();
    }
}
