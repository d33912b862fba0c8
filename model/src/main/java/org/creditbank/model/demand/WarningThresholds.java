package org.creditbank.model.demand;

import java.math.BigDecimal;
import java.util.List;
import org.creditbank.model.Credits;
import org.creditbank.model.Violation;
import org.creditbank.model.Violations;

/**
 * The thresholds of the major-adjustment warning (专业调整预警) as the AUTHORITY publishes them,
 * versioned 1, 2, 3, … (a published version never changes; the latest one is in force). They judge
 * the ratio {@code r = supply / demand} of a major in a quarter:
 *
 * <pre>
 * RED    when r &lt; redBelow    or r &gt; redAbove      (far too few or far too many graduates)
 * YELLOW when r &lt; yellowBelow or r &gt; yellowAbove   (drifting)
 * GREEN  otherwise
 * with 0 &lt; redBelow &lt; yellowBelow ≤ 1 ≤ yellowAbove &lt; redAbove, ratios with at most two decimals.
 * </pre>
 *
 * A quarter without demand is GREEN when there is no supply either and RED when there is (graduates
 * nobody has asked for). {@code trendPeriods} (2–12) is how many quarters, ending with the one
 * judged, the trend and the forecast are fitted over. Formulas: docs/industry-education.md.
 *
 * <pre>{@code {"version":1,"title":"2027 年专业预警阈值","redBelow":0.5,"yellowBelow":0.8,"yellowAbove":1.2,"redAbove":1.5,"trendPeriods":4}}</pre>
 */
public record WarningThresholds(int version, String title, BigDecimal redBelow, BigDecimal yellowBelow,
                                BigDecimal yellowAbove, BigDecimal redAbove, int trendPeriods) {

    private static final BigDecimal MAX_RATIO = new BigDecimal(100);

    /** Ratios in one form ({@code 0.50 → 0.5}, as credits), so a retried publication equals the stored one. */
    public WarningThresholds {
        redBelow = Credits.normal(redBelow);
        yellowBelow = Credits.normal(yellowBelow);
        yellowAbove = Credits.normal(yellowAbove);
        redAbove = Credits.normal(redAbove);
    }

    public List<Violation> validate() {
        Violations v = new Violations();
        v.check(version >= 1 && version <= 10_000, "version", "version must be from 1 to 10000");
        v.text(title, "title", 200, true);
        v.decimal(redBelow, "redBelow", BigDecimal.ZERO, false, BigDecimal.ONE, 2);
        v.decimal(yellowBelow, "yellowBelow", BigDecimal.ZERO, false, BigDecimal.ONE, 2);
        v.decimal(yellowAbove, "yellowAbove", BigDecimal.ONE, true, MAX_RATIO, 2);
        v.decimal(redAbove, "redAbove", BigDecimal.ONE, true, MAX_RATIO, 2);
        if (v.isEmpty()) {
            v.check(redBelow.compareTo(yellowBelow) < 0, "yellowBelow", "yellowBelow must be above redBelow");
            v.check(yellowAbove.compareTo(redAbove) < 0, "redAbove", "redAbove must be above yellowAbove");
        }
        v.check(trendPeriods >= 2 && trendPeriods <= 12, "trendPeriods", "trendPeriods must be from 2 to 12 quarters");
        return v.list();
    }
}
