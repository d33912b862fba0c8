package org.creditbank.model.demand;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.creditbank.model.outcome.Outcome;
import org.creditbank.model.outcome.OutcomeDraft;
import org.creditbank.model.outcome.OutcomeKind;
import org.creditbank.model.outcome.OutcomeStatus;
import org.creditbank.model.outcome.Result;
import org.junit.jupiter.api.Test;

/**
 * The speed target, a province-sized data set: 100,000 outcomes tallied into supply and
 * 1,000 demand entries, indicators for 200 majors over eight quarters, in well under 2 s. It prints
 * the time it took and asserts only that the computation finishes with every indicator (a time
 * limit would fail on a busy build machine, not on slow code); scripts/bench measures it for real.
 */
class ProvinceSizedIndicatorsTest {

    @Test
    void indicatorsFor100kOutcomesAnd1kDemandEntries() {
        Random random = new Random(15);
        List<String> occupations = List.copyOf(CodeList.OCCUPATIONS.all().keySet());
        List<String> regions = List.copyOf(CodeList.REGIONS.all().keySet());
        Quarter first = Quarter.parse("2025-Q1").orElseThrow();

        List<Outcome> outcomes = new ArrayList<>(100_000);
        for (int i = 0; i < 100_000; i++) {
            Quarter q = first.plus(random.nextInt(12));
            String end = q.year() + "-" + String.format("%02d", (q.quarter() - 1) * 3 + 2) + "-15";
            OutcomeDraft draft = new OutcomeDraft("O-" + i, "CB0000000000000000", OutcomeKind.SKILL_CERTIFICATE, "CERT",
                    "职业技能等级证书", occupations.get(random.nextInt(occupations.size())), null, 40, null,
                    new Result(Result.Scale.PASS_FAIL, "PASS"), end, end, null, "a".repeat(64), null);
            outcomes.add(new Outcome("CollegeMSP:O-" + i, "CollegeMSP", draft, "h", end + "T00:00:00Z", "tx",
                    i % 50 == 0 ? OutcomeStatus.REVOKED : OutcomeStatus.ACTIVE, null, null, "by"));
        }
        List<TalentDemand> demand = new ArrayList<>(1_000);
        for (int i = 0; i < 1_000; i++) {
            demand.add(TalentDemand.published("E" + i % 40 + "MSP:dem:D-" + i, "E" + i % 40 + "MSP",
                    new DemandRequest("D-" + i, occupations.get(random.nextInt(occupations.size())), 1 + random.nextInt(200),
                            regions.get(random.nextInt(regions.size())), first.plus(random.nextInt(12)).toString(), null),
                    "2025-01-01T00:00:00Z", "tx", "by"));
        }
        List<SchoolMajor> majors = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            majors.add(new SchoolMajor("S" + i % 20 + "MSP", new MajorTerms(String.format("46%04d", i), "专业 " + i, 1,
                    List.of(occupations.get(i % occupations.size()), occupations.get((i + 5) % occupations.size()))),
                    "2025-01-01T00:00:00Z", "tx", "by"));
        }
        WarningThresholds thresholds = new WarningThresholds(1, "阈值", new BigDecimal("0.5"), new BigDecimal("0.8"),
                new BigDecimal("1.2"), new BigDecimal("1.5"), 4);

        long started = System.nanoTime();
        List<SupplyCount> supply = SupplyCount.tally(outcomes);
        long tallied = System.nanoTime();
        List<MajorIndicator> indicators = MajorIndicators.compute(demand, majors, supply, thresholds,
                first.plus(4), first.plus(11), null);
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("indicators for 100,000 outcomes, 1,000 demand entries, 200 majors x 8 quarters: " + millis
                + " ms (tally " + (tallied - started) / 1_000_000 + " ms)");

        assertThat(indicators).hasSize(200 * 8);
        assertThat(supply.stream().mapToLong(SupplyCount::count).sum()).isEqualTo(100_000 - 2_000);
    }
}
