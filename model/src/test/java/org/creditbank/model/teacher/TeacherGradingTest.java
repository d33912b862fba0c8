package org.creditbank.model.teacher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.creditbank.model.TrafficLight;
import org.creditbank.model.Violation;
import org.creditbank.model.outcome.Outcome;
import org.creditbank.model.outcome.OutcomeDraft;
import org.creditbank.model.outcome.OutcomeKind;
import org.creditbank.model.outcome.OutcomeStatus;
import org.creditbank.model.outcome.Result;
import org.junit.jupiter.api.Test;

/** A teacher's grade from their outcomes and the school's rule, with totals worked out by hand. */
class TeacherGradingTest {

    static final String TEACHER = "CB7K2M9QH4TZ1XW8R0";
    static final LocalDate AS_OF = LocalDate.parse("2027-03-01");

    static final GradingRule RULE = new GradingRule(1, "2027 教师数字能力分级办法", 5, List.of(
            new Criterion("数字化培训", List.of(OutcomeKind.COURSE, OutcomeKind.MICRO_CREDENTIAL, OutcomeKind.ENTERPRISE_TRAINING),
                    "数字素养", Measure.HOURS, 72, 36),
            new Criterion("企业实践", List.of(OutcomeKind.WORK_EXPERIENCE), "企业实践", Measure.HOURS, 60, 30),
            new Criterion("数字技能证书", List.of(OutcomeKind.SKILL_CERTIFICATE), null, Measure.COUNT, 1, 0),
            new Criterion("校企协同授课", List.of(OutcomeKind.WORK_EXPERIENCE), "协同授课", Measure.COUNT, 2, 1)));

    static final PublishedGradingRule PUBLISHED = new PublishedGradingRule("CollegeMSP", RULE, "2027-01-01T00:00:00Z", "tx", "by");

    private static int n;

    static Outcome outcome(OutcomeKind kind, String category, Integer hours, String end, OutcomeStatus status) {
        OutcomeDraft draft = new OutcomeDraft("T-" + ++n, TEACHER, kind, "DC-" + n, "数字能力", category, null, hours,
                null, new Result(Result.Scale.PASS_FAIL, "PASS"), end, end, null, "a".repeat(64), null);
        return new Outcome("CollegeMSP:T-" + n, "CollegeMSP", draft, "h", end + "T00:00:00Z", "tx", status, null, null, "by");
    }

    static Outcome outcome(OutcomeKind kind, String category, Integer hours, String end) {
        return outcome(kind, category, hours, end, OutcomeStatus.ACTIVE);
    }

    private static List<Outcome> yellowTeacher() {
        return new ArrayList<>(List.of(
                outcome(OutcomeKind.COURSE, "数字素养", 40, "2026-06-30"),
                outcome(OutcomeKind.ENTERPRISE_TRAINING, "数字素养", 32, "2026-12-15"),     // 40 + 32 = 72: green
                outcome(OutcomeKind.WORK_EXPERIENCE, "企业实践", 48, "2026-08-31"),          // 48 of 60: yellow
                outcome(OutcomeKind.SKILL_CERTIFICATE, "数字技能", null, "2026-05-20"),     // 1 of 1: green
                outcome(OutcomeKind.WORK_EXPERIENCE, "协同授课", 16, "2026-11-30"),
                outcome(OutcomeKind.WORK_EXPERIENCE, "协同授课", 16, "2026-12-20")));        // 2 of 2: green
    }

