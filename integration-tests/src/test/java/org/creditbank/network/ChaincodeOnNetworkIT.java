package org.creditbank.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creditbank.network.Calls.evaluate;
import static org.creditbank.network.Calls.json;
import static org.creditbank.network.Calls.refusedEvaluate;
import static org.creditbank.network.Calls.refusedSubmit;
import static org.creditbank.network.Calls.submit;
import static org.creditbank.network.LiveNetwork.Org.COLLEGE;
import static org.creditbank.network.LiveNetwork.Org.HARDWARE;
import static org.creditbank.network.LiveNetwork.Org.UNIVERSITY;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.creditbank.chaincode.testing.Drafts;
import org.creditbank.model.learner.AccountNumber;
import org.hyperledger.fabric.client.ChaincodeEvent;
import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.Status;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The contract on the real network: Fabric CA identities with role attributes, three organisations'
 * peers, Raft ordering, key-level endorsement, private data collections and chaincode events.
 * Every call goes straight to the peers through the Fabric Gateway SDK.
 */
class ChaincodeOnNetworkIT {

    private static final String RUN = Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT);
    private static final LiveNetwork NETWORK = new LiveNetwork();

    private static Contract collegeRegistrar;
    private static Contract universityRegistrar;
    private static Contract hardwareRegistrar;
    private static Contract hardwareVerifier;

    @BeforeAll
    static void registerInstitutions() {
        register(COLLEGE);
        register(UNIVERSITY);
        register(HARDWARE);
        collegeRegistrar = NETWORK.as(COLLEGE, "registrar1");
        universityRegistrar = NETWORK.as(UNIVERSITY, "registrar1");
        hardwareRegistrar = NETWORK.as(HARDWARE, "registrar1");
        hardwareVerifier = NETWORK.as(HARDWARE, "verifier1");
    }

    @AfterAll
    static void close() {
        NETWORK.close();
    }

    /** The profile the consortium file gives {@code org}: registering it again changes nothing. */
    private static void register(LiveNetwork.Org org) {
        submit(NETWORK.as(org, "admin"), "institution:register", json(org.profile()));
    }

    private static String newLearner() {
        String account = AccountNumber.random(new SecureRandom());
        submit(collegeRegistrar, "learner:openAccount", account);
        return account;
    }

    private static Map<String, Object> course(String localId, String learner, String code) {
        Map<String, Object> draft = Drafts.course(localId, learner);
        draft.put("achievementCode", code);
        return draft;
    }

    @Test
    void aSchoolIssuesAnEnterpriseVerifiesThroughItsOwnPeerAndAnotherSchoolRecognises() {
        String learner = newLearner();
        JsonNode outcome = submit(collegeRegistrar, "outcome:issue", json(course("IT-" + RUN + "-1", learner, "CNC101"))).result();
        JsonNode batch = submit(collegeRegistrar, "outcome:issueBatch", json(List.of(
                course("IT-" + RUN + "-2", learner, "CNC102"), course("IT-" + RUN + "-3", learner, "CNC103")))).result();
        assertThat(batch).hasSize(2);

        JsonNode read = evaluate(hardwareVerifier, "outcome:get", outcome.get("id").asText());
        assertThat(read).isEqualTo(outcome);
        JsonNode verdict = evaluate(hardwareVerifier, "verification:verify", outcome.get("id").asText(),
                outcome.get("contentHash").asText());
        assertThat(verdict.get("verdict").asText()).isEqualTo("VALID");
        // Called directly, bypassing every gateway, the chaincode tells a caller with a wrong hash nothing
        // about a revoked record: the answer an unknown id gets, without status or reason.
        String revoked = submit(collegeRegistrar, "outcome:issue", json(course("IT-" + RUN + "-4", newLearner(), "CNC104")))
                .result().get("id").asText();
        submit(collegeRegistrar, "outcome:revoke", revoked, "学籍造假 forged enrolment");
        JsonNode wrongHash = evaluate(hardwareVerifier, "verification:verify", revoked, "ef".repeat(32));
        JsonNode unknownId = evaluate(hardwareVerifier, "verification:verify", "CollegeMSP:IT-" + RUN + "-none",
                "ef".repeat(32));
        assertThat(wrongHash.get("verdict").asText()).isEqualTo("NO_MATCH");
        assertThat(wrongHash.toString()).doesNotContain("REVOKED", "forged enrolment");
        JsonNode anonymised = ((ObjectNode) wrongHash.deepCopy()).remove(List.of("recordId", "checkedAt"));
        assertThat(anonymised).isEqualTo(((ObjectNode) unknownId.deepCopy()).remove(List.of("recordId", "checkedAt")));

        Map<String, Object> rule = Drafts.transferRule("CNC-" + RUN);
        submit(universityRegistrar, "recognition:publishRule", json(rule));
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("localId", "IT-" + RUN);
        request.put("learner", learner);
        request.put("sourceOutcomeIds", List.of(outcome.get("id").asText(), batch.get(0).get("id").asText(),
                batch.get(1).get("id").asText()));
        request.put("method", "RULE");
        request.put("ruleCode", "CNC-" + RUN);
        request.put("ruleVersion", 1);
        JsonNode recognition = submit(universityRegistrar, "recognition:recognise", json(request)).result();
        assertThat(recognition.at("/recognition/credits").asInt()).isEqualTo(5); // 3 × 2, capped at 5

        JsonNode transcript = evaluate(hardwareVerifier, "transcript:transcript", learner);
        assertThat(transcript.at("/totals/earnedCredits").asInt()).isEqualTo(9);
        assertThat(transcript.at("/totals/recognisedCredits").asInt()).isEqualTo(5);
    }

    @Test
    void theWrongRoleAndTheWrongOrganisationAreRefusedByTheChaincode() {
        String learner = newLearner();
        String id = submit(collegeRegistrar, "outcome:issue", json(course("IT-" + RUN + "-R", learner, "CNC1")))
                .result().get("id").asText();
        refusedSubmit("ROLE_NOT_ALLOWED", NETWORK.as(COLLEGE, "verifier1"), "outcome:issue",
                json(course("IT-" + RUN + "-V", learner, "CNC1")));
        refusedSubmit("ROLE_NOT_ALLOWED", NETWORK.as(COLLEGE, "norole"), "outcome:revoke", id, "no role");
        refusedSubmit("ORG_NOT_ALLOWED", universityRegistrar, "outcome:revoke", id, "not ours to revoke");
        var enterpriseCourse = refusedSubmit("INVALID_FIELD", hardwareRegistrar, "outcome:issue",
                json(course("IT-" + RUN + "-H", learner, "CNC1")));
        assertThat(enterpriseCourse.violations()).extracting(v -> v.code().name()).contains("INSTITUTION_TYPE_NOT_ALLOWED");
        assertThat(evaluate(hardwareVerifier, "outcome:get", id).get("status").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void aMajorityOfOtherOrganisationsCannotEndorseAChangeToASchoolsRecord() throws Exception {
        String learner = newLearner();
        String id = submit(collegeRegistrar, "outcome:issue", json(course("IT-" + RUN + "-K", learner, "CNC1")))
                .result().get("id").asText();

        // The college's own registrar asks, but only the university's and the enterprise's peers endorse:
        // two of three organisations satisfy the chaincode policy, not the record's key-level policy.
        Status status = collegeRegistrar.newProposal("outcome:revoke").addArguments(id, "endorsed elsewhere")
                .setEndorsingOrganizations(UNIVERSITY.mspId, HARDWARE.mspId)
                .build().endorse().submitAsync().getStatus();

        assertThat(status.isSuccessful()).isFalse();
        assertThat(status.getCode()).isEqualTo(TxValidationCode.ENDORSEMENT_POLICY_FAILURE);
        assertThat(evaluate(hardwareVerifier, "outcome:get", id).get("status").asText()).isEqualTo("ACTIVE");
        // With the college's peer among the endorsers the same change commits.
        assertThat(submit(collegeRegistrar, "outcome:revoke", id, "duplicate").result().get("status").asText())
                .isEqualTo("REVOKED");
    }

    @Test
    void personalDataStaysWithItsOrganisationAndAPurgeRemovesItWhileRecordsStillVerify() throws Exception {
        String learner = newLearner();
        JsonNode outcome = submit(collegeRegistrar, "outcome:issue", json(course("IT-" + RUN + "-P", learner, "CNC1"))).result();
        byte[] personal = json(Map.of("accountNo", learner, "name", "李小明", "birthDate", "2005-04-12",
                "nationalId", "440101200504120011", "salt", "0123456789abcdef0123456789abcdef")).getBytes(StandardCharsets.UTF_8);
        submit(collegeRegistrar, Map.of("personal", personal), "learner:putPersonalData");

        assertThat(evaluate(collegeRegistrar, "learner:getPersonalData", learner).get("name").asText()).isEqualTo("李小明");
        // The university reads only its own collection; the enterprise's peer never received the data.
        refusedEvaluate("NOT_FOUND", universityRegistrar, "learner:getPersonalData", learner);
        try {
            byte[] fromOtherPeer = collegeRegistrar.newProposal("learner:getPersonalData").addArguments(learner)
                    .setEndorsingOrganizations(HARDWARE.mspId).build().evaluate();
            throw new AssertionError("the enterprise's peer returned personal data: " + new String(fromOtherPeer, StandardCharsets.UTF_8));
        } catch (org.hyperledger.fabric.client.GatewayException expected) {
            assertThat(expected.getMessage() + expected.getDetails()).doesNotContain("李小明");
        }

        submit(collegeRegistrar, "learner:purgePersonalData", learner);
        refusedEvaluate("NOT_FOUND", collegeRegistrar, "learner:getPersonalData", learner);
        JsonNode verdict = evaluate(hardwareVerifier, "verification:verify", outcome.get("id").asText(),
                outcome.get("contentHash").asText());
        assertThat(verdict.get("verdict").asText()).isEqualTo("VALID");
    }

    @Test
    void eventsArriveForIssueRevokeAndRecognition() throws Exception {
        String learner = newLearner();
        Calls.Committed issued = submit(collegeRegistrar, "outcome:issue", json(course("IT-" + RUN + "-E", learner, "CNC201")));
        String id = issued.result().get("id").asText();
        String second = submit(collegeRegistrar, "outcome:issue", json(course("IT-" + RUN + "-E2", learner, "CNC202")))
                .result().get("id").asText();
        submit(collegeRegistrar, "outcome:revoke", id, "event test");
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("localId", "IT-" + RUN + "-E");
        request.put("learner", learner);
        request.put("sourceOutcomeIds", List.of(second));
        request.put("method", "MANUAL");
        request.put("target", Map.of("title", "数控实践", "category", "实践教学"));
        request.put("credits", 1);
        request.put("justification", "event test");
        submit(universityRegistrar, "recognition:recognise", json(request));

        List<String> seen = new ArrayList<>();
        var network = NETWORK.asNetwork(HARDWARE, "verifier1");
        try (CloseableIterator<ChaincodeEvent> events = network.newChaincodeEventsRequest("creditbank")
                .startBlock(issued.block()).build().getEvents()) {
            CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> {
                while (events.hasNext() && seen.size() < 50) {
                    ChaincodeEvent e = events.next();
                    String payload = new String(e.getPayload(), StandardCharsets.UTF_8);
                    if (payload.contains(id) || payload.contains(second)) {
                        seen.add(e.getEventName());
                        if (seen.containsAll(List.of("OutcomeIssued", "OutcomeStatusChanged", "RecognitionCreated"))) {
                            return;
                        }
                    }
                }
            });
            reading.get(Duration.ofSeconds(30).toSeconds(), TimeUnit.SECONDS);
        }
        assertThat(seen).contains("OutcomeIssued", "OutcomeStatusChanged", "RecognitionCreated");
    }
}
