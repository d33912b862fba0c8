package org.creditbank.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.creditbank.chaincode.testing.Drafts;
import org.creditbank.chaincode.testing.InMemoryLedger;
import org.creditbank.chaincode.testing.TestIdentity;
import org.creditbank.gateway.TestGateway.Reply;
import org.creditbank.gateway.auth.TokenRole;
import org.creditbank.gateway.http.Problems;
import org.creditbank.gateway.ledger.LedgerCall;
import org.creditbank.gateway.ledger.LedgerException;
import org.creditbank.model.json.CanonicalJson;
import org.creditbank.model.outcome.OutcomeBatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The gateway over real HTTP, three institutions each with its own gateway instance, all on one
 * ledger running the real contract in process (no Fabric network: see docs/network.md).
 */
class GatewayHttpTest {

    private final InMemoryLedger chain = new InMemoryLedger();
    private final TestGateway college;
    private final TestGateway university;
    private final TestGateway hardware;
    private final String collegeRegistrar;
    private final String universityRegistrar;
    private final String hardwareVerifier;

    GatewayHttpTest() throws IOException {
        register(TestIdentity.admin("CollegeMSP"), "广州五金职业技术学院", "SCHOOL");
        register(TestIdentity.admin("UniversityMSP"), "应用技术大学", "SCHOOL");
        register(TestIdentity.admin("HardwareCoMSP"), "五金制造集团", "ENTERPRISE");
        college = new TestGateway(new InProcessLedger(chain)
                .enroll("registrar1", TestIdentity.withRole("CollegeMSP", "registrar1", "registrar"))
                .enroll("gateway", TestIdentity.withRole("CollegeMSP", "gateway", "verifier")), "CollegeMSP", "gateway", 64 * 1024);
        university = new TestGateway(new InProcessLedger(chain)
                .enroll("registrar1", TestIdentity.withRole("UniversityMSP", "registrar1", "registrar"))
                .enroll("gateway", TestIdentity.withRole("UniversityMSP", "gateway", "verifier")), "UniversityMSP", "gateway", 1 << 20);
        hardware = new TestGateway(new InProcessLedger(chain)
                .enroll("hr", TestIdentity.withRole("HardwareCoMSP", "hr", "verifier"))
                .enroll("gateway", TestIdentity.withRole("HardwareCoMSP", "gateway", "verifier")), "HardwareCoMSP", "gateway", 1 << 20);
        collegeRegistrar = college.token(TokenRole.REGISTRAR, "registrar1", null);
        universityRegistrar = university.token(TokenRole.REGISTRAR, "registrar1", null);
        hardwareVerifier = hardware.token(TokenRole.VERIFIER, "hr", null);
    }

    @AfterEach
    void stop() {
        college.close();
        university.close();
        hardware.close();
    }

    private void register(TestIdentity admin, String name, String type) {
        assertThat(chain.submit(admin, "institution:register", CanonicalJson.toJson(Map.of("name", name, "type", type))).ok()).isTrue();
    }

    private String openAccount() {
        Reply r = college.post("/api/v1/learners", collegeRegistrar, "");
        assertThat(r.status()).isEqualTo(201);
        return r.json().at("/record/accountNo").asText();
    }

    private static String json(Object value) {
        return CanonicalJson.toJson(value);
    }

    private static void assertProblem(Reply r, int status, String code) {
        assertThat(r.status()).as(r.text()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        JsonNode body = r.json();
        assertThat(body.get("code").asText()).isEqualTo(code);
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("type").asText()).isEqualTo("urn:creditbank:problem:" + code);
        assertThat(body.get("detail").asText()).isNotBlank();
    }

