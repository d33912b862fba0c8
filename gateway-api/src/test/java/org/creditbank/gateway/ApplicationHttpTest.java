package org.creditbank.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.creditbank.chaincode.testing.Drafts;
import org.creditbank.chaincode.testing.InMemoryLedger;
import org.creditbank.chaincode.testing.TestIdentity;
import org.creditbank.gateway.TestGateway.Reply;
import org.creditbank.gateway.auth.TokenRole;
import org.creditbank.model.json.CanonicalJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A learner of the university applies, through the university's gateway, to have a course from the
 * college recognised; the university's registrar reads the application with the credits its rule
 * would grant and approves it, and the learner's transcript shows the recognition. A rejected
 * application carries its reason; another learner sees neither application.
 */
class ApplicationHttpTest {

    private static final String APPLICATIONS = "/api/v1/recognition-applications";

    private final InMemoryLedger chain = new InMemoryLedger();
    private final TestGateway college;
    private final TestGateway university;
    private final String collegeRegistrar;
    private final String universityRegistrar;
    private final String learner;
    private final String learnerToken;

    ApplicationHttpTest() throws IOException {
        register("CollegeMSP", "广州五金职业技术学院");
        register("UniversityMSP", "应用技术大学");
        college = gateway("CollegeMSP");
        university = gateway("UniversityMSP");
        collegeRegistrar = college.token(TokenRole.REGISTRAR, "registrar1", null);
        universityRegistrar = university.token(TokenRole.REGISTRAR, "registrar1", null);
        learner = expect(201, university.post("/api/v1/learners", universityRegistrar, "")).json()
                .at("/record/accountNo").asText();
        learnerToken = university.token(TokenRole.LEARNER, "gateway", learner);
    }

    @AfterEach
    void stop() {
        List.of(college, university).forEach(TestGateway::close);
    }

    private void register(String mspId, String name) {
        assertThat(chain.submit(TestIdentity.admin(mspId), "institution:register",
                CanonicalJson.toJson(Map.of("name", name, "type", "SCHOOL"))).ok()).isTrue();
    }

    private TestGateway gateway(String mspId) throws IOException {
        return new TestGateway(new InProcessLedger(chain)
                .enroll("registrar1", TestIdentity.withRole(mspId, "registrar1", "registrar"))
                .enroll("gateway", TestIdentity.withRole(mspId, "gateway", "verifier")), mspId, "gateway", 1 << 20);
    }

