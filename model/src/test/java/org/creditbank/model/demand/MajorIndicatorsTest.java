package org.creditbank.model.demand;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.creditbank.model.TrafficLight;
import org.junit.jupiter.api.Test;

/**
 * The indicators on a welding major whose figures are worked out by hand in the comments (and in
 * docs/industry-education.md): demand rises by 10 a quarter while the school supplies 16.
 */
class MajorIndicatorsTest {

    static final String WELDER = "6-18-02-04";
    static final String ROBOT_OPERATOR = "6-30-99-00";
    static final String TURNER = "6-18-01-01";
    static final String FOSHAN = "440600";

    static final WarningThresholds THRESHOLDS = new WarningThresholds(1, "2027 年专业预警阈值", new BigDecimal("0.5"),
            new BigDecimal("0.8"), new BigDecimal("1.2"), new BigDecimal("1.5"), 4);

    private static int entries;

    static TalentDemand demand(String occupation, int headcount, String region, String period) {
        String localId = "D-" + ++entries;
        return TalentDemand.published("HardwareCoMSP:dem:" + localId, "HardwareCoMSP",
                new DemandRequest(localId, occupation, headcount, region, period, null), "2026-01-01T00:00:00Z", "tx", "by");
    }

    static SchoolMajor major(int version, String... occupations) {
        return new SchoolMajor("CollegeMSP", new MajorTerms("460104", "焊接技术与自动化", version, List.of(occupations)),
                "2026-01-01T00:00:00Z", "tx", "by");
    }

    private static List<TalentDemand> demand() {
        List<TalentDemand> demand = new ArrayList<>(List.of(
                demand(WELDER, 10, FOSHAN, "2026-Q2"),
                demand(WELDER, 20, FOSHAN, "2026-Q3"),
                demand(WELDER, 15, FOSHAN, "2026-Q4"),
                demand(ROBOT_OPERATOR, 15, FOSHAN, "2026-Q4"),
                demand(WELDER, 25, FOSHAN, "2027-Q1"),
                demand(ROBOT_OPERATOR, 15, FOSHAN, "2027-Q1"),
                demand(WELDER, 50, "110000", "2027-Q1"),      // another region
                demand(TURNER, 30, FOSHAN, "2027-Q1")));       // not an occupation of the major
        demand.add(demand(WELDER, 100, FOSHAN, "2027-Q1").withdrawn("计划取消", "2026-02-01T00:00:00Z", "tx2", "by"));
        return demand;
    }

    private static final List<SupplyCount> SUPPLY = List.of(
            new SupplyCount(WELDER, "2026-Q4", 30),
            new SupplyCount(WELDER, "2027-Q1", 12),
            new SupplyCount(ROBOT_OPERATOR, "2027-Q1", 4));

    private static List<MajorIndicator> compute(String region, SchoolMajor... majors) {
        return MajorIndicators.compute(demand(), List.of(majors), SUPPLY, THRESHOLDS,
                Quarter.parse("2026-Q4").orElseThrow(), Quarter.parse("2027-Q1").orElseThrow(), region);
    }

    @Test
    void aShortageGrowingByTenAQuarterIsRedWithItsTrendAndForecast() {
        // Quarters 2026-Q1 … 2027-Q1: D = 0, 10, 20, 30, 40; S = 0, 0, 0, 30, 16; gap = 0, 10, 20, 0, 24.
        MajorIndicator q1 = compute(FOSHAN, major(1, WELDER, ROBOT_OPERATOR)).get(1);

        assertThat(q1.period()).isEqualTo("2027-Q1");
        assertThat(q1.demand()).isEqualTo(40);
        assertThat(q1.supply()).isEqualTo(16);
        assertThat(q1.gap()).isEqualTo(24);
        assertThat(q1.gapRatio()).isEqualByComparingTo("0.6");            // 24 / 40
        assertThat(q1.supplyRatio()).isEqualByComparingTo("0.4");         // 16 / 40
        // demand 10, 20, 30, 40 over x = 0..3: slope Σ(12x − 18)y / (4·15) = 600 / 60
        assertThat(q1.demandTrend()).isEqualByComparingTo("10");
        // gap 10, 20, 0, 24: (−180 − 120 + 0 + 432) / 60 = 2.2
        assertThat(q1.gapTrend()).isEqualByComparingTo("2.2");
        // (2·3·100 + 600) / (2·4·3) = 50: the line one quarter on
        assertThat(q1.forecastDemand()).isEqualByComparingTo("50");
        assertThat(q1.warning()).isEqualTo(TrafficLight.RED);
        assertThat(q1.reason()).isEqualTo("supply/demand 16/40 is below 0.5 (red below)");
        assertThat(q1.thresholdsVersion()).isEqualTo(1);
    }

