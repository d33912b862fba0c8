package org.creditbank.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creditbank.gateway.IndustryNetwork.COLLEGE;
import static org.creditbank.gateway.IndustryNetwork.assertProblem;
import static org.creditbank.gateway.IndustryNetwork.expect;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.creditbank.chaincode.testing.Drafts;
import org.creditbank.gateway.auth.TokenRole;
import org.creditbank.model.json.CanonicalJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Teachers' digital-competence grades through the gateways: a school appoints its teachers and
 * publishes its rule (nobody else may), the ledger grades a teacher from their outcomes as they
 * stand (a revocation lowers the grade at once), a teacher reads their own grade and what would
 * raise it, and the school sees its distribution and who needs support, each with the reason.
 */
class TeacherHttpTest {

    private static final String TEACHERS = "/api/v1/teachers";

    private final IndustryNetwork net = new IndustryNetwork();

    TeacherHttpTest() throws IOException {
    }

    @AfterEach
    void stop() {
        net.close();
    }

    static Map<String, Object> rule(int version) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("version", version);
        r.put("title", "2027 教师数字能力分级办法");
        r.put("withinYears", 5);
        r.put("criteria", List.of(
                Map.of("name", "数字化培训", "kinds", List.of("COURSE", "ENTERPRISE_TRAINING"), "category", "数字素养",
                        "measure", "HOURS", "green", 72, "yellow", 36),
                Map.of("name", "企业实践", "kinds", List.of("WORK_EXPERIENCE"), "category", "企业实践", "measure", "HOURS",
                        "green", 60, "yellow", 30)));
        return r;
    }

    /** The college's teachers and their outcomes, through its gateway. */
    static final class Issuer {

        private final IndustryNetwork net;

        Issuer(IndustryNetwork net) {
            this.net = net;
        }

        /** A new account the college appoints its teacher. */
        String appointed() {
            String teacher = net.openAccount();
            expect(201, net.college.post(TEACHERS + "/appointments", net.collegeRegistrar,
                    CanonicalJson.toJson(Map.of("accountNo", teacher))));
            return teacher;
        }

        /** An outcome the college issues to {@code teacher}: its id. */
        String issue(String teacher, String localId, String kind, String category, int hours) {
            Map<String, Object> draft = Drafts.course(localId, teacher);
            draft.put("kind", kind);
            draft.put("category", category);
            draft.put("hours", hours);
            draft.put("activityStart", "2026-03-01");
            draft.put("activityEnd", "2026-07-01");
            return expect(201, net.college.post("/api/v1/outcomes", net.collegeRegistrar, CanonicalJson.toJson(draft))).json()
                    .at("/record/id").asText();
        }
    }

    private String issue(String teacher, String localId, String kind, String category, int hours) {
        return new Issuer(net).issue(teacher, localId, kind, category, hours);
    }

    private JsonNode appoint(String accountNo) {
        return expect(200, net.college.post(TEACHERS + "/appointments", net.collegeRegistrar,
                CanonicalJson.toJson(Map.of("accountNo", accountNo)))).json();
    }

    @Test
    void theSchoolAppointsGradesAndSeesWhoNeedsSupportAndATeacherSeesWhatWouldRaiseTheirGrade() {
        String rule = CanonicalJson.toJson(rule(1));
        assertProblem(net.hardware.post(TEACHERS + "/rules", net.hardwareRegistrar, rule), 422, "INSTITUTION_TYPE_NOT_ALLOWED");
        expect(201, net.college.post(TEACHERS + "/rules", net.collegeRegistrar, rule));
        expect(200, net.college.post(TEACHERS + "/rules", net.collegeRegistrar, rule));
        assertThat(expect(200, net.hardware.get(TEACHERS + "/rules?school=" + COLLEGE, net.hardwareRegistrar)).json()
                .findValuesAsText("title")).containsExactly("2027 教师数字能力分级办法");

        Issuer college = new Issuer(net);
        String green = college.appointed();
        String yellow = college.appointed();
        String red = college.appointed();
        assertThat(appoint(green).has("txId")).as("appointing again writes nothing").isFalse();
        assertProblem(net.university.post(TEACHERS + "/appointments", net.universityRegistrar,
                CanonicalJson.toJson(Map.of("accountNo", green))), 409, "CONFLICT");
        assertProblem(net.hardware.post(TEACHERS + "/appointments", net.hardwareRegistrar,
                CanonicalJson.toJson(Map.of("accountNo", net.openAccount()))), 422, "INSTITUTION_TYPE_NOT_ALLOWED");

        issue(green, "G-1", "COURSE", "数字素养", 80);
        issue(green, "G-2", "WORK_EXPERIENCE", "企业实践", 64);
        issue(yellow, "Y-1", "COURSE", "数字素养", 72);
        String practice = issue(yellow, "Y-2", "WORK_EXPERIENCE", "企业实践", 48);
        issue(red, "R-1", "COURSE", "数字素养", 20);

        JsonNode grade = expect(200, net.college.get(TEACHERS + "/grades/" + yellow, net.collegeVerifier)).json();
        assertThat(grade.get("grade").asText()).isEqualTo("YELLOW");
        assertThat(grade.get("reason").asText()).isEqualTo("企业实践: needs 12 more hours for green");
        // The teacher reads their own grade and what would raise it, and nobody else's.
        String own = net.college.token(TokenRole.LEARNER, "gateway", yellow);
        JsonNode mine = expect(200, net.college.get(TEACHERS + "/grades/" + yellow, own)).json();
        assertThat(mine.at("/criteria/1/moreForGreen").asInt()).isEqualTo(12);
        assertProblem(net.college.get(TEACHERS + "/grades/" + red, own), 404, "NOT_FOUND");

        JsonNode distribution = expect(200, net.college.get(TEACHERS + "/grades?school=" + COLLEGE, net.collegeVerifier)).json();
        assertThat(distribution.get("teachers").asInt()).isEqualTo(3);
        assertThat(List.of(distribution.get("red").asInt(), distribution.get("yellow").asInt(), distribution.get("green").asInt()))
                .containsExactly(1, 1, 1);
        assertThat(distribution.get("needSupport").findValuesAsText("accountNo")).containsExactly(red, yellow);
        assertThat(distribution.at("/needSupport/0/reason").asText())
                .isEqualTo("数字化培训: needs 52 more hours for green (16 more hours for yellow); "
                        + "企业实践: needs 60 more hours for green (30 more hours for yellow)");

        // Revoking the practice lowers the grade at once, on the ledger and in the distribution.
        expect(201, net.college.post("/api/v1/outcomes/" + practice + "/revoke", net.collegeRegistrar,
                CanonicalJson.toJson(Map.of("reason", "实践记录有误"))));
        assertThat(expect(200, net.college.get(TEACHERS + "/grades/" + yellow, own)).json().get("grade").asText())
                .isEqualTo("RED");
        assertThat(expect(200, net.college.get(TEACHERS + "/grades?school=" + COLLEGE, net.collegeVerifier)).json()
                .get("red").asInt()).isEqualTo(2);

        // Only the appointing school ends an appointment; then the account is no longer graded.
        String reason = CanonicalJson.toJson(Map.of("reason", "调离本校"));
        assertProblem(net.university.post(TEACHERS + "/appointments/" + red + "/end", net.universityRegistrar, reason),
                403, "ORG_NOT_ALLOWED");
        assertThat(expect(201, net.college.post(TEACHERS + "/appointments/" + red + "/end", net.collegeRegistrar, reason))
                .json().at("/record/status").asText()).isEqualTo("ENDED");
        assertProblem(net.college.get(TEACHERS + "/grades/" + red, net.collegeVerifier), 404, "NOT_FOUND");
        expect(201, net.university.post(TEACHERS + "/appointments", net.universityRegistrar,
                CanonicalJson.toJson(Map.of("accountNo", red))));
        JsonNode appointments = expect(200, net.college.get(TEACHERS + "/appointments/" + red, net.collegeVerifier)).json();
        assertThat(appointments.at("/current/school").asText()).isEqualTo("UniversityMSP");
        assertThat(expect(200, net.college.get(TEACHERS + "/grades?school=" + COLLEGE, net.collegeVerifier)).json()
                .get("teachers").asInt()).isEqualTo(2);
    }

    @Test
    void badInputIsRefusedBeforeTheLedgerAndASchoolWithoutARuleHasNoGrades() {
        Map<String, String> before = net.chain.worldState();
        assertProblem(net.college.post(TEACHERS + "/appointments", net.collegeRegistrar,
                CanonicalJson.toJson(Map.of("accountNo", "CB123"))), 400, "INVALID_FIELD");
        assertProblem(net.college.post(TEACHERS + "/appointments", net.collegeRegistrar, "{\"accountNo\":7}"),
                400, "MALFORMED_INPUT");
        Map<String, Object> bad = rule(1);
        bad.put("criteria", List.of(Map.of("name", "企业实践", "kinds", List.of("WORK_EXPERIENCE"), "measure", "HOURS",
                "green", 10, "yellow", 20)));
        assertProblem(net.college.post(TEACHERS + "/rules", net.collegeRegistrar, CanonicalJson.toJson(bad)), 400, "INVALID_FIELD");
        assertProblem(net.college.post(TEACHERS + "/appointments/CB123/end", net.collegeRegistrar,
                CanonicalJson.toJson(Map.of("reason", "x"))), 400, "INVALID_FIELD");
        assertProblem(net.college.get(TEACHERS + "/grades/not-a-number", net.collegeVerifier), 400, "INVALID_FIELD");
        assertProblem(net.college.get(TEACHERS + "/grades", net.collegeVerifier), 400, "INVALID_FIELD");
        assertProblem(net.college.get(TEACHERS + "/rules?school=a%20b", net.collegeVerifier), 400, "INVALID_FIELD");
        assertThat(net.chain.worldState()).as("nothing was written").isEqualTo(before);

        assertProblem(net.college.get(TEACHERS + "/grades?school=" + COLLEGE, net.collegeVerifier), 404, "NOT_FOUND");
        String teacher = net.openAccount();
        assertProblem(net.college.get(TEACHERS + "/grades/" + teacher, net.collegeVerifier), 404, "NOT_FOUND");
    }
}
