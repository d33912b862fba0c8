package org.creditbank.chaincode;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.SecureRandom;
import java.util.Map;
import org.creditbank.chaincode.testing.Drafts;
import org.creditbank.chaincode.testing.InMemoryLedger;
import org.creditbank.chaincode.testing.InMemoryLedger.Response;
import org.creditbank.chaincode.testing.TestIdentity;
import org.creditbank.model.json.CanonicalJson;
import org.creditbank.model.learner.AccountNumber;

/**
 * The consortium the contract tests run in: a vocational college and an applied university
 * (schools) and a hardware manufacturer (enterprise), each with an admin, a registrar and a
 * verifier, all registered, on a fresh in-memory ledger.
 */
class Consortium {

    static final String COLLEGE = "CollegeMSP";
    static final String UNIVERSITY = "UniversityMSP";
    static final String HARDWARE = "HardwareCoMSP";

    /** Identities are costly to make; every test shares one set (names fixed, so outputs are comparable). */
    static final TestIdentity COLLEGE_ADMIN = TestIdentity.admin(COLLEGE);
    static final TestIdentity COLLEGE_REGISTRAR = TestIdentity.withRole(COLLEGE, "registrar1", "registrar");
    static final TestIdentity COLLEGE_VERIFIER = TestIdentity.withRole(COLLEGE, "verifier1", "verifier");
    static final TestIdentity COLLEGE_NO_ROLE = TestIdentity.withRole(COLLEGE, "student-helper", null);
    static final TestIdentity UNIVERSITY_ADMIN = TestIdentity.admin(UNIVERSITY);
    static final TestIdentity UNIVERSITY_REGISTRAR = TestIdentity.withRole(UNIVERSITY, "registrar1", "registrar");
    static final TestIdentity HARDWARE_ADMIN = TestIdentity.admin(HARDWARE);
    static final TestIdentity HARDWARE_REGISTRAR = TestIdentity.withRole(HARDWARE, "hr-training", "registrar");
    static final TestIdentity HARDWARE_VERIFIER = TestIdentity.withRole(HARDWARE, "hr-verifier", "verifier");

    private static final SecureRandom RANDOM = new SecureRandom();

    final InMemoryLedger ledger;

    Consortium() {
        this(new InMemoryLedger());
    }

    Consortium(InMemoryLedger ledger) {
        this.ledger = ledger;
        register(COLLEGE_ADMIN, "广州五金职业技术学院", "SCHOOL");
        register(UNIVERSITY_ADMIN, "应用技术大学", "SCHOOL");
        register(HARDWARE_ADMIN, "五金制造集团", "ENTERPRISE");
    }

    void register(TestIdentity admin, String name, String type) {
        ok(ledger.submit(admin, "institution:register", json(Map.of("name", name, "type", type))));
    }

    /** Opens a fresh learner account at the college and returns its number. */
    String newLearner() {
        String account = AccountNumber.random(RANDOM);
        ok(ledger.submit(COLLEGE_REGISTRAR, "learner:openAccount", account));
        return account;
    }

    static Map<String, Object> course(String localId, String learner) {
        return Drafts.course(localId, learner);
    }

    static Map<String, Object> training(String localId, String learner) {
        return Drafts.training(localId, learner);
    }

    JsonNode issue(TestIdentity registrar, Map<String, Object> draft) {
        return ok(ledger.submit(registrar, "outcome:issue", json(draft)));
    }

    static String json(Object value) {
        return CanonicalJson.toJson(value);
    }

    /** Asserts success and returns the payload as JSON. */
    static JsonNode ok(Response response) {
        assertThat(response.status()).as("chaincode answered: %s", response.message()).isEqualTo(200);
        return CanonicalJson.read(response.payload(), JsonNode.class);
    }

    /** Asserts a refusal with {@code code} and returns its body (code, message, violations). */
    static JsonNode refused(Response response, String code) {
        assertThat(response.status()).as("expected refusal %s, payload %s", code, response.payload()).isEqualTo(500);
        JsonNode body = CanonicalJson.read(response.message(), JsonNode.class);
        assertThat(body.get("code").asText()).as("refusal %s", response.message()).isEqualTo(code);
        assertThat(body.get("message").asText()).isNotBlank();
        return body;
    }
}
