package org.creditbank.chaincode.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.creditbank.chaincode.Refusal;
import org.creditbank.model.ErrorCode;
import org.creditbank.model.institution.InstitutionType;
import org.creditbank.model.outcome.Outcome;
import org.creditbank.model.outcome.OutcomeDraft;
import org.creditbank.model.outcome.OutcomeKind;
import org.creditbank.model.outcome.OutcomeStatus;
import org.creditbank.model.outcome.Result;
import org.creditbank.model.points.PointsEntry;
import org.creditbank.model.points.PointsFactType;
import org.creditbank.model.points.PointsLine;
import org.creditbank.model.points.PointsPolicy;
import org.creditbank.model.points.PolicyTerms;
import org.creditbank.model.points.Redemption;
import org.creditbank.model.points.RedemptionRequest;
import org.creditbank.model.points.RedemptionStatus;
import org.creditbank.model.points.SpentPoints;
import org.creditbank.model.recognition.CreditTarget;
import org.creditbank.model.recognition.Recognition;
import org.creditbank.model.recognition.RecognitionRequest;
import org.creditbank.model.recognition.RuleStatus;
import org.junit.jupiter.api.Test;

/** The counting and redemption rules on their own, without a ledger. */
class PointsRulesTest {

    private static final String HARDWARE = "HardwareCoMSP";
    private static final String LEARNER = org.creditbank.model.learner.AccountNumber.random(new java.security.SecureRandom());

    private static Outcome outcome(String issuer, String localId, OutcomeKind kind) {
        OutcomeDraft draft = new OutcomeDraft(localId, LEARNER, kind, "WELD-2", "焊接工艺实训", null, null, 48, null,
                new Result(Result.Scale.PASS_FAIL, "PASS"), "2026-03-01", "2026-07-01", null, "a".repeat(64), null);
        return new Outcome(issuer + ":" + localId, issuer, draft, "h", "2026-09-01T08:00:00Z", "tx", OutcomeStatus.ACTIVE,
                null, null, "by");
    }

    private static Recognition recognitionOf(String... sources) {
        RecognitionRequest request = new RecognitionRequest("R-1", LEARNER, List.of(sources), RecognitionRequest.Method.MANUAL,
                null, null, new CreditTarget(null, "企业实践", null), java.math.BigDecimal.ONE, "认定");
        return Recognition.decided("UniversityMSP:rec:R-1", "UniversityMSP", request, request.target(), request.credits(),
                null, "2026-09-02T08:00:00Z", "tx", "by");
    }

    private static PointsPolicy policy(RuleStatus status) {
        return new PointsPolicy("EduDeptMSP", new PolicyTerms(1, "办法", "2026-01-01", "2026-12-31",
                Map.of(PointsFactType.TRAINING_RECOGNISED, 10)), status, "t", null, "replaced", "by");
    }

    private static ErrorCode refusal(Runnable rule) {
        try {
            rule.run();
            return null;
        } catch (Refusal r) {
            return r.code();
        }
    }

    @Test
    void aFactsDateIsTheUtcDateOfTheLedgerTimeItCameAbout() {
        assertThat(PointsRules.dateOf("2026-12-31T23:30:00Z")).isEqualTo(LocalDate.parse("2026-12-31"));
    }

    @Test
    void aRecognisedTrainingIsTheEnterprisesTrainingCountedInASchoolsRecognition() {
        Outcome training = outcome(HARDWARE, "T-1", OutcomeKind.ENTERPRISE_TRAINING);
        Recognition recognition = recognitionOf(training.id());
        assertThat(refusal(() -> PointsRules.requireRecognisedTraining(HARDWARE, recognition, InstitutionType.SCHOOL, training)))
                .isNull();
        assertThat(refusal(() -> PointsRules.requireRecognisedTraining("ToolsCoMSP", recognition, InstitutionType.SCHOOL, training)))
                .isEqualTo(ErrorCode.ORG_NOT_ALLOWED);
        assertThat(refusal(() -> PointsRules.requireRecognisedTraining(HARDWARE, recognition, InstitutionType.AUTHORITY, training)))
                .isEqualTo(ErrorCode.NOT_A_POINTS_FACT);
        assertThat(refusal(() -> PointsRules.requireRecognisedTraining(HARDWARE, recognitionOf("CollegeMSP:C-1"),
                InstitutionType.SCHOOL, training))).isEqualTo(ErrorCode.NOT_A_POINTS_FACT);
        Outcome experience = outcome(HARDWARE, "W-1", OutcomeKind.WORK_EXPERIENCE);
        assertThat(refusal(() -> PointsRules.requireRecognisedTraining(HARDWARE, recognitionOf(experience.id()),
                InstitutionType.SCHOOL, experience))).isEqualTo(ErrorCode.NOT_A_POINTS_FACT);
    }