    private static Reply expect(int status, Reply reply) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(status);
        return reply;
    }

    private static void assertProblem(Reply reply, int status, String code) {
        expect(status, reply);
        assertThat(reply.json().get("code").asText()).as(reply.text()).isEqualTo(code);
    }

    private String collegeCourse(String localId, String score) {
        Map<String, Object> draft = Drafts.course(localId, learner);
        draft.put("achievementCode", "CNC101");
        draft.put("result", Map.of("scale", "PERCENTAGE", "value", score));
        return expect(201, college.post("/api/v1/outcomes", collegeRegistrar, CanonicalJson.toJson(draft))).json()
                .at("/record/id").asText();
    }

    private void publishRule() {
        Map<String, Object> rule = Map.of("code", "CNC-TRANSFER", "version", 1, "kind", "COURSE", "achievementCode", "CNC",
                "match", "PREFIX", "minResult", Map.of("scale", "PERCENTAGE", "value", "60"),
                "target", Map.of("courseCode", "ME210", "title", "数控加工技术", "category", "专业核心"),
                "creditsPerOutcome", 2, "cap", 5);
        expect(201, university.post("/api/v1/rules", universityRegistrar, CanonicalJson.toJson(rule)));
    }

    private Reply apply(String token, List<String> sources, boolean byRule) {
        Map<String, Object> body = byRule
                ? Map.of("sourceOutcomeIds", sources, "ruleCode", "CNC-TRANSFER", "ruleVersion", 1,
                        "statement", "我在高职修读了数控课程")
                : Map.of("sourceOutcomeIds", sources, "statement", "请认定企业实践");
        return university.post(APPLICATIONS, token, CanonicalJson.toJson(body));
    }

    @Test
    void theRegistrarSeesTheRulesCreditsApprovesAndTheTranscriptShowsTheRecognition() {
        publishRule();
        String course = collegeCourse("C-1", "88");
        JsonNode applied = expect(201, apply(learnerToken, List.of(course), true)).json().get("record");
        String id = applied.get("id").asText();
        assertThat(applied.get("status").asText()).isEqualTo("PENDING");
        // The same form sent again is the same application.
        assertThat(expect(200, apply(learnerToken, List.of(course), true)).json().at("/record/id").asText()).isEqualTo(id);

        JsonNode assessment = expect(200, university.get(APPLICATIONS + "/" + id, universityRegistrar)).json();
        assertThat(assessment.get("credits").decimalValue()).isEqualByComparingTo("2");
        assertThat(assessment.at("/target/title").asText()).isEqualTo("数控加工技术");

        JsonNode approved = expect(201, university.post(APPLICATIONS + "/" + id + "/approve", universityRegistrar,
                CanonicalJson.toJson(Map.of("method", "RULE", "ruleCode", "CNC-TRANSFER", "ruleVersion", 1)))).json();
        assertThat(approved.at("/record/status").asText()).isEqualTo("APPROVED");
        String recognition = approved.at("/record/recognitionId").asText();

        JsonNode transcript = expect(200, university.get("/api/v1/learners/" + learner + "/transcript", learnerToken)).json();
        assertThat(transcript.toString()).contains(recognition);
        JsonNode mine = expect(200, university.get("/api/v1/learners/" + learner + "/recognition-applications",
                learnerToken)).json();
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).get("status").asText()).isEqualTo("APPROVED");
        assertThat(expect(200, university.get(APPLICATIONS + "/" + id + "/history", learnerToken)).json()).hasSize(2);
    }

    @Test
    void aRejectionReachesTheLearnerWithItsReasonAndAnotherLearnerSeesNothing() {
        String course = collegeCourse("C-1", "88");
        String id = expect(201, apply(learnerToken, List.of(course), false)).json().at("/record/id").asText();
        expect(201, university.post(APPLICATIONS + "/" + id + "/reject", universityRegistrar,
                CanonicalJson.toJson(Map.of("reason", "课程内容与本校课程不对应"))));
        JsonNode seen = expect(200, university.get(APPLICATIONS + "/" + id, learnerToken)).json();
        assertThat(seen.at("/application/status").asText()).isEqualTo("REJECTED");
        assertThat(seen.at("/application/decisionReason").asText()).isEqualTo("课程内容与本校课程不对应");

        String other = expect(201, university.post("/api/v1/learners", universityRegistrar, "")).json()
                .at("/record/accountNo").asText();
        String otherToken = university.token(TokenRole.LEARNER, "gateway", other);
        assertProblem(university.get(APPLICATIONS + "/" + id, otherToken), 404, "NOT_FOUND");
        assertProblem(university.get("/api/v1/learners/" + learner + "/recognition-applications", otherToken), 404,
                "NOT_FOUND");
        assertProblem(university.post(APPLICATIONS + "/" + id + "/withdraw", otherToken,
                CanonicalJson.toJson(Map.of("reason", "x"))), 404, "NOT_FOUND");
    }

    @Test
    void badApplicationsAndDecisionsAreRefusedWithTheirCodesAndChangeNothing() {
        String course = collegeCourse("C-1", "88");
        List<String> before = List.copyOf(university.ledger.called());
        assertProblem(apply(learnerToken, List.of(), false), 400, "INVALID_FIELD");
        assertProblem(apply(learnerToken, List.of("not an id"), false), 400, "INVALID_FIELD");
        assertThat(university.ledger.called()).isEqualTo(before);
        // Someone else's outcome: the chaincode refuses.
        String other = expect(201, university.post("/api/v1/learners", universityRegistrar, "")).json()
                .at("/record/accountNo").asText();
        assertProblem(apply(university.token(TokenRole.LEARNER, "gateway", other), List.of(course), false), 422,
                "LEARNER_MISMATCH");

        String id = expect(201, apply(learnerToken, List.of(course), false)).json().at("/record/id").asText();
        assertProblem(university.post(APPLICATIONS + "/" + id + "/approve", universityRegistrar,
                CanonicalJson.toJson(Map.of("method", "MANUAL"))), 400, "INVALID_FIELD");
        assertProblem(university.post(APPLICATIONS + "/" + id + "/approve", learnerToken,
                CanonicalJson.toJson(Map.of("method", "RULE"))), 403, "FORBIDDEN");
        assertProblem(university.get(APPLICATIONS + "/UniversityMSP:rec:X", universityRegistrar), 404, "NOT_FOUND");
        JsonNode still = expect(200, university.get(APPLICATIONS + "/" + id, universityRegistrar)).json();
        assertThat(still.at("/application/status").asText()).isEqualTo("PENDING");
        assertThat(still.get("problem").asText()).contains("names no rule");
    }
}
