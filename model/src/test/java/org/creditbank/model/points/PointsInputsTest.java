package org.creditbank.model.points;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.creditbank.model.Violation;
import org.junit.jupiter.api.Test;

/** The field rules of what the AUTHORITY, a school and an enterprise submit about points. */
class PointsInputsTest {

    private static final String GRADUATE = org.creditbank.model.learner.AccountNumber.random(new java.security.SecureRandom());

    private static PolicyTerms policy(String from, String until, Map<PointsFactType, Integer> points) {
        return new PolicyTerms(1, "2026 年度办法", from, until, points);
    }

    @Test
    void aPolicyPricesAtLeastOneTypeWithWholePointsWithinItsLimit() {
        assertThat(policy("2026-01-01", "2026-12-31", Map.of(PointsFactType.INTERNSHIP, 5)).validate()).isEmpty();
        assertThat(policy("2026-01-01", "2026-12-31", Map.of()).validate()).extracting(Violation::field).containsExactly("points");
        assertThat(policy("2026-01-01", "2026-12-31", Map.of(PointsFactType.INTERNSHIP, 0)).validate())
                .extracting(Violation::field).containsExactly("points");
        assertThat(policy("2026-01-01", "2026-12-31", Map.of(PointsFactType.INTERNSHIP, PolicyTerms.MAX_POINTS_PER_FACT + 1))
                .validate()).extracting(Violation::field).containsExactly("points");
        assertThat(policy("2026-12-31", "2026-01-01", Map.of(PointsFactType.INTERNSHIP, 5)).validate())
                .extracting(Violation::field).containsExactly("validUntil");
    }

    @Test
    void aPolicyCoversBothEndsOfItsPeriodAndOverlapsAVersionSharingADay() {
        PolicyTerms year = policy("2026-01-01", "2026-12-31", Map.of(PointsFactType.INTERNSHIP, 5));
        assertThat(year.covers(LocalDate.parse("2026-01-01"))).isTrue();
        assertThat(year.covers(LocalDate.parse("2026-12-31"))).isTrue();
        assertThat(year.covers(LocalDate.parse("2027-01-01"))).isFalse();
        assertThat(year.overlaps(policy("2026-12-31", "2027-06-30", Map.of(PointsFactType.INTERNSHIP, 5)))).isTrue();
        assertThat(year.overlaps(policy("2027-01-01", "2027-06-30", Map.of(PointsFactType.INTERNSHIP, 5)))).isFalse();
    }

    @Test
    void aHireNeedsAContractOfAtLeastFiveYearsAndNoCourse() {
        ConfirmationRequest five = new ConfirmationRequest("H-1", PointsFactType.GRADUATE_HIRED, "HardwareCoMSP",
                null, null, null, null, null, GRADUATE, "2026-07-01", ConfirmationRequest.MIN_CONTRACT_YEARS, null);
        assertThat(five.validate()).isEmpty();
        ConfirmationRequest four = new ConfirmationRequest("H-1", PointsFactType.GRADUATE_HIRED, "HardwareCoMSP",
                null, null, null, null, null, GRADUATE, "2026-07-01", 4, null);
        assertThat(four.validate()).extracting(Violation::field).containsExactly("contractYears");
        ConfirmationRequest withCourse = new ConfirmationRequest("H-1", PointsFactType.GRADUATE_HIRED, "HardwareCoMSP",
                "CNC101", null, null, null, null, GRADUATE, "2026-07-01", 5, null);
        assertThat(withCourse.validate()).extracting(Violation::field).containsExactly("type");
    }

    @Test
    void aSchoolConfirmsOnlyCoTeachingAndHires() {
        ConfirmationRequest internship = new ConfirmationRequest("X-1", PointsFactType.INTERNSHIP, "HardwareCoMSP",
                null, null, null, null, null, null, null, null, null);
        assertThat(internship.validate()).extracting(Violation::field).containsExactly("type");
    }

    @Test
    void theSameHireOrCoTeachingHasTheSameIdentityWhateverTheSchoolsNumber() {
        ConfirmationRequest a = new ConfirmationRequest("CT-1", PointsFactType.CO_TEACHING, "HardwareCoMSP",
                "CNC101", "数控车床编程", "2026-03-01", "2026-07-01", 32, null, null, null, null);
        ConfirmationRequest b = new ConfirmationRequest("CT-2", PointsFactType.CO_TEACHING, "HardwareCoMSP",
                "CNC101", "数控车床编程（二）", "2026-03-01", "2026-06-01", 16, null, null, null, "补录");
        assertThat(a.factIdentity()).isEqualTo(b.factIdentity());
    }

    @Test
    void aClaimCitesTheRecordKindItsTypeNeedsAndOnlyATrainingClaimNamesAnOutcome() {
        assertThat(new AccrualClaim(PointsFactType.TRAINING_RECOGNISED, "UniversityMSP:rec:R-7", "HardwareCoMSP:T-1", 1)
                .validate()).isEmpty();
        assertThat(new AccrualClaim(PointsFactType.TRAINING_RECOGNISED, "HardwareCoMSP:T-1", null, 1).validate())
                .extracting(Violation::field).containsExactly("factId", "outcomeId");
        assertThat(new AccrualClaim(PointsFactType.INTERNSHIP, "HardwareCoMSP:W-1", "HardwareCoMSP:W-1", 1).validate())
                .extracting(Violation::field).containsExactly("outcomeId");
        assertThat(new AccrualClaim(PointsFactType.GRADUATE_HIRED, "CollegeMSP:conf:H-1", null, null).validate())
                .extracting(Violation::field).containsExactly("policyVersion");
        assertThat(new AccrualClaim(PointsFactType.TRAINING_RECOGNISED, "UniversityMSP:rec:R-7", "HardwareCoMSP:T-1", 1)
                .countedId()).as("a training counts once, whichever recognition cites it").isEqualTo("HardwareCoMSP:T-1");
    }
}
