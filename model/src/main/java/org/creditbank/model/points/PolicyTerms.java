package org.creditbank.model.points;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.creditbank.model.Violation;
import org.creditbank.model.Violations;

/**
 * A points policy version as the AUTHORITY publishes it: the points each fact type earns, for facts
 * that entered the ledger from {@code validFrom} to {@code validUntil} (UTC dates, both inclusive).
 * A type the policy does not list earns nothing under it. Versions start at 1 and go up by one; a
 * published version never changes.
 *
 * <pre>{@code {"version":1,"title":"2026 年度教育责任积分办法","validFrom":"2026-01-01","validUntil":"2026-12-31",
 *  "points":{"CO_TEACHING":8,"GRADUATE_HIRED":30,"INTERNSHIP":5,"TRAINING_RECOGNISED":10}}}</pre>
 */
public record PolicyTerms(int version, String title, String validFrom, String validUntil,
                          Map<PointsFactType, Integer> points) {

    /** The most one fact may earn: far above any real policy, low enough that sums stay in an int. */
    public static final int MAX_POINTS_PER_FACT = 10_000;

    public PolicyTerms {
        points = points == null ? null : new TreeMap<>(points);
    }

    public List<Violation> validate() {
        Violations v = new Violations();
        v.check(version >= 1 && version <= 10_000, "version", "version must be from 1 to 10000");
        v.text(title, "title", 200, true);
        LocalDate from = v.date(validFrom, "validFrom", true);
        LocalDate until = v.date(validUntil, "validUntil", true);
        if (from != null && until != null) {
            v.check(!until.isBefore(from), "validUntil", "validUntil must not be before validFrom");
        }
        if (v.required(points, "points")) {
            v.check(!points.isEmpty(), "points", "points must give at least one fact type its points");
            points.forEach((type, value) -> v.check(type != null && value != null && value >= 1
                    && value <= MAX_POINTS_PER_FACT, "points", "the points of each fact type must be from 1 to "
                    + MAX_POINTS_PER_FACT));
        }
        return v.list();
    }

    /** Whether a fact of {@code day} falls in this version's validity period. */
    public boolean covers(LocalDate day) {
        return !day.isBefore(LocalDate.parse(validFrom)) && !day.isAfter(LocalDate.parse(validUntil));
    }

    /** Whether the two versions' validity periods share a day. */
    public boolean overlaps(PolicyTerms other) {
        return !LocalDate.parse(validUntil).isBefore(LocalDate.parse(other.validFrom))
                && !LocalDate.parse(other.validUntil).isBefore(LocalDate.parse(validFrom));
    }
}
