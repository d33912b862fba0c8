package org.creditbank.model.demand;

import java.util.List;
import org.creditbank.model.RecordId;
import org.creditbank.model.Violation;
import org.creditbank.model.Violations;

/**
 * What a school leader or the AUTHORITY asks the indicators for: the quarters {@code from} … {@code to}
 * (both {@code YYYY-Qn}), optionally one school's majors ({@code school}, an MSP id; absent: every
 * school's) and one region's demand ({@code region}, of {@link CodeList#REGIONS}; absent: every
 * region's). Checked here so that the gateway refuses a range {@link MajorIndicators} would not
 * compute with a 400, never a failure of the computation.
 */
public record IndicatorQuery(String school, String from, String to, String region) {

    /**
     * The longest range one question covers: 25 years of quarters, so that with the longest trend
     * window (12 quarters before {@code from}) it stays inside {@link MajorIndicators#MAX_QUARTERS}
     * and an answer stays a few thousand rows per major at most.
     */
    public static final int MAX_QUARTERS = 100;

    public List<Violation> validate() {
        Violations v = new Violations();
        if (school != null) {
            v.check(RecordId.isInstitution(school), "school", "school must be an institution's MSP id");
        }
        boolean fromOk = v.required(from, "from")
                && v.check(Quarter.parse(from).isPresent(), "from", "from must be a quarter written YYYY-Qn, e.g. 2026-Q1");
        boolean toOk = v.required(to, "to")
                && v.check(Quarter.parse(to).isPresent(), "to", "to must be a quarter written YYYY-Qn, e.g. 2027-Q4");
        if (fromOk && toOk) {
            int quarters = toQuarter().index() - fromQuarter().index() + 1;
            v.check(quarters >= 1, "to", "to must not be before from");
            v.check(quarters <= MAX_QUARTERS, "to", "a question covers at most " + MAX_QUARTERS + " quarters");
        }
        if (region != null) {
            v.check(CodeList.REGIONS.contains(region), "region",
                    "region must be a division code of the bundled list (GB/T 2260), e.g. 440600");
        }
        return v.list();
    }

    public Quarter fromQuarter() {
        return Quarter.parse(from).orElseThrow();
    }

    public Quarter toQuarter() {
        return Quarter.parse(to).orElseThrow();
    }
}
