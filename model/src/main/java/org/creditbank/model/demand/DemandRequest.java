package org.creditbank.model.demand;

import java.util.List;
import org.creditbank.model.Violation;
import org.creditbank.model.Violations;

/**
 * An enterprise's talent demand (人才需求) as it publishes or updates it: {@code headcount} people of
 * occupation {@code occupationCode} ({@link CodeList#OCCUPATIONS}) in {@code region}
 * ({@link CodeList#REGIONS}) for quarter {@code period} ({@link Quarter}). {@code localId} is the
 * enterprise's own number for the plan and makes the id, so a retried publication finds it.
 *
 * <pre>{@code {"localId":"2027-WELD","occupationCode":"6-18-02-04","headcount":40,"region":"440600","period":"2027-Q1"}}</pre>
 */
public record DemandRequest(String localId, String occupationCode, Integer headcount, String region, String period,
                            String note) {

    /** More than any one enterprise hires for one occupation in a quarter; keeps sums far inside a long. */
    public static final int MAX_HEADCOUNT = 100_000;

    public List<Violation> validate() {
        Violations v = new Violations();
        v.code(localId, "localId");
        if (v.required(occupationCode, "occupationCode")) {
            v.check(CodeList.OCCUPATIONS.contains(occupationCode), "occupationCode",
                    "occupationCode must be an occupation of the bundled list (《中华人民共和国职业分类大典》), e.g. 6-18-02-04");
        }
        v.check(headcount != null && headcount >= 1 && headcount <= MAX_HEADCOUNT, "headcount",
                "headcount must be from 1 to " + MAX_HEADCOUNT);
        if (v.required(region, "region")) {
            v.check(CodeList.REGIONS.contains(region), "region",
                    "region must be a division code of the bundled list (GB/T 2260), e.g. 440000");
        }
        if (v.required(period, "period")) {
            v.check(Quarter.parse(period).isPresent(), "period", "period must be a quarter written YYYY-Qn, e.g. 2027-Q1");
        }
        v.paragraph(note, "note", 1000, false);
        return v.list();
    }

    public Quarter quarter() {
        return Quarter.parse(period).orElseThrow();
    }
}
