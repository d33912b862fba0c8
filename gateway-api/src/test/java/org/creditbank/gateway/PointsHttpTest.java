package org.creditbank.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.creditbank.chaincode.testing.Drafts;
import org.creditbank.chaincode.testing.InMemoryLedger;
import org.creditbank.chaincode.testing.TestIdentity;
import org.creditbank.gateway.TestGateway.Reply;
import org.creditbank.gateway.auth.TokenRole;
import org.creditbank.model.RefusalBody;
import org.creditbank.model.json.CanonicalJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Education-responsibility points through the gateways of two schools, an enterprise and the
 * education department on one in-process ledger: the department publishes the policy, the
 * enterprise earns points for its training that a school recognised, each fact counts once, the
 * balance shows the fact behind every point and falls when the fact is revoked, and no redemption
 * is approved beyond the balance. Which institution type may do what is the chaincode's rule, and
 * its refusal reaches the client with its own code.
 */
class PointsHttpTest {

    private static final String POINTS = "/api/v1/points";
    private static final String HARDWARE = "HardwareCoMSP";

    private final InMemoryLedger chain = new InMemoryLedger();
    private final TestGateway college;
    private final TestGateway university;
    private final TestGateway hardware;
    private final TestGateway edu;
    private final String collegeRegistrar;
    private final String universityRegistrar;
    private final String hardwareRegistrar;
    private final String eduRegistrar;
    private final String verifier;

    PointsHttpTest() throws IOException {
        register("CollegeMSP", "广州五金职业技术学院", "SCHOOL");
        register("UniversityMSP", "应用技术大学", "SCHOOL");
        register(HARDWARE, "五金制造集团", "ENTERPRISE");
        register("EduDeptMSP", "广东省教育厅", "AUTHORITY");
        college = gateway("CollegeMSP");
        university = gateway("UniversityMSP");
        hardware = gateway(HARDWARE);
        edu = gateway("EduDeptMSP");
        collegeRegistrar = college.token(TokenRole.REGISTRAR, "registrar1", null);
        universityRegistrar = university.token(TokenRole.REGISTRAR, "registrar1", null);
        hardwareRegistrar = hardware.token(TokenRole.REGISTRAR, "registrar1", null);
        eduRegistrar = edu.token(TokenRole.REGISTRAR, "registrar1", null);
        verifier = college.token(TokenRole.VERIFIER, "gateway", null);
    }

    @AfterEach
    void stop() {
        List.of(college, university, hardware, edu).forEach(TestGateway::close);
    }

    private void register(String mspId, String name, String type) {
        assertThat(chain.submit(TestIdentity.admin(mspId), "institution:register",
                CanonicalJson.toJson(Map.of("name", name, "type", type))).ok()).isTrue();
    }

    private TestGateway gateway(String mspId) throws IOException {
        return new TestGateway(new InProcessLedger(chain)
                .enroll("registrar1", TestIdentity.withRole(mspId, "registrar1", "registrar"))
                .enroll("gateway", TestIdentity.withRole(mspId, "gateway", "verifier")), mspId, "gateway", 1 << 20);
    }

    /** The points calls the four gateways have sent to the ledger so far. */
    private List<String> pointsCalls() {
        return Stream.of(college, university, hardware, edu).flatMap(g -> g.ledger.called().stream())
                .filter(f -> f.startsWith("points:")).toList();
    }

    // ------------------------------------------------------------------ helpers

    private static Map<String, Object> policy2026() {
        Map<String, Object> terms = new LinkedHashMap<>();
        terms.put("version", 1);
        terms.put("title", "2026 年度教育责任积分办法");
        terms.put("validFrom", "2026-01-01");
        terms.put("validUntil", "2026-12-31");
        terms.put("points", Map.of("TRAINING_RECOGNISED", 10, "INTERNSHIP", 5, "CO_TEACHING", 8, "GRADUATE_HIRED", 30));
        return terms;
    }