    @Test
    void aRegistrarIssuesAPartnerVerifiesAndAnotherSchoolRecognises() {
        String learner = openAccount();
        Reply issued = college.post("/api/v1/outcomes", collegeRegistrar, json(Drafts.course("2026-CNC-0001", learner)));
        assertThat(issued.status()).as(issued.text()).isEqualTo(201);
        JsonNode outcome = issued.json().get("record");
        assertThat(issued.json().get("txId").asText()).isEqualTo(outcome.get("awardTxId").asText());
        assertThat(issued.json().get("blockNumber").asLong()).isPositive();

        // The enterprise reads it through its own gateway, and anyone can verify it without a token.
        Reply read = hardware.get("/api/v1/outcomes/" + outcome.get("id").asText(), hardwareVerifier);
        assertThat(read.json()).isEqualTo(outcome);
        Reply verdict = hardware.post("/api/v1/verify", null,
                json(Map.of("recordId", outcome.get("id").asText(), "contentHash", outcome.get("contentHash").asText())));
        assertThat(verdict.json().get("verdict").asText()).isEqualTo("VALID");

        // The university recognises it by a published rule.
        Map<String, Object> rule = Drafts.transferRule("CNC-TRANSFER");
        assertThat(university.post("/api/v1/rules", universityRegistrar, json(rule)).status()).isEqualTo(201);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("localId", "REC-1");
        request.put("learner", learner);
        request.put("sourceOutcomeIds", List.of(outcome.get("id").asText()));
        request.put("method", "RULE");
        request.put("ruleCode", "CNC-TRANSFER");
        request.put("ruleVersion", 1);
        Reply recognised = university.post("/api/v1/recognitions", universityRegistrar, json(request));
        assertThat(recognised.status()).as(recognised.text()).isEqualTo(201);
        assertThat(recognised.json().at("/record/recognition/credits").asInt()).isEqualTo(2);

        JsonNode transcript = hardware.get("/api/v1/learners/" + learner + "/transcript", hardwareVerifier).json();
        assertThat(transcript.at("/totals/earnedCredits").asInt()).isEqualTo(3);
        assertThat(transcript.at("/totals/recognisedCredits").asInt()).isEqualTo(2);
    }

    /**
     * The public verify route answers someone without the record's content (a wrong hash) exactly
     * as it answers an unknown id: NO_MATCH, with neither the record's status nor the issuer's
     * reason for revoking it, so an id alone tells a stranger nothing.
     */
    @Test
    void anAnonymousVerifierWithAWrongHashLearnsNothingAboutTheRecord() {
        String id = college.post("/api/v1/outcomes", collegeRegistrar, json(Drafts.course("W-1", openAccount())))
                .json().at("/record/id").asText();
        assertThat(college.post("/api/v1/outcomes/" + id + "/revoke", collegeRegistrar,
                json(Map.of("reason", "学籍造假 forged enrolment"))).status()).isEqualTo(201);
        String wrong = "cd".repeat(32);

        Reply known = hardware.post("/api/v1/verify", null, json(Map.of("recordId", id, "contentHash", wrong)));
        Reply unknown = hardware.post("/api/v1/verify", null,
                json(Map.of("recordId", "CollegeMSP:W-none", "contentHash", wrong)));

        assertThat(known.status()).isEqualTo(200);
        assertThat(known.json().get("verdict").asText()).isEqualTo("NO_MATCH");
        assertThat(known.text()).doesNotContain("REVOKED", "ACTIVE", "forged enrolment");
        assertThat(withoutIdAndTime(known.json())).isEqualTo(withoutIdAndTime(unknown.json()));
    }

    private static JsonNode withoutIdAndTime(JsonNode answer) {
        ObjectNode copy = answer.deepCopy();
        copy.remove(List.of("recordId", "checkedAt"));
        return copy;
    }

    @Test
    void aRepeatedRequestReturnsTheSameRecordAndCreatesNothing() {
        String learner = openAccount();
        Reply first = college.post("/api/v1/outcomes", collegeRegistrar, json(Drafts.course("R-1", learner)));
        Reply again = college.post("/api/v1/outcomes", collegeRegistrar, json(Drafts.course("R-1", learner)));
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("record")).isEqualTo(first.json().get("record"));
        JsonNode transcript = college.get("/api/v1/learners/" + learner + "/transcript", collegeRegistrar).json();
        assertThat(transcript.get("outcomes")).hasSize(1);

