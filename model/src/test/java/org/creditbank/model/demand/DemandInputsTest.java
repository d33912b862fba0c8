package org.creditbank.model.demand;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.creditbank.model.Violation;
import org.junit.jupiter.api.Test;

/** The field rules of talent demand, majors and thresholds, and the bundled code lists. */
class DemandInputsTest {

    @Test
    void theCodeListsAreBundledWithTheirNames() {
        assertThat(CodeList.OCCUPATIONS.nameOf("6-18-02-04")).contains("焊工");
        assertThat(CodeList.OCCUPATIONS.all()).hasSizeGreaterThanOrEqualTo(12);
        assertThat(CodeList.REGIONS.nameOf("440000")).contains("广东省");
        assertThat(CodeList.OCCUPATIONS.contains("9-99-99-99")).isFalse();
        assertThat(CodeList.OCCUPATIONS.contains(null)).isFalse();
    }

    @Test
    void quartersAreConsecutiveAcrossYears() {
        Quarter q4 = Quarter.parse("2026-Q4").orElseThrow();
        assertThat(q4.plus(1)).hasToString("2027-Q1");
        assertThat(Quarter.parse("2027-Q1").orElseThrow().index() - q4.index()).isEqualTo(1);
        assertThat(Quarter.of(java.time.LocalDate.parse("2027-06-30"))).hasToString("2027-Q2");
        assertThat(Quarter.ofIsoDate("2027-07-01")).hasToString("2027-Q3");
        assertThat(Quarter.ofIsoDate("2027-12-31")).hasToString("2027-Q4");
        assertThat(Quarter.parse("2027")).isEmpty();
        assertThat(Quarter.parse("2027-Q5")).isEmpty();
    }

    @Test
    void aDemandNamesAListedOccupationAndRegionAQuarterAndAHeadcount() {
        assertThat(new DemandRequest("D-1", "6-18-02-04", 40, "440600", "2027-Q1", null).validate()).isEmpty();
        assertThat(new DemandRequest("D-1", "1-23-45-67", 0, "999999", "2027", null).validate())
                .extracting(Violation::field).containsExactly("occupationCode", "headcount", "region", "period");
        assertThat(new DemandRequest("D-1", "6-18-02-04", DemandRequest.MAX_HEADCOUNT + 1, "440600", "2027-Q1", null)
                .validate()).extracting(Violation::field).containsExactly("headcount");
    }

    @Test
    void aMajorHasASixDigitCodeAndListedOccupationsEachOnce() {
        assertThat(new MajorTerms("460104", "焊接技术与自动化", 1, List.of("6-18-02-04")).validate()).isEmpty();
        assertThat(new MajorTerms("4601", "焊接", 0, List.of("6-18-02-04", "6-18-02-04", "0-00-00-00")).validate())
                .extracting(Violation::field).containsExactly("majorCode", "version", "occupationCodes", "occupationCodes");
        assertThat(new MajorTerms("460104", "焊接", 1, List.of()).validate()).extracting(Violation::field)
                .containsExactly("occupationCodes");
    }

    @Test
    void thresholdsAreOrderedAroundOneAndWrittenInOneForm() {
        WarningThresholds ok = new WarningThresholds(1, "阈值", new BigDecimal("0.50"), new BigDecimal("0.8"),
                new BigDecimal("1.2"), new BigDecimal("1.5"), 4);
        assertThat(ok.validate()).isEmpty();
        assertThat(ok.redBelow()).hasToString("0.5");
        assertThat(new WarningThresholds(1, "阈值", new BigDecimal("0.8"), new BigDecimal("0.5"), new BigDecimal("1.2"),
                new BigDecimal("1.5"), 4).validate()).extracting(Violation::field).containsExactly("yellowBelow");
        assertThat(new WarningThresholds(1, "阈值", new BigDecimal("0.5"), new BigDecimal("0.8"), new BigDecimal("0.9"),
                new BigDecimal("1.5"), 1).validate()).extracting(Violation::field).containsExactly("yellowAbove", "trendPeriods");
    }
}
