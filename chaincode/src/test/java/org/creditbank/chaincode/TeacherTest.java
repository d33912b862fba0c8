package org.creditbank.chaincode;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Teachers' digital-competence grades on the contracts: a school appoints a teacher (a learner
 * account), publishes its grading rule, and the grade read from the ledger follows the teacher's
 * outcomes as they are issued and revoked.
 */
class TeacherTest extends Consortium {

    private final String teacher = newLearner();

    TeacherTest() {
        register(PointsTest.EDU_ADMIN, "广东省教育厅", "AUTHORITY");
    }

    static Map<String, Object> rule(int version) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("version", version);
        rule.put("title", "2026 教师数字能力分级办法");
        rule.put("withinYears", 5);
        rule.put("criteria", List.of(
                criterion("数字化培训", List.of("COURSE", "MICRO_CREDENTIAL", "ENTERPRISE_TRAINING"), "数字素养", 72, 36),
                criterion("企业实践", List.of("WORK_EXPERIENCE"), "企业实践", 60, 30)));
        return rule;
    }

    private static Map<String, Object> criterion(String name, List<String> kinds, String category, int green, int yellow) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", name);
        c.put("kinds", kinds);
        c.put("category", category);
        c.put("measure", "HOURS");
        c.put("green", green);
        c.put("yellow", yellow);
        return c;
    }

    private Map<String, Object> outcome(String localId, String kind, String category, int hours) {
        Map<String, Object> draft = course(localId, teacher);
        draft.put("kind", kind);
        draft.put("category", category);
        draft.put("hours", hours);
        return draft;
    }

    private JsonNode grade() {
        return ok(ledger.evaluate(COLLEGE_VERIFIER, "teacher:grade", teacher));
    }

    @Test
    void aSchoolAppointsATeacherOnceAndOnlyItEndsTheAppointment() {
        refused(ledger.submit(HARDWARE_REGISTRAR, "teacher:appoint", teacher), "INSTITUTION_TYPE_NOT_ALLOWED");
        refused(ledger.submit(COLLEGE_REGISTRAR, "teacher:appoint",
                org.creditbank.model.learner.AccountNumber.random(new java.security.SecureRandom())), "ACCOUNT_NOT_FOUND");
        JsonNode appointed = ok(ledger.submit(COLLEGE_REGISTRAR, "teacher:appoint", teacher));
        assertThat(appointed.get("school").asText()).isEqualTo(COLLEGE);
        assertThat(appointed.has("name")).as("no personal data in world state").isFalse();
        assertThat(ledger.submit(COLLEGE_REGISTRAR, "teacher:appoint", teacher).changed()).isFalse();
        refused(ledger.submit(UNIVERSITY_REGISTRAR, "teacher:appoint", teacher), "CONFLICT");
        refused(ledger.submit(UNIVERSITY_REGISTRAR, "teacher:endAppointment", teacher, "调离"), "ORG_NOT_ALLOWED");

        ok(ledger.submit(COLLEGE_REGISTRAR, "teacher:endAppointment", teacher, "调往应用技术大学"));
        refused(ledger.submit(COLLEGE_REGISTRAR, "teacher:endAppointment", teacher, "再次"), "INVALID_STATUS_TRANSITION");
        ok(ledger.submit(UNIVERSITY_REGISTRAR, "teacher:appoint", teacher));
        JsonNode read = ok(ledger.evaluate(HARDWARE_VERIFIER, "teacher:getAppointment", teacher));
        assertThat(read.at("/current/school").asText()).isEqualTo(UNIVERSITY);
        assertThat(read.get("history")).hasSize(3);
    }

    @Test
    void theGradeFollowsTheTeachersOutcomesAsTheyAreIssuedAndRevoked() {
        ok(ledger.submit(COLLEGE_REGISTRAR, "teacher:appoint", teacher));
        refused(ledger.evaluate(COLLEGE_VERIFIER, "teacher:grade", teacher), "NOT_FOUND");   // no rule yet
        ok(ledger.submit(COLLEGE_REGISTRAR, "teacher:publishRule", json(rule(1))));
        issue(COLLEGE_REGISTRAR, outcome("DC-1", "COURSE", "数字素养", 72));
        issue(HARDWARE_REGISTRAR, outcome("EP-1", "WORK_EXPERIENCE", "企业实践", 48));

        JsonNode yellow = grade();
        assertThat(yellow.get("grade").asText()).isEqualTo("YELLOW");
        assertThat(yellow.get("reason").asText()).isEqualTo("企业实践: needs 12 more hours for green");
        assertThat(yellow.get("asOf").asText()).isEqualTo(ledger.today().toString());

        String more = issue(HARDWARE_REGISTRAR, outcome("EP-2", "WORK_EXPERIENCE", "企业实践", 12)).get("id").asText();
        assertThat(grade().get("grade").asText()).isEqualTo("GREEN");

        ok(ledger.submit(HARDWARE_REGISTRAR, "outcome:revoke", more, "实践记录有误"));
        assertThat(grade().get("grade").asText()).isEqualTo("YELLOW");
    }

    @Test
    void aGradeNeedsAnAppointmentAndTheLatestRuleOfTheSchoolCounts() {
        refused(ledger.evaluate(COLLEGE_VERIFIER, "teacher:grade", teacher), "NOT_FOUND");
        refused(ledger.evaluate(COLLEGE_VERIFIER, "teacher:grade", "CB123"), "INVALID_FIELD");
        ok(ledger.submit(COLLEGE_REGISTRAR, "teacher:appoint", teacher));
        refused(ledger.submit(PointsTest.EDU_REGISTRAR, "teacher:publishRule", json(rule(1))), "INSTITUTION_TYPE_NOT_ALLOWED");
        ok(ledger.submit(COLLEGE_REGISTRAR, "teacher:publishRule", json(rule(1))));
        refused(ledger.submit(COLLEGE_REGISTRAR, "teacher:publishRule", json(rule(3))), "INVALID_FIELD");
        Map<String, Object> lenient = rule(2);
        lenient.put("criteria", List.of(criterion("企业实践", List.of("WORK_EXPERIENCE"), "企业实践", 1, 0)));
        ok(ledger.submit(COLLEGE_REGISTRAR, "teacher:publishRule", json(lenient)));
        issue(HARDWARE_REGISTRAR, outcome("EP-1", "WORK_EXPERIENCE", "企业实践", 8));

        JsonNode grade = grade();
        assertThat(grade.get("ruleVersion").asInt()).isEqualTo(2);
        assertThat(grade.get("grade").asText()).isEqualTo("GREEN");
        assertThat(ok(ledger.evaluate(HARDWARE_VERIFIER, "teacher:listRules", COLLEGE))).hasSize(2);

        ok(ledger.submit(COLLEGE_REGISTRAR, "teacher:endAppointment", teacher, "离职"));
        refused(ledger.evaluate(COLLEGE_VERIFIER, "teacher:grade", teacher), "NOT_FOUND");
    }
}