    @Test
    void aTeacherTwelveHoursOfEnterprisePracticeShortOfGreenIsYellowAndToldSo() {
        TeacherGrade grade = TeacherGrading.grade(TEACHER, PUBLISHED, yellowTeacher(), AS_OF);

        assertThat(grade.grade()).isEqualTo(TrafficLight.YELLOW);
        assertThat(grade.reason()).isEqualTo("企业实践: needs 12 more hours for green");
        assertThat(grade.criteria()).extracting(CriterionResult::value).containsExactly(72L, 48L, 1L, 2L);
        assertThat(grade.criteria().get(1)).satisfies(c -> {
            assertThat(c.level()).isEqualTo(TrafficLight.YELLOW);
            assertThat(c.moreForGreen()).isEqualTo(12);
            assertThat(c.moreForYellow()).isZero();
        });
        assertThat(grade.school()).isEqualTo("CollegeMSP");
        assertThat(grade.ruleVersion()).isEqualTo(1);
        assertThat(grade.asOf()).isEqualTo("2027-03-01");
    }

    @Test
    void twelveMoreHoursMakeItGreen() {
        List<Outcome> outcomes = yellowTeacher();
        outcomes.add(outcome(OutcomeKind.WORK_EXPERIENCE, "企业实践", 12, "2027-01-31"));

        TeacherGrade grade = TeacherGrading.grade(TEACHER, PUBLISHED, outcomes, AS_OF);

        assertThat(grade.grade()).isEqualTo(TrafficLight.GREEN);
        assertThat(grade.reason()).isEqualTo("every criterion reaches green");
    }

    @Test
    void oneCriterionBelowYellowMakesTheTeacherRedAndRevokedOldOrOtherCategoriesDoNotCount() {
        List<Outcome> outcomes = yellowTeacher();
        outcomes.remove(2);                                                                        // the 48 practice hours
        outcomes.add(outcome(OutcomeKind.WORK_EXPERIENCE, "企业实践", 20, "2026-09-30", OutcomeStatus.REVOKED));
        outcomes.add(outcome(OutcomeKind.WORK_EXPERIENCE, "企业实践", 40, "2021-12-31"));       // before 2022-03-01
        outcomes.add(outcome(OutcomeKind.WORK_EXPERIENCE, "顶岗实习", 40, "2026-09-30"));       // another category
        outcomes.add(outcome(OutcomeKind.WORK_EXPERIENCE, "企业实践", 10, "2022-03-01"));       // exactly five years: counts

        TeacherGrade grade = TeacherGrading.grade(TEACHER, PUBLISHED, outcomes, AS_OF);

        assertThat(grade.grade()).isEqualTo(TrafficLight.RED);
        assertThat(grade.criteria().get(1).value()).isEqualTo(10);
        assertThat(grade.reason()).isEqualTo("企业实践: needs 50 more hours for green (20 more hours for yellow)");
    }

    @Test
    void aTeacherWithNothingIsRedOnEveryCriterionWithAYellowAboveZero() {
        TeacherGrade grade = TeacherGrading.grade(TEACHER, PUBLISHED, List.of(), AS_OF);
        assertThat(grade.grade()).isEqualTo(TrafficLight.RED);
        assertThat(grade.criteria()).extracting(CriterionResult::level).containsExactly(
                TrafficLight.RED, TrafficLight.RED, TrafficLight.YELLOW, TrafficLight.RED);
        assertThat(grade.reason()).isEqualTo("数字化培训: needs 72 more hours for green (36 more hours for yellow); "
                + "企业实践: needs 60 more hours for green (30 more hours for yellow); 数字技能证书: needs 1 more outcome for green; "
                + "校企协同授课: needs 2 more outcomes for green (1 more outcome for yellow)");
    }

    @Test
    void aRuleHasNamedCriteriaWithYellowNoHigherThanGreen() {
        assertThat(RULE.validate()).isEmpty();
        GradingRule bad = new GradingRule(1, "办法", 0, List.of(
                new Criterion("企业实践", List.of(), null, Measure.HOURS, 10, 20),
                new Criterion("企业实践", List.of(OutcomeKind.COURSE), null, null, 0, 0)));  // yellow 0 ≤ green: only green is wrong
        assertThat(bad.validate()).extracting(Violation::field).containsExactly("withinYears", "criteria[0].kinds",
                "criteria[0].yellow", "criteria[1].measure", "criteria[1].green", "criteria");
    }
}