    @Test
    void anInternshipIsTheEnterprisesWorkExperienceForALearnerASchoolEnrolled() {
        Outcome internship = outcome(HARDWARE, "W-1", OutcomeKind.WORK_EXPERIENCE);
        assertThat(refusal(() -> PointsRules.requireInternship(HARDWARE, internship, InstitutionType.SCHOOL))).isNull();
        assertThat(refusal(() -> PointsRules.requireInternship(HARDWARE, internship, InstitutionType.ENTERPRISE)))
                .isEqualTo(ErrorCode.NOT_A_POINTS_FACT);
    }

    @Test
    void onlyAStandingFactIsCounted() {
        assertThat(refusal(() -> PointsRules.requireInForce("x", OutcomeStatus.ACTIVE))).isNull();
        assertThat(refusal(() -> PointsRules.requireInForce("x", OutcomeStatus.SUSPENDED))).isEqualTo(ErrorCode.SOURCE_NOT_ACTIVE);
        assertThat(refusal(() -> PointsRules.requireInForce("x", OutcomeStatus.REVOKED))).isEqualTo(ErrorCode.SOURCE_NOT_ACTIVE);
    }

    @Test
    void thePolicyPricesAFactOnlyWhileActiveWithinItsPeriodAndForTheTypesItLists() {
        LocalDate inside = LocalDate.parse("2026-06-01");
        assertThat(PointsRules.pointsFor(policy(RuleStatus.ACTIVE), PointsFactType.TRAINING_RECOGNISED, inside)).isEqualTo(10);
        assertThat(refusal(() -> PointsRules.pointsFor(policy(RuleStatus.RETIRED), PointsFactType.TRAINING_RECOGNISED, inside)))
                .isEqualTo(ErrorCode.POLICY_NOT_IN_FORCE);
        assertThat(refusal(() -> PointsRules.pointsFor(policy(RuleStatus.ACTIVE), PointsFactType.TRAINING_RECOGNISED,
                LocalDate.parse("2027-01-01")))).isEqualTo(ErrorCode.POLICY_NOT_IN_FORCE);
        assertThat(refusal(() -> PointsRules.pointsFor(policy(RuleStatus.ACTIVE), PointsFactType.INTERNSHIP, inside)))
                .isEqualTo(ErrorCode.POLICY_NOT_IN_FORCE);
    }

    @Test
    void aRetiredVersionDoesNotBlockANewOneForTheSamePeriod() {
        PolicyTerms again = new PolicyTerms(2, "修订", "2026-01-01", "2026-12-31", Map.of(PointsFactType.INTERNSHIP, 5));
        assertThat(PointsRules.overlapping(List.of(policy(RuleStatus.ACTIVE)), again)).isPresent();
        assertThat(PointsRules.overlapping(List.of(policy(RuleStatus.RETIRED)), again)).isEmpty();
    }

    @Test
    void earnedPointsAreThoseOfStandingFactsOnly() {
        PointsEntry entry = new PointsEntry(HARDWARE, PointsFactType.INTERNSHIP, "a", "a", 1, 5, "2026-09-01", "t", "tx", "by");
        List<PointsLine> lines = List.of(PointsLine.of(entry, OutcomeStatus.ACTIVE), PointsLine.of(entry, OutcomeStatus.SUSPENDED),
                PointsLine.of(entry, OutcomeStatus.REVOKED), PointsLine.of(entry, OutcomeStatus.ACTIVE));
        assertThat(PointsRules.earned(lines)).isEqualTo(10);
    }

    @Test
    void aRedemptionNeverExceedsTheBalanceAndIsDecidedOnce() {
        assertThat(refusal(() -> RedemptionRules.requireAffordable(10, 10))).isNull();
        assertThat(refusal(() -> RedemptionRules.requireAffordable(11, 10))).isEqualTo(ErrorCode.INSUFFICIENT_POINTS);
        assertThat(refusal(() -> RedemptionRules.requireAffordable(1, -5))).isEqualTo(ErrorCode.INSUFFICIENT_POINTS);
        Redemption pending = new Redemption(HARDWARE + ":red:R-1", HARDWARE, new RedemptionRequest("R-1", 6, "补贴"),
                RedemptionStatus.PENDING, "t", "tx", null, null, null, "by");
        assertThat(refusal(() -> RedemptionRules.requirePending(pending))).isNull();
        Redemption approved = pending.decided(RedemptionStatus.APPROVED, "EduDeptMSP", "t2", "同意", "by");
        assertThat(refusal(() -> RedemptionRules.requirePending(approved))).isEqualTo(ErrorCode.INVALID_STATUS_TRANSITION);
        SpentPoints after = RedemptionRules.afterApproval(new SpentPoints(HARDWARE, 4, null, null, null), approved, "t2", "by");
        assertThat(after.spent()).isEqualTo(10);
        assertThat(after.lastRedemption()).isEqualTo(approved.id());
        assertThatThrownBy(() -> RedemptionRules.requireAffordable(2, 1)).hasMessageContaining("balance is 1");
    }
}
