package org.creditbank.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.creditbank.chaincode.testing.Drafts;
import org.creditbank.chaincode.testing.InMemoryLedger;
import org.creditbank.chaincode.testing.TestIdentity;
import org.creditbank.gateway.TestGateway.Reply;
import org.creditbank.gateway.auth.TokenRole;
import org.creditbank.gateway.ledger.LedgerCall;
import org.creditbank.model.json.CanonicalJson;
import org.creditbank.model.outcome.IssuedRecord;
import org.creditbank.model.outcome.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The gateway's services pass the model's typed records between them, but what a client reads is
 * still the ledger's record, byte for byte in its canonical form: every read route answers exactly
 * the canonical JSON of what the chaincode returned, and every write's receipt carries that same
 * record. The scenario covers what could differ in a typed round trip: decimals, Chinese text, a
 * status reason, maps keyed by enum and by institution, recognitions and history entries.
 */
class ReadsAnswerTheLedgersRecordsTest {

    private final InMemoryLedger chain = new InMemoryLedger();
    private final InProcessLedger ledger = InProcessLedger.college(chain, "registrar1", "registrar");
    private final TestGateway college;
    private final TestGateway university;
    private final String registrar;
    private final String universityRegistrar;

    ReadsAnswerTheLedgersRecordsTest() throws IOException {
        assertThat(chain.submit(TestIdentity.admin("UniversityMSP"), "institution:register",
                CanonicalJson.toJson(Map.of("name", "应用技术大学", "type", "SCHOOL"))).ok()).isTrue();
        college = new TestGateway(ledger, "CollegeMSP", "gateway", 1 << 20);
        university = new TestGateway(new InProcessLedger(chain)
                .enroll("registrar1", TestIdentity.withRole("UniversityMSP", "registrar1", "registrar"))
                .enroll("gateway", TestIdentity.withRole("UniversityMSP", "gateway", "verifier")),
                "UniversityMSP", "gateway", 1 << 20);
        registrar = college.token(TokenRole.REGISTRAR, "registrar1", null);
        universityRegistrar = university.token(TokenRole.REGISTRAR, "registrar1", null);
    }

    @AfterEach
    void stop() {
        college.close();
        university.close();
    }

    /** What the gateway answered before typed records: the ledger's payload, re-written canonically. */
    private String ledgerSays(String function, String... args) {
        return CanonicalJson.toJson(CanonicalJson.read(ledger.evaluate("registrar1", LedgerCall.of(function, args)),
                JsonNode.class));
    }

    private Reply post(String path, Object body) {
        return post(college, registrar, path, body);
    }

    private static Reply post(TestGateway gateway, String token, String path, Object body) {
        Reply r = gateway.post(path, token, body instanceof String s ? s : CanonicalJson.toJson(body));
        assertThat(r.status()).as(r.text()).isIn(200, 201);
        return r;
    }

    private void assertAnswers(String path, String expected) {
        Reply r = college.get(path, registrar);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.text()).as(path).isEqualTo(expected);
    }

    @Test
    void everyReadAndReceiptIsTheLedgersRecordInCanonicalForm() {
        Reply opened = post("/api/v1/learners", "");
        String learner = opened.json().at("/record/accountNo").asText();
        assertThat(opened.text()).contains("\"record\":" + ledgerSays("learner:getAccount", learner));

        Map<String, Object> course = Drafts.course("T-1", learner);
        course.put("credits", 2.50);
        Reply issued = post("/api/v1/outcomes", course);
        String id = issued.json().at("/record/id").asText();
        // An enum-keyed total whose name order (COMPETITION_AWARD < COURSE) is not its declaration order.
        Map<String, Object> award = Drafts.course("T-2", learner);
        award.put("kind", "COMPETITION_AWARD");
        award.put("achievementCode", "CNC-CUP");
        Map<String, Object> training = Drafts.training("T-3", learner);
        Reply batch = post("/api/v1/outcomes/batch", Map.of("items", List.of(award, training)));
        Reply suspended = post("/api/v1/outcomes/" + id + "/suspend", Map.of("reason", "核查中 under review"));
        Reply reinstated = post("/api/v1/outcomes/" + id + "/reinstate", Map.of("reason", "核查完毕"));
        Reply rule = post(university, universityRegistrar, "/api/v1/rules", Drafts.transferRule("CNC-TRANSFER"));
        Reply recognised = post(university, universityRegistrar, "/api/v1/recognitions", Map.of("localId", "REC-1", "learner", learner,
                "sourceOutcomeIds", List.of(id), "method", "RULE", "ruleCode", "CNC-TRANSFER", "ruleVersion", 1));
        String recognition = recognised.json().at("/record/recognition/id").asText();

        String outcome = ledgerSays("outcome:get", id);
        assertAnswers("/api/v1/outcomes/" + id, outcome);
        assertThat(reinstated.text()).contains("\"record\":" + outcome);
        assertThat(suspended.json().at("/record/status").asText()).isEqualTo("SUSPENDED");
        assertThat(issued.json().get("record")).isEqualTo(CanonicalJson.read(
                ledgerSays("outcome:history", id), JsonNode.class).get(0).get("record"));
        assertThat(batch.text()).contains("\"record\":" + CanonicalJson.toJson(Stream.of("CollegeMSP:T-2", "CollegeMSP:T-3")
                .map(o -> IssuedRecord.of(CanonicalJson.read(ledgerSays("outcome:get", o), Outcome.class))).toList()));
        assertAnswers("/api/v1/outcomes/" + id + "/history", ledgerSays("outcome:history", id));
        assertAnswers("/api/v1/learners/" + learner + "/transcript", ledgerSays("transcript:transcript", learner));
        assertAnswers("/api/v1/recognitions/" + recognition, ledgerSays("recognition:get", recognition));
        assertThat(recognised.text()).contains("\"record\":" + ledgerSays("recognition:get", recognition));
        assertAnswers("/api/v1/rules?owner=UniversityMSP", ledgerSays("recognition:listRules", "UniversityMSP"));
        assertThat(rule.text()).contains("\"record\":" + ledgerSays("recognition:getRule", "UniversityMSP", "CNC-TRANSFER", "1"));
        assertAnswers("/api/v1/institutions", ledgerSays("institution:list"));
        assertAnswers("/api/v1/institutions/me", ledgerSays("institution:get", "CollegeMSP"));

        String hash = issued.json().at("/record/contentHash").asText();
        Reply verdict = college.post("/api/v1/verify", null, CanonicalJson.toJson(Map.of("recordId", id, "contentHash", hash)));
        assertThat(verdict.json().get("verdict").asText()).isEqualTo("VALID");
        assertThat(CanonicalJson.toJson(verdict.json())).isEqualTo(verdict.text());
    }
}