    @Test
    void aQuarterWhoseSupplyMeetsDemandIsGreenAndItsTrendCountsEarlierQuartersWithoutRecordsAsZero() {
        MajorIndicator q4 = compute(FOSHAN, major(1, WELDER, ROBOT_OPERATOR)).get(0);

        assertThat(q4.period()).isEqualTo("2026-Q4");
        assertThat(q4.demand()).isEqualTo(30);
        assertThat(q4.supply()).isEqualTo(30);
        assertThat(q4.gap()).isZero();
        assertThat(q4.supplyRatio()).isEqualByComparingTo("1");
        assertThat(q4.demandTrend()).isEqualByComparingTo("10");          // 0, 10, 20, 30
        assertThat(q4.gapTrend()).isEqualByComparingTo("1");              // 0, 10, 20, 0: 60 / 60
        assertThat(q4.forecastDemand()).isEqualByComparingTo("40");
        assertThat(q4.warning()).isEqualTo(TrafficLight.GREEN);
    }

    @Test
    void withoutARegionEveryRegionsDemandCountsAndTheLatestVersionOfAMajorIsTheOneUsed() {
        List<MajorIndicator> all = compute(null, major(1, WELDER), major(2, WELDER, ROBOT_OPERATOR));

        assertThat(all).hasSize(2);
        assertThat(all.get(1).demand()).as("40 in Foshan and 50 in Beijing").isEqualTo(90);
        assertThat(all.get(1).warning()).isEqualTo(TrafficLight.RED);
    }

    @Test
    void theWarningBandsIncludeTheirThresholdsAndAQuarterWithoutDemandIsRedOnlyWhenThereIsSupply() {
        assertThat(MajorIndicators.judge(10, 4, THRESHOLDS).light()).isEqualTo(TrafficLight.RED);
        assertThat(MajorIndicators.judge(10, 5, THRESHOLDS).light()).as("0.5 is not below 0.5").isEqualTo(TrafficLight.YELLOW);
        assertThat(MajorIndicators.judge(10, 8, THRESHOLDS).light()).isEqualTo(TrafficLight.GREEN);
        assertThat(MajorIndicators.judge(10, 12, THRESHOLDS).light()).isEqualTo(TrafficLight.GREEN);
        assertThat(MajorIndicators.judge(10, 13, THRESHOLDS).light()).isEqualTo(TrafficLight.YELLOW);
        assertThat(MajorIndicators.judge(10, 15, THRESHOLDS).light()).isEqualTo(TrafficLight.YELLOW);
        assertThat(MajorIndicators.judge(10, 16, THRESHOLDS).light()).isEqualTo(TrafficLight.RED);
        assertThat(MajorIndicators.judge(10, 16, THRESHOLDS).reason()).isEqualTo("supply/demand 16/10 is above 1.5 (red above)");
        assertThat(MajorIndicators.judge(0, 0, THRESHOLDS).light()).isEqualTo(TrafficLight.GREEN);
        assertThat(MajorIndicators.judge(0, 3, THRESHOLDS).light()).isEqualTo(TrafficLight.RED);
    }

    @Test
    void aFallingLineIsForecastNoLowerThanZero() {
        long[] falling = {30, 20, 10, 0};
        assertThat(MajorIndicators.slope(falling, 3, 4)).isEqualByComparingTo("-10");
        // (2·3·60 − 600) / 24 = −10, clamped
        assertThat(MajorIndicators.forecast(falling, 3, 4)).isEqualByComparingTo("0");
        long[] two = {10, 20};
        assertThat(MajorIndicators.slope(two, 1, 2)).isEqualByComparingTo("10");
        assertThat(MajorIndicators.forecast(two, 1, 2)).isEqualByComparingTo("30");
    }

    @Test
    void aMajorWithNoRecordsAtAllIsGreenWithZeroTrend() {
        List<MajorIndicator> none = MajorIndicators.compute(List.of(), List.of(major(1, TURNER)), List.of(), THRESHOLDS,
                Quarter.parse("2027-Q1").orElseThrow(), Quarter.parse("2027-Q1").orElseThrow(), null);
        assertThat(none).singleElement().satisfies(i -> {
            assertThat(i.gapRatio()).isNull();
            assertThat(i.demandTrend()).isEqualByComparingTo("0");
            assertThat(i.warning()).isEqualTo(TrafficLight.GREEN);
        });
    }
}
