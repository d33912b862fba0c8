package org.creditbank.model.demand;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.creditbank.model.TrafficLight;

/**
 * The major-adjustment indicators (专业调整预警指标): per school major and quarter, demand against
 * supply, the gap, its trend, a forecast of demand and the red / yellow / green warning. Pure and
 * deterministic (exact integer arithmetic, fixed rounding), so that the gateway's read model, a
 * school's spreadsheet and a test compute the same figures from the same records; it never reads
 * the ledger, which is why it can run over a province's records at once. Formulas, with a worked
 * example: docs/industry-education.md, "Indicators".
 *
 * <p>Per major {@code m} (occupations {@code O(m)}) and quarter {@code p}:
 * <pre>
 * D(p) = Σ headcount of OPEN demand entries with occupation in O(m), period p (and region, if given)
 * S(p) = Σ supply counts with occupation in O(m), period p
 * gap = D − S;  gapRatio = gap / D;  supplyRatio = S / D          (ratios null when D = 0)
 * over the N = trendPeriods quarters x = 0 … N−1 ending with p (quarters without records count 0):
 *   slope(y)  = Σ (x − x̄)(y − ȳ) / Σ (x − x̄)²  =  Σ (12x − 6(N−1)) y / (N(N²−1))
 *   forecast  = max(0, ȳ + slope · (N − x̄))    =  max(0, (2(N−1) Σy + Σ (12x − 6(N−1)) y) / (2N(N−1)))
 * </pre>
 * An occupation two majors supply counts in full for both: each major's figures say what the
 * market asks of that major, not a share of it.
 */
public final class MajorIndicators {

    /** The longest range of quarters one computation covers (a century): bounds the arrays it allocates. */
    public static final int MAX_QUARTERS = 400;

    private MajorIndicators() {
    }

    /**
     * The indicators of every major for every quarter from {@code from} to {@code to}, by school,
     * major code and quarter. Of several versions of one major the highest counts; withdrawn demand
     * counts nothing; {@code region} null counts every region, else only demand for that region
     * (supply is taken as given).
     */
    public static List<MajorIndicator> compute(Collection<TalentDemand> demand, Collection<SchoolMajor> majors,
                                               Collection<SupplyCount> supply, WarningThresholds thresholds,
                                               Quarter from, Quarter to, String region) {
        int n = thresholds.trendPeriods();
        int start = from.index() - (n - 1);
        int length = to.index() - start + 1;
        if (to.compareTo(from) < 0 || length > MAX_QUARTERS) {
            throw new IllegalArgumentException("quarters from " + from + " to " + to + " are not a range of at most "
                    + MAX_QUARTERS);
        }
        Map<String, long[]> demandBy = new HashMap<>();
        for (TalentDemand d : demand) {
            if (d.status() == DemandStatus.OPEN && (region == null || region.equals(d.request().region()))) {
                add(demandBy, d.request().occupationCode(), d.request().quarter().index() - start, d.request().headcount(), length);
            }
        }
        Map<String, long[]> supplyBy = new HashMap<>();
        for (SupplyCount s : supply) {
            add(supplyBy, s.occupationCode(), Quarter.parse(s.period()).orElseThrow().index() - start, s.count(), length);
        }

        List<MajorIndicator> indicators = new ArrayList<>();
        for (SchoolMajor major : current(majors)) {
            long[] d = series(demandBy, major, length);
            long[] s = series(supplyBy, major, length);
            long[] gap = new long[length];
            for (int i = 0; i < length; i++) {
                gap[i] = d[i] - s[i];
            }
            for (int i = n - 1; i < length; i++) {
                indicators.add(indicator(major, Quarter.ofIndex(start + i), d, s, gap, i, thresholds));
            }
        }
        return indicators;
    }