    private static Reply expect(int status, Reply reply) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(status);
        return reply;
    }

    private static void assertProblem(Reply reply, int status, String code) {
        expect(status, reply);
        assertThat(reply.json().get("code").asText()).as(reply.text()).isEqualTo(code);
    }

    private void publish() {
        expect(201, edu.post(POINTS + "/policies", eduRegistrar, CanonicalJson.toJson(policy2026())));
    }

    /** The enterprise's training (issued by it) for a learner of the college: its outcome id. */
    private String training(String localId) {
        String learner = expect(201, college.post("/api/v1/learners", collegeRegistrar, "")).json()
                .at("/record/accountNo").asText();
        return expect(201, hardware.post("/api/v1/outcomes", hardwareRegistrar,
                CanonicalJson.toJson(Drafts.training(localId, learner)))).json().at("/record/id").asText();
    }

    /** A school's recognition of {@code outcome}: its id. */
    private String recognise(TestGateway school, String token, String localId, String outcome) {
        String learner = hardware.get("/api/v1/outcomes/" + outcome, hardwareRegistrar).json().at("/draft/learner").asText();
        Map<String, Object> request = Map.of("localId", localId, "learner", learner, "sourceOutcomeIds", List.of(outcome),
                "method", "MANUAL", "target", Map.of("courseCode", "ME220", "title", "焊接技术"), "credits", 2,
                "justification", "企业实训内容与课程一致");
        return expect(201, school.post("/api/v1/recognitions", token, CanonicalJson.toJson(request))).json()
                .at("/record/recognition/id").asText();
    }

    private static String trainingClaim(String recognition, String outcome) {
        return CanonicalJson.toJson(Map.of("factType", "TRAINING_RECOGNISED", "factId", recognition, "outcomeId", outcome,
                "policyVersion", 1));
    }

    private JsonNode balance() {
        return expect(200, college.get(POINTS + "/enterprises/" + HARDWARE + "/balance", verifier)).json();
    }

    private Reply apply(String localId, int points) {
        return hardware.post(POINTS + "/redemptions", hardwareRegistrar,
                CanonicalJson.toJson(Map.of("localId", localId, "points", points, "purpose", "实训基地建设补贴")));
    }

    private Reply decide(String id, String decision) {
        return edu.post(POINTS + "/redemptions/" + id + "/" + decision, eduRegistrar,
                CanonicalJson.toJson(Map.of("reason", "材料齐全")));
    }

    // ------------------------------------------------------------------ the whole path

    @Test
    void aRecognisedTrainingEarnsPointsOnceTheEnterpriseRedeemsThemAndARevocationTakesThemBack() {
        // Only the authority publishes; a school's attempt is the chaincode's refusal, with its code.
        assertProblem(college.post(POINTS + "/policies", collegeRegistrar, CanonicalJson.toJson(policy2026())),
                422, "INSTITUTION_TYPE_NOT_ALLOWED");
        assertThat(expect(200, college.get(POINTS + "/policies", verifier)).json()).isEmpty();
        Reply published = expect(201, edu.post(POINTS + "/policies", eduRegistrar, CanonicalJson.toJson(policy2026())));
        assertThat(published.json().at("/record/publisher").asText()).isEqualTo("EduDeptMSP");
        assertThat(published.json().has("txId")).isTrue();
        Reply again = expect(200, edu.post(POINTS + "/policies", eduRegistrar, CanonicalJson.toJson(policy2026())));
        assertThat(again.json().has("txId")).as("publishing the same terms again writes nothing").isFalse();
        JsonNode inForce = expect(200, hardware.get(POINTS + "/policies/1", hardwareRegistrar)).json();
        assertThat(inForce.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(inForce.at("/terms/points/TRAINING_RECOGNISED").asInt()).isEqualTo(10);

        // The enterprise's training, recognised by a school: a fact the enterprise claims once.
        String training = training("T-1");
        String recognition = recognise(college, collegeRegistrar, "REC-1", training);
        Reply accrued = expect(201, hardware.post(POINTS + "/accruals", hardwareRegistrar, trainingClaim(recognition, training)));
        assertThat(accrued.json().at("/record/effectivePoints").asInt()).isEqualTo(10);
        Reply retried = expect(200, hardware.post(POINTS + "/accruals", hardwareRegistrar, trainingClaim(recognition, training)));
        assertThat(retried.json().has("txId")).as("a retried claim writes nothing").isFalse();
        // Recognised by a second school, it is still the same fact.
        String secondRecognition = recognise(university, universityRegistrar, "REC-2", training);
        assertProblem(hardware.post(POINTS + "/accruals", hardwareRegistrar, trainingClaim(secondRecognition, training)),
                409, "ALREADY_COUNTED");

        // The balance shows the fact behind the point, and the fact can be read where the line points.
        JsonNode balance = balance();
        assertThat(balance.get("balance").asInt()).isEqualTo(10);
        assertThat(balance.get("lines")).hasSize(1);
        JsonNode line = balance.at("/lines/0");
        assertThat(line.at("/entry/countedId").asText()).isEqualTo(training);
        assertThat(line.at("/entry/citedId").asText()).isEqualTo(recognition);
        assertThat(line.get("factStatus").asText()).isEqualTo("ACTIVE");
        assertThat(expect(200, college.get("/api/v1/recognitions/" + recognition, verifier)).json()
                .at("/recognition/request/sourceOutcomeIds/0").asText()).isEqualTo(training);

        // Two applications, each affordable alone; applying beyond the balance is refused at once.
        String first = expect(201, apply("2026-01", 6)).json().at("/record/id").asText();
        String second = expect(201, apply("2026-02", 6)).json().at("/record/id").asText();
        assertProblem(apply("2026-03", 11), 422, "INSUFFICIENT_POINTS");
        assertThat(expect(200, apply("2026-01", 6)).json().has("txId")).as("a retried application writes nothing").isFalse();
        // Only the authority decides.
        assertProblem(hardware.post(POINTS + "/redemptions/" + first + "/approve", hardwareRegistrar,
                CanonicalJson.toJson(Map.of("reason", "自批"))), 422, "INSTITUTION_TYPE_NOT_ALLOWED");
        JsonNode approved = expect(201, decide(first, "approve")).json().get("record");
        assertThat(approved.get("status").asText()).isEqualTo("APPROVED");
        assertThat(approved.get("decidedBy").asText()).isEqualTo("EduDeptMSP");
        assertProblem(decide(first, "approve"), 422, "INVALID_STATUS_TRANSITION");
        // The second no longer fits the balance: refused on approval, still pending, then rejected.
        assertProblem(decide(second, "approve"), 422, "INSUFFICIENT_POINTS");
        assertThat(expect(200, hardware.get(POINTS + "/redemptions/" + second, hardwareRegistrar)).json()
                .get("status").asText()).isEqualTo("PENDING");
        assertThat(expect(201, decide(second, "reject")).json().at("/record/status").asText()).isEqualTo("REJECTED");
        JsonNode afterApproval = balance();
        assertThat(afterApproval.get("spent").asInt()).isEqualTo(6);
        assertThat(afterApproval.get("balance").asInt()).isEqualTo(4);
        assertThat(afterApproval.get("redemptions")).hasSize(2);
        JsonNode history = expect(200, college.get(POINTS + "/redemptions/" + first + "/history", verifier)).json();
        assertThat(history.findValuesAsText("status")).containsExactly("PENDING", "APPROVED");

        // The enterprise revokes its training: the point goes, the approved redemption stays final.
        expect(201, hardware.post("/api/v1/outcomes/" + training + "/revoke", hardwareRegistrar,
                CanonicalJson.toJson(Map.of("reason", "培训记录有误"))));
        JsonNode afterRevocation = balance();
        assertThat(afterRevocation.get("earned").asInt()).isZero();
        assertThat(afterRevocation.get("spent").asInt()).isEqualTo(6);
        assertThat(afterRevocation.get("balance").asInt()).isEqualTo(-6);
        assertThat(afterRevocation.at("/lines/0/factStatus").asText()).isEqualTo("REVOKED");
        assertThat(afterRevocation.at("/lines/0/effectivePoints").asInt()).isZero();
        assertProblem(apply("2026-04", 1), 422, "INSUFFICIENT_POINTS");
    }

    @Test
    void aSchoolConfirmsACoTeachingTheEnterpriseClaimsItAndOnlyThatSchoolWithdrawsIt() {
        publish();
        Map<String, Object> coTeaching = new LinkedHashMap<>();
        coTeaching.put("localId", "CT-1");
        coTeaching.put("type", "CO_TEACHING");
        coTeaching.put("enterprise", HARDWARE);
        coTeaching.put("courseCode", "ME220");
        coTeaching.put("courseTitle", "焊接技术");
        coTeaching.put("activityStart", "2026-03-01");
        coTeaching.put("activityEnd", "2026-06-30");
        coTeaching.put("hours", 32);
        String body = CanonicalJson.toJson(coTeaching);

        assertProblem(edu.post(POINTS + "/confirmations", eduRegistrar, body), 422, "INSTITUTION_TYPE_NOT_ALLOWED");
        assertProblem(hardware.post(POINTS + "/confirmations", hardwareRegistrar, body), 422, "INSTITUTION_TYPE_NOT_ALLOWED");
        JsonNode confirmation = expect(201, college.post(POINTS + "/confirmations", collegeRegistrar, body)).json().get("record");
        String id = confirmation.get("id").asText();
        assertThat(id).isEqualTo("CollegeMSP:conf:CT-1");
        assertThat(expect(200, college.post(POINTS + "/confirmations", collegeRegistrar, body)).json().has("txId")).isFalse();
        coTeaching.put("localId", "CT-2");
        assertProblem(college.post(POINTS + "/confirmations", collegeRegistrar, CanonicalJson.toJson(coTeaching)),
                409, "ALREADY_COUNTED");

        Reply claimed = expect(201, hardware.post(POINTS + "/accruals", hardwareRegistrar, CanonicalJson.toJson(Map.of(
                "factType", "CO_TEACHING", "factId", id, "policyVersion", 1))));
        assertThat(claimed.json().at("/record/effectivePoints").asInt()).isEqualTo(8);
        assertThat(balance().get("balance").asInt()).isEqualTo(8);

        String reason = CanonicalJson.toJson(Map.of("reason", "企业工程师未完成授课"));
        assertProblem(university.post(POINTS + "/confirmations/" + id + "/withdraw", universityRegistrar, reason),
                403, "ORG_NOT_ALLOWED");
        JsonNode withdrawn = expect(201, college.post(POINTS + "/confirmations/" + id + "/withdraw", collegeRegistrar,
                reason)).json().get("record");
        assertThat(withdrawn.get("status").asText()).isEqualTo("WITHDRAWN");
        assertProblem(college.post(POINTS + "/confirmations/" + id + "/withdraw", collegeRegistrar, reason),
                422, "INVALID_STATUS_TRANSITION");
        assertThat(expect(200, hardware.get(POINTS + "/confirmations/" + id, hardwareRegistrar)).json()
                .get("statusReason").asText()).isEqualTo("企业工程师未完成授课");
        JsonNode history = expect(200, hardware.get(POINTS + "/confirmations/" + id + "/history", hardwareRegistrar)).json();
        assertThat(history.findValuesAsText("status")).containsExactly("CONFIRMED", "WITHDRAWN");
        JsonNode balance = balance();
        assertThat(balance.get("balance").asInt()).isZero();
        assertThat(balance.at("/lines/0/factStatus").asText()).isEqualTo("REVOKED");

        // Each history route answers for its own kind of record only.
        assertProblem(hardware.get(POINTS + "/redemptions/" + id + "/history", hardwareRegistrar), 404, "NOT_FOUND");
        assertProblem(hardware.get(POINTS + "/confirmations/HardwareCoMSP:red:X/history", hardwareRegistrar), 404, "NOT_FOUND");
    }

    @Test
    void theAuthorityRetiresAVersionAndNoNewClaimCitesIt() {
        publish();
        String training = training("T-R");
        String recognition = recognise(college, collegeRegistrar, "REC-R", training);
        String reason = CanonicalJson.toJson(Map.of("reason", "被修订版取代"));
        assertProblem(college.post(POINTS + "/policies/1/retire", collegeRegistrar, reason), 422, "INSTITUTION_TYPE_NOT_ALLOWED");
        JsonNode retired = expect(201, edu.post(POINTS + "/policies/1/retire", eduRegistrar, reason)).json().get("record");
        assertThat(retired.get("status").asText()).isEqualTo("RETIRED");
        assertProblem(edu.post(POINTS + "/policies/1/retire", eduRegistrar, reason), 422, "INVALID_STATUS_TRANSITION");
        assertProblem(hardware.post(POINTS + "/accruals", hardwareRegistrar, trainingClaim(recognition, training)),
                422, "POLICY_NOT_IN_FORCE");
        assertProblem(hardware.get(POINTS + "/policies/2", hardwareRegistrar), 404, "NOT_FOUND");
    }

    @Test
    void onlyRegistrarsWriteAndVerifiersRead() {
        publish();
        String hardwareVerifier = hardware.token(TokenRole.VERIFIER, "gateway", null);
        assertProblem(hardware.post(POINTS + "/redemptions", hardwareVerifier,
                CanonicalJson.toJson(Map.of("localId", "V-1", "points", 1, "purpose", "补贴"))), 403, "FORBIDDEN");
        assertProblem(hardware.get(POINTS + "/policies", null), 401, "UNAUTHENTICATED");
        assertThat(expect(200, hardware.get(POINTS + "/policies", hardwareVerifier)).json()).hasSize(1);
        assertThat(expect(200, hardware.get(POINTS + "/enterprises/" + HARDWARE + "/balance", hardwareVerifier)).json()
                .get("balance").asInt()).isZero();
    }

    // ------------------------------------------------------------------ bad input

    /**
     * Bad input is refused at the gateway, before any ledger call, with the code the chaincode gives
     * the same input; nothing is written.
     */
    @Test
    void badInputIsRefusedWithTheChaincodesCodeAndWritesNothing() {
        publish();
        Map<String, Object> backwards = policy2026();
        backwards.put("version", 2);
        backwards.put("validFrom", "2027-12-31");
        backwards.put("validUntil", "2027-01-01");
        Map<String, Object> zeroPoints = policy2026();
        zeroPoints.put("version", 2);
        zeroPoints.put("points", Map.of("INTERNSHIP", 0));
        Map<String, Object> shortContract = new LinkedHashMap<>();
        shortContract.put("localId", "H-1");
        shortContract.put("type", "GRADUATE_HIRED");
        shortContract.put("enterprise", HARDWARE);
        shortContract.put("learner", "CB7K2M9QH4TZ1XW8R0");
        shortContract.put("contractStart", "2026-07-01");
        shortContract.put("contractYears", 3);
        String outcomeAsRecognition = CanonicalJson.toJson(Map.of("factType", "TRAINING_RECOGNISED",
                "factId", "HardwareCoMSP:T-1", "outcomeId", "HardwareCoMSP:T-1", "policyVersion", 1));
        String zeroRedemption = CanonicalJson.toJson(Map.of("localId", "Z-1", "points", 0, "purpose", "补贴"));
        Map<String, String> before = chain.worldState();
        List<String> callsBefore = pointsCalls();

        List<BadWrite> writes = List.of(
                new BadWrite(edu, "EduDeptMSP", eduRegistrar, "/policies", "points:publishPolicy", CanonicalJson.toJson(backwards), "validUntil"),
                new BadWrite(edu, "EduDeptMSP", eduRegistrar, "/policies", "points:publishPolicy", CanonicalJson.toJson(zeroPoints), "points"),
                new BadWrite(college, "CollegeMSP", collegeRegistrar, "/confirmations", "points:confirm", CanonicalJson.toJson(shortContract),
                        "contractYears"),
                new BadWrite(hardware, HARDWARE, hardwareRegistrar, "/accruals", "points:accrue", outcomeAsRecognition, "factId"),
                new BadWrite(hardware, HARDWARE, hardwareRegistrar, "/redemptions", "points:applyRedemption", zeroRedemption, "points"));
        for (BadWrite w : writes) {
            Reply reply = w.gateway.post(POINTS + w.path, w.token, w.body);
            assertProblem(reply, 400, "INVALID_FIELD");
            assertThat(reply.json().get("violations").findValuesAsText("field")).as(reply.text()).contains(w.field);
            RefusalBody chaincode = RefusalBody.find(chain.evaluate(TestIdentity.withRole(w.mspId, "registrar1", "registrar"),
                    w.function, w.body).message()).orElseThrow();
            assertThat(chaincode.code().name()).as("the chaincode's code for " + w.body).isEqualTo("INVALID_FIELD");
        }
        String noReason = CanonicalJson.toJson(Map.of("reason", ""));
        assertProblem(edu.post(POINTS + "/policies/1/retire", eduRegistrar, noReason), 400, "INVALID_FIELD");
        assertProblem(edu.post(POINTS + "/policies/one/retire", eduRegistrar, CanonicalJson.toJson(Map.of("reason", "x"))),
                400, "INVALID_FIELD");
        assertProblem(college.post(POINTS + "/confirmations/CollegeMSP:conf:X/withdraw", collegeRegistrar, noReason),
                400, "INVALID_FIELD");
        assertProblem(edu.post(POINTS + "/redemptions/HardwareCoMSP:red:X/approve", eduRegistrar, noReason), 400, "INVALID_FIELD");
        assertProblem(edu.post(POINTS + "/redemptions/HardwareCoMSP:red:X/reject", eduRegistrar, "{\"reason\":"),
                400, "MALFORMED_INPUT");
        assertProblem(hardware.post(POINTS + "/accruals", hardwareRegistrar, "{\"factType\":\"GIFT\",\"factId\":\"x\"}"),
                400, "MALFORMED_INPUT");
        assertProblem(college.get(POINTS + "/enterprises/" + "H".repeat(65) + "/balance", verifier), 400, "INVALID_FIELD");
        assertProblem(college.get(POINTS + "/policies/latest", verifier), 400, "INVALID_FIELD");

        assertThat(pointsCalls()).as("points calls the gateways sent for bad input").isEqualTo(callsBefore);
        assertThat(chain.worldState()).as("nothing was written").isEqualTo(before);
    }

    private record BadWrite(TestGateway gateway, String mspId, String token, String path, String function, String body, String field) {
    }
}
