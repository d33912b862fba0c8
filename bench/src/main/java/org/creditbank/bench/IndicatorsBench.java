package org.creditbank.bench;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.creditbank.model.demand.CodeList;
import org.creditbank.model.demand.DemandRequest;
import org.creditbank.model.demand.MajorIndicator;
import org.creditbank.model.demand.MajorIndicators;
import org.creditbank.model.demand.MajorTerms;
import org.creditbank.model.demand.Quarter;
import org.creditbank.model.demand.SchoolMajor;
import org.creditbank.model.demand.SupplyCount;
import org.creditbank.model.demand.TalentDemand;
import org.creditbank.model.demand.WarningThresholds;
import org.creditbank.model.outcome.Outcome;
import org.creditbank.model.outcome.OutcomeDraft;
import org.creditbank.model.outcome.OutcomeKind;
import org.creditbank.model.outcome.OutcomeStatus;
import org.creditbank.model.outcome.Result;

/**
 * The {@code indicators} phase: issue #15's target "indicators for a province-sized data set (100k
 * outcomes, 1k demand entries) in under 2 s", as the read model computes them
 * ({@link SupplyCount#tally} then {@link MajorIndicators#compute}) over generated records; no
 * network. Beside it, in the same run and on the same records, a <b>baseline</b>: one pass that
 * only reads every outcome's status, category and date and every demand's headcount, the least
 * any computation over these records costs. The ratio of the two says how much of the time is
 * the indicators' own work, whatever the machine's load was during the run.
 */
final class IndicatorsBench {

    private IndicatorsBench() {
    }

    static Map<String, Object> run(Map<String, String> o) {
        int outcomes = Integer.parseInt(o.getOrDefault("outcomes", "100000"));
        int demandEntries = Integer.parseInt(o.getOrDefault("demand", "1000"));
        int majorCount = Integer.parseInt(o.getOrDefault("majors", "200"));
        int quarters = Integer.parseInt(o.getOrDefault("quarters", "8"));
        int runs = Integer.parseInt(o.getOrDefault("runs", "11"));

        Random random = new Random(15);
        List<String> occupations = List.copyOf(CodeList.OCCUPATIONS.all().keySet());
        List<String> regions = List.copyOf(CodeList.REGIONS.all().keySet());
        Quarter first = Quarter.parse("2025-Q1").orElseThrow();
        int span = quarters + 4;
        List<Outcome> records = new ArrayList<>(outcomes);
        for (int i = 0; i < outcomes; i++) {
            Quarter q = first.plus(random.nextInt(span));
            String end = String.format(Locale.ROOT, "%d-%02d-15", q.year(), (q.quarter() - 1) * 3 + 2);
            OutcomeDraft draft = new OutcomeDraft("O-" + i, "CB0000000000000000", OutcomeKind.SKILL_CERTIFICATE, "CERT",
                    "职业技能等级证书", occupations.get(random.nextInt(occupations.size())), null, 40, null,
                    new Result(Result.Scale.PASS_FAIL, "PASS"), end, end, null, "a".repeat(64), null);
            records.add(new Outcome("S" + i % 20 + "MSP:O-" + i, "S" + i % 20 + "MSP", draft, "h", end + "T00:00:00Z", "tx",
                    i % 50 == 0 ? OutcomeStatus.REVOKED : OutcomeStatus.ACTIVE, null, null, "by"));
        }
        List<TalentDemand> demand = new ArrayList<>(demandEntries);
        for (int i = 0; i < demandEntries; i++) {
            demand.add(TalentDemand.published("E" + i % 40 + "MSP:dem:D-" + i, "E" + i % 40 + "MSP",
                    new DemandRequest("D-" + i, occupations.get(random.nextInt(occupations.size())), 1 + random.nextInt(200),
                            regions.get(random.nextInt(regions.size())), first.plus(random.nextInt(span)).toString(), null),
                    "2025-01-01T00:00:00Z", "tx", "by"));
        }
        List<SchoolMajor> majors = new ArrayList<>(majorCount);
        for (int i = 0; i < majorCount; i++) {
            majors.add(new SchoolMajor("S" + i % 20 + "MSP", new MajorTerms(String.format(Locale.ROOT, "46%04d", i),
                    "专业 " + i, 1, List.of(occupations.get(i % occupations.size()),
                    occupations.get((i + 5) % occupations.size()))), "2025-01-01T00:00:00Z", "tx", "by"));
        }
        WarningThresholds thresholds = new WarningThresholds(1, "阈值", new BigDecimal("0.5"), new BigDecimal("0.8"),
                new BigDecimal("1.2"), new BigDecimal("1.5"), 4);
        Quarter from = first.plus(4);
        Quarter to = from.plus(quarters - 1);

        long[] baseline = new long[runs];
        long[] tally = new long[runs];
        long[] total = new long[runs];
        int rows = 0;
        long checksum = 0;
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            checksum += baselinePass(records, demand);
            long t1 = System.nanoTime();
            List<SupplyCount> supply = SupplyCount.tally(records);
            long t2 = System.nanoTime();
            List<MajorIndicator> indicators = MajorIndicators.compute(demand, majors, supply, thresholds, from, to, null);
            long t3 = System.nanoTime();
            rows = indicators.size();
            baseline[r] = t1 - t0;
            tally[r] = t2 - t1;
            total[r] = t3 - t1;
        }
        if (rows != majorCount * quarters) {
            throw new IllegalStateException("expected " + majorCount * quarters + " indicators, computed " + rows);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("outcomes", outcomes);
        result.put("demand_entries", demandEntries);
        result.put("majors", majorCount);
        result.put("quarters", quarters);
        result.put("indicators", rows);
        result.put("runs", runs);
        result.put("first_run_ms", ms(total[0]));
        result.put("median_ms", ms(median(total)));
        result.put("max_ms", ms(Arrays.stream(total).max().orElseThrow()));
        result.put("tally_median_ms", ms(median(tally)));
        result.put("baseline_median_ms", ms(median(baseline)));
        // Reported so that the JIT cannot drop the baseline pass as unused.
        result.put("baseline_checksum", checksum);
        result.put("over_baseline", Math.round(10.0 * median(total) / Math.max(1, median(baseline))) / 10.0);
        result.put("target_ms", 2000);
        result.put("meets_target", ms(Arrays.stream(total).max().orElseThrow()) < 2000);
        System.out.printf(Locale.ROOT, "indicators %d outcomes, %d demand, %d majors x %d quarters: first %s ms, median %s ms"
                        + " (tally %s), max %s ms; baseline pass %s ms (x%s); target < 2000 ms: %s%n",
                outcomes, demandEntries, majorCount, quarters, result.get("first_run_ms"), result.get("median_ms"),
                result.get("tally_median_ms"), result.get("max_ms"), result.get("baseline_median_ms"),
                result.get("over_baseline"), (Boolean) result.get("meets_target") ? "met" : "NOT met");
        return result;
    }

    /** Reads what the indicators read of every record, once, and nothing more. */
    private static long baselinePass(List<Outcome> outcomes, List<TalentDemand> demand) {
        long n = 0;
        for (Outcome o : outcomes) {
            if (o.status() == OutcomeStatus.ACTIVE && o.draft().category() != null) {
                n += o.draft().activityEnd().charAt(6);
            }
        }
        for (TalentDemand d : demand) {
            n += d.request().headcount();
        }
        return n;
    }

    private static long median(long[] samples) {
        long[] sorted = samples.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double ms(long nanos) {
        return Math.round(nanos / 100_000.0) / 10.0;
    }
}
