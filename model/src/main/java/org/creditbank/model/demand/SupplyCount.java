package org.creditbank.model.demand;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.creditbank.model.outcome.Outcome;
import org.creditbank.model.outcome.OutcomeStatus;

/**
 * How many people an institution (or a region's institutions) supplied in an occupation in a
 * quarter: the supply side of {@link MajorIndicators}. The read model counts them from the outcomes
 * it holds ({@link #tally}); any other count of the same shape (graduates by occupation, say) can be
 * given instead.
 *
 * @param period a quarter, {@code 2027-Q1}
 */
public record SupplyCount(String occupationCode, String period, long count) {

    /** How a tally is sorted: by occupation, then quarter. */
    public static final Comparator<SupplyCount> ORDER = Comparator.comparing(SupplyCount::occupationCode)
            .thenComparing(c -> Quarter.parse(c.period()).orElseThrow());

    /**
     * One supply per outcome that is ACTIVE and whose {@code category} is an occupation code of
     * {@link CodeList#OCCUPATIONS} (how an issuer tags a certificate, training or course with the
     * occupation it qualifies for), in the quarter of its {@code activityEnd} (when it was achieved,
     * so that records issued in a later batch count when the skill was gained). Other outcomes
     * supply nothing. Sorted by {@link #ORDER}.
     */
    public static List<SupplyCount> tally(Iterable<Outcome> outcomes) {
        Map<String, Map<Integer, long[]>> counts = new HashMap<>();
        for (Outcome outcome : outcomes) {
            if (outcome.status() != OutcomeStatus.ACTIVE || !suppliesAnOccupation(outcome)) {
                continue;
            }
            int quarter = Quarter.ofIsoDate(outcome.draft().activityEnd()).index();
            counts.computeIfAbsent(outcome.draft().category(), o -> new HashMap<>())
                    .computeIfAbsent(quarter, q -> new long[1])[0]++;
        }
        List<SupplyCount> tally = new ArrayList<>();
        counts.forEach((occupation, byQuarter) -> byQuarter.forEach((quarter, n) ->
                tally.add(new SupplyCount(occupation, Quarter.ofIndex(quarter).toString(), n[0]))));
        tally.sort(ORDER);
        return tally;
    }

    /**
     * Whether the outcome, while ACTIVE, supplies its {@code category} as an occupation (in the
     * quarter {@link #periodOf}); the read model stores this beside each outcome and counts in SQL.
     */
    public static boolean suppliesAnOccupation(Outcome outcome) {
        return CodeList.OCCUPATIONS.contains(outcome.draft().category());
    }

    /** The quarter an outcome supplies in: that of its {@code activityEnd}. */
    public static String periodOf(Outcome outcome) {
        return Quarter.ofIsoDate(outcome.draft().activityEnd()).toString();
    }
}