        Map<String, Object> changed = Drafts.course("R-1", learner);
        changed.put("credits", 4);
        assertProblem(college.post("/api/v1/outcomes", collegeRegistrar, json(changed)), 409, "CONFLICT");
    }

    @Test
    void aRetriedAccountOpeningWithTheSameIdempotencyKeyReturnsTheSameAccount() {
        String key = "3f2a9c0d-1e4b-4c5d-8e6f-7a8b9c0d1e2f";
        Reply first = college.post("/api/v1/learners", collegeRegistrar, "", Map.of("Idempotency-Key", key));
        assertThat(first.status()).as(first.text()).isEqualTo(201);
        Reply retry = college.post("/api/v1/learners", collegeRegistrar, "", Map.of("Idempotency-Key", key));
        assertThat(retry.status()).as(retry.text()).isEqualTo(200);
        assertThat(retry.json().get("record")).isEqualTo(first.json().get("record"));
        Reply upper = college.post("/api/v1/learners", collegeRegistrar, "", Map.of("Idempotency-Key", key.toUpperCase(Locale.ROOT)));
        assertThat(upper.json().get("record")).isEqualTo(first.json().get("record"));

        // Without a key every request opens another account, as it always did.
        assertThat(openAccount()).isNotEqualTo(openAccount());
        assertProblem(college.post("/api/v1/learners", collegeRegistrar, "", Map.of("Idempotency-Key", "2024010203")),
                400, "INVALID_FIELD");
        // A key whose account another institution holds is a conflict, not that institution's account.
        String squatted = "00000000-0000-4000-8000-000000000001";
        assertThat(university.post("/api/v1/learners", universityRegistrar, "", Map.of()).status()).isEqualTo(201);
        assertThat(chain.submit(TestIdentity.withRole("UniversityMSP", "registrar1", "registrar"), "learner:openAccount",
                org.creditbank.model.learner.AccountNumber.forOpeningKey("CollegeMSP", squatted)).ok()).isTrue();
        assertProblem(college.post("/api/v1/learners", collegeRegistrar, "", Map.of("Idempotency-Key", squatted)),
                409, "ACCOUNT_EXISTS");
    }

    @Test
    void invalidInputIs400WithTheFieldsNamedAndNeverReachesTheLedger() {
        String learner = openAccount();
        Map<String, Object> bad = Drafts.course("B-1", learner);
        bad.put("credits", -2);
        bad.remove("evidenceHash");
        college.ledger.setDown(true); // proves the gateway answered without the ledger
        Reply r = college.post("/api/v1/outcomes", collegeRegistrar, json(bad));
        assertProblem(r, 400, "INVALID_FIELD");
        assertThat(r.json().get("violations").findValuesAsText("field")).containsExactlyInAnyOrder("credits", "evidenceHash");
        assertProblem(college.post("/api/v1/outcomes", collegeRegistrar, "{\"localId\":"), 400, "MALFORMED_INPUT");
        assertProblem(college.post("/api/v1/outcomes", collegeRegistrar, "{\"unknown\":1}"), 400, "MALFORMED_INPUT");
    }

    /**
     * A JSON {@code null} where a body belongs is malformed input, and a null item of a batch is
     * reported by its index as the chaincode reports it: never a server error.
     */
    @Test
    void aNullBodyIs400MalformedInputOnEveryJsonRouteAndANullBatchItemIsReportedByIndex() {
        String id = college.post("/api/v1/outcomes", collegeRegistrar, json(Drafts.course("N-1", openAccount())))
                .json().at("/record/id").asText();
        for (String path : List.of("/api/v1/outcomes", "/api/v1/outcomes/batch", "/api/v1/rules", "/api/v1/recognitions",
                "/api/v1/outcomes/" + id + "/revoke", "/api/v1/rules/R/versions/1/retire")) {
            assertProblem(college.post(path, collegeRegistrar, "null"), 400, "MALFORMED_INPUT");
        }
        assertProblem(college.post("/api/v1/verify", null, "null"), 400, "MALFORMED_INPUT");
        Reply nullItem = college.post("/api/v1/outcomes/batch", collegeRegistrar, "{\"items\":[null]}");
        assertProblem(nullItem, 422, "BATCH_REJECTED");
        assertThat(nullItem.json().at("/violations/0/index").asInt()).isZero();
        assertProblem(college.post("/api/v1/recognitions", collegeRegistrar, "{\"sourceOutcomeIds\":[null]}"), 400,
                "MALFORMED_INPUT");
    }

    @Test
    void missingUnknownAndForeignTokensAre401() {
        assertProblem(college.post("/api/v1/learners", null, ""), 401, "UNAUTHENTICATED");
        assertProblem(college.post("/api/v1/learners", "cb_not-a-token", ""), 401, "UNAUTHENTICATED");
        // A token of the university means nothing to the college's gateway.
        assertProblem(college.post("/api/v1/learners", universityRegistrar, ""), 401, "UNAUTHENTICATED");
        String id = college.tokens.describe().get(0).split(" ")[0];
        college.tokens.revoke(id);
        assertProblem(college.post("/api/v1/learners", collegeRegistrar, ""), 401, "UNAUTHENTICATED");
    }

    @Test
    void wrongRolesAre403AndTheChaincodeRefusesForeignRecords() {
        String learner = openAccount();
        String id = college.post("/api/v1/outcomes", collegeRegistrar, json(Drafts.course("F-1", learner))).json().at("/record/id").asText();
        assertProblem(hardware.post("/api/v1/outcomes", hardwareVerifier, json(Drafts.course("F-2", learner))), 403, "FORBIDDEN");
        // The university's registrar may call revoke, but the chaincode refuses: the record is the college's.
        assertProblem(university.post("/api/v1/outcomes/" + id + "/revoke", universityRegistrar, json(Map.of("reason", "x"))),
                403, "ORG_NOT_ALLOWED");
    }

    @Test
    void aLearnerReadsOnlyTheirOwnRecords() {
        String mine = openAccount();
        String other = openAccount();
        String myOutcome = college.post("/api/v1/outcomes", collegeRegistrar, json(Drafts.course("L-1", mine))).json().at("/record/id").asText();
        String otherOutcome = college.post("/api/v1/outcomes", collegeRegistrar, json(Drafts.course("L-2", other))).json().at("/record/id").asText();
        String student = college.token(TokenRole.LEARNER, "gateway", mine);

        assertThat(college.get("/api/v1/learners/" + mine + "/transcript", student).status()).isEqualTo(200);
        assertThat(college.get("/api/v1/outcomes/" + myOutcome, student).status()).isEqualTo(200);
        // One rule for every route: another learner's records look absent, never "forbidden" (which
        // would confirm that the account or the record exists).
        assertProblem(college.get("/api/v1/learners/" + other + "/transcript", student), 404, "NOT_FOUND");
        assertProblem(college.get("/api/v1/learners/" + other + "/transcript-credential", student), 404, "NOT_FOUND");
        assertProblem(college.get("/api/v1/outcomes/" + otherOutcome, student), 404, "NOT_FOUND");
        assertProblem(college.get("/api/v1/outcomes/" + otherOutcome + "/credential", student), 404, "NOT_FOUND");
        assertProblem(college.get("/api/v1/outcomes/" + myOutcome + "/history", student), 403, "FORBIDDEN");
        assertProblem(college.post("/api/v1/outcomes", student, json(Drafts.course("L-3", mine))), 403, "FORBIDDEN");
    }

    @Test
    void notFoundBusinessRulesAndSizeLimitsHaveTheirOwnStatuses() {
        String learner = openAccount();
        assertProblem(college.get("/api/v1/outcomes/CollegeMSP:none", collegeRegistrar), 404, "NOT_FOUND");
        assertProblem(college.get("/api/v1/nowhere", collegeRegistrar), 404, "NO_SUCH_ROUTE");
        String id = college.post("/api/v1/outcomes", collegeRegistrar, json(Drafts.course("S-1", learner))).json().at("/record/id").asText();
        assertThat(college.post("/api/v1/outcomes/" + id + "/revoke", collegeRegistrar, json(Map.of("reason", "错误"))).status()).isEqualTo(201);
        assertProblem(college.post("/api/v1/outcomes/" + id + "/revoke", collegeRegistrar, json(Map.of("reason", "again"))),
                422, "INVALID_STATUS_TRANSITION");

        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            items.add(Map.of("localId", "X" + i));
        }
        assertProblem(university.post("/api/v1/outcomes/batch", universityRegistrar, json(Map.of("items", items))), 413, "BATCH_TOO_LARGE");
        assertProblem(college.post("/api/v1/outcomes", collegeRegistrar, "x".repeat(100 * 1024)), 413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void anOversizedBatchGetsTheSameProblemWhetherTheGatewayOrTheChaincodeRefusesIt() {
        String learner = openAccount();
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i <= OutcomeBatch.MAX_ITEMS; i++) {
            items.add(Drafts.course("BIG-" + i, learner));
        }
        Reply byGateway = university.post("/api/v1/outcomes/batch", universityRegistrar, json(Map.of("items", items)));
        LedgerException byChaincode = catchThrowableOfType(() -> university.ledger.submit("registrar1",
                LedgerCall.of("outcome:issueBatch", json(items))), LedgerException.class);
        ApiException answered = ApiException.fromLedger(byChaincode);

        assertProblem(byGateway, 413, "BATCH_TOO_LARGE");
        assertThat(Problems.statusOf(answered.code())).isEqualTo(byGateway.status());
        assertThat(answered.code().name()).isEqualTo(byGateway.json().get("code").asText());
        assertThat(answered.getMessage()).isEqualTo(byGateway.json().get("detail").asText());
    }

    @Test
    void anEmptyBatchIsInvalid() {
        assertProblem(college.post("/api/v1/outcomes/batch", collegeRegistrar, json(Map.of("items", List.of()))),
                400, "INVALID_FIELD");
    }

    @Test
    void aBatchWithBadItemsIsRejectedWholeWithTheirIndexes() {
        String learner = openAccount();
        Map<String, Object> bad = Drafts.course("BATCH-2", learner);
        bad.put("credits", 99);
        Reply r = college.post("/api/v1/outcomes/batch", collegeRegistrar,
                json(Map.of("items", List.of(Drafts.course("BATCH-1", learner), bad))));
        assertProblem(r, 422, "BATCH_REJECTED");
        assertThat(r.json().get("violations").get(0).get("index").asInt()).isEqualTo(1);
        Reply ok = college.post("/api/v1/outcomes/batch", collegeRegistrar, json(Map.of("items", List.of(Drafts.course("BATCH-1", learner)))));
        assertThat(ok.status()).isEqualTo(201);
        assertThat(ok.json().get("record")).hasSize(1);
    }

    @Test
    void anUnreachableNetworkIs503WithRetryAfterAndReadinessSaysSo() {
        assertThat(college.get("/readyz", null).status()).isEqualTo(200);
        college.ledger.setDown(true);
        Reply r = college.post("/api/v1/learners", collegeRegistrar, "");
        assertProblem(r, 503, "LEDGER_UNAVAILABLE");
        assertThat(r.retryAfter()).isEqualTo("5");
        assertThat(college.get("/readyz", null).status()).isEqualTo(503);
        assertThat(college.get("/healthz", null).status()).isEqualTo(200);
    }

    @Test
    void metricsCountRequestsByRouteAndStatusAndTimeLedgerCalls() {
        openAccount();
        college.get("/api/v1/outcomes/CollegeMSP:none", collegeRegistrar);
        String metrics = college.get("/metrics", null).text();
        assertThat(metrics).contains("creditbank_http_requests_total{method=\"POST\",route=\"/api/v1/learners\",status=\"201\"} 1");
        assertThat(metrics).contains("creditbank_http_requests_total{method=\"GET\",route=\"/api/v1/outcomes/{id}\",status=\"404\"} 1");
        assertThat(metrics).contains("creditbank_fabric_call_duration_seconds_count{function=\"learner:openAccount\",kind=\"submit\"} 1");
        assertThat(metrics).contains("creditbank_fabric_call_failures_total{failure=\"REFUSED\",function=\"outcome:get\",kind=\"evaluate\"} 1");
    }

    /** Found by schemathesis: a NUL in the owner reached the ledger's composite key and answered 500. */
    @Test
    void aRuleOwnerThatIsNoInstitutionIsRefusedAsBadInput() {
        assertProblem(hardware.get("/api/v1/rules?owner=6%F0%9A%9F%BD%00", hardwareVerifier), 400, "INVALID_FIELD");
        assertProblem(hardware.get("/api/v1/rules?owner=University%00MSP", hardwareVerifier), 400, "INVALID_FIELD");
        assertThat(hardware.get("/api/v1/rules?owner=UniversityMSP", hardwareVerifier).status()).isEqualTo(200);
    }
}