    /** The warning for supply {@code s} against demand {@code d}, with its reason. */
    public static Judgement judge(long d, long s, WarningThresholds t) {
        if (d == 0) {
            return s == 0 ? new Judgement(TrafficLight.GREEN, "no demand and no supply")
                    : new Judgement(TrafficLight.RED, "supply of " + s + " with no demand");
        }
        BigDecimal supply = BigDecimal.valueOf(s);
        BigDecimal demand = BigDecimal.valueOf(d);
        String ratio = "supply/demand " + s + "/" + d;
        if (supply.compareTo(t.redBelow().multiply(demand)) < 0) {
            return new Judgement(TrafficLight.RED, ratio + " is below " + t.redBelow().toPlainString() + " (red below)");
        }
        if (supply.compareTo(t.redAbove().multiply(demand)) > 0) {
            return new Judgement(TrafficLight.RED, ratio + " is above " + t.redAbove().toPlainString() + " (red above)");
        }
        if (supply.compareTo(t.yellowBelow().multiply(demand)) < 0) {
            return new Judgement(TrafficLight.YELLOW, ratio + " is below " + t.yellowBelow().toPlainString() + " (yellow below)");
        }
        if (supply.compareTo(t.yellowAbove().multiply(demand)) > 0) {
            return new Judgement(TrafficLight.YELLOW, ratio + " is above " + t.yellowAbove().toPlainString() + " (yellow above)");
        }
        return new Judgement(TrafficLight.GREEN, ratio + " is within " + t.yellowBelow().toPlainString() + " to "
                + t.yellowAbove().toPlainString());
    }

    /** A warning and why. */
    public record Judgement(TrafficLight light, String reason) {
    }

    /** The least-squares slope of {@code y[end−N+1 … end]} against x = 0 … N−1, two decimals. */
    public static BigDecimal slope(long[] y, int end, int n) {
        return divide(weighted(y, end, n), (long) n * ((long) n * n - 1), 2);
    }

    /** Where that line is one quarter after {@code end}, never below 0, one decimal. */
    public static BigDecimal forecast(long[] y, int end, int n) {
        long sum = 0;
        for (int x = 0; x < n; x++) {
            sum += y[end - n + 1 + x];
        }
        BigDecimal next = divide(2L * (n - 1) * sum + weighted(y, end, n), 2L * n * (n - 1), 1);
        return next.signum() < 0 ? BigDecimal.ZERO.setScale(1) : next;
    }

    /** Σ (12x − 6(N−1)) y: the slope's numerator, scaled to stay whole. */
    private static long weighted(long[] y, int end, int n) {
        long sum = 0;
        for (int x = 0; x < n; x++) {
            sum += (12L * x - 6L * (n - 1)) * y[end - n + 1 + x];
        }
        return sum;
    }

    private static MajorIndicator indicator(SchoolMajor major, Quarter quarter, long[] d, long[] s, long[] gap, int i,
                                            WarningThresholds t) {
        int n = t.trendPeriods();
        Judgement judgement = judge(d[i], s[i], t);
        return new MajorIndicator(major.school(), major.terms().majorCode(), major.terms().name(), quarter.toString(),
                d[i], s[i], gap[i], d[i] == 0 ? null : divide(gap[i], d[i], 4), d[i] == 0 ? null : divide(s[i], d[i], 4),
                slope(d, i, n), slope(gap, i, n), forecast(d, i, n), judgement.light(), judgement.reason(), t.version());
    }

    private static BigDecimal divide(long numerator, long denominator, int scale) {
        return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), scale, RoundingMode.HALF_EVEN);
    }

    private static void add(Map<String, long[]> by, String occupation, int i, long amount, int length) {
        if (i >= 0 && i < length) {
            by.computeIfAbsent(occupation, o -> new long[length])[i] += amount;
        }
    }

    private static long[] series(Map<String, long[]> by, SchoolMajor major, int length) {
        long[] sum = new long[length];
        for (String occupation : major.terms().occupationCodes()) {
            long[] one = by.get(occupation);
            if (one != null) {
                for (int i = 0; i < length; i++) {
                    sum[i] += one[i];
                }
            }
        }
        return sum;
    }

    /** The highest version of each (school, major code), by school then code. */
    private static Collection<SchoolMajor> current(Collection<SchoolMajor> majors) {
        Map<String, SchoolMajor> latest = new TreeMap<>();
        for (SchoolMajor m : majors) {
            latest.merge(m.school() + "\u0000" + m.terms().majorCode(), m,
                    (a, b) -> a.terms().version() >= b.terms().version() ? a : b);
        }
        List<SchoolMajor> sorted = new ArrayList<>(latest.values());
        sorted.sort(Comparator.comparing(SchoolMajor::school).thenComparing(m -> m.terms().majorCode()));
        return sorted;
    }
}
