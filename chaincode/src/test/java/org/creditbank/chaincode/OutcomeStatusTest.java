package org.creditbank.chaincode;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.creditbank.model.json.CanonicalJson;
import org.junit.jupiter.api.Test;

class OutcomeStatusTest extends Consortium {

    private final String learner = newLearner();
    private final String id = issue(COLLEGE_REGISTRAR, course("ST-1", learner)).get("id").asText();

    @Test
    void theIssuerSuspendsReinstatesAndRevokesWithReasons() {
        JsonNode suspended = ok(ledger.submit(COLLEGE_REGISTRAR, "outcome:suspend", id, "学术诚信调查中"));
        assertThat(suspended.get("status").asText()).isEqualTo("SUSPENDED");
        assertThat(suspended.get("statusReason").asText()).isEqualTo("学术诚信调查中");

        JsonNode reinstated = ok(ledger.submit(COLLEGE_REGISTRAR, "outcome:reinstate", id, "调查结束，无违规"));
        assertThat(reinstated.get("status").asText()).isEqualTo("ACTIVE");

        JsonNode revoked = ok(ledger.submit(COLLEGE_ADMIN, "outcome:revoke", id, "成绩录入错误"));
        assertThat(revoked.get("status").asText()).isEqualTo("REVOKED");
        assertThat(revoked.get("contentHash")).isEqualTo(suspended.get("contentHash"));
    }

    @Test
    void revocationIsFinal() {
        ok(ledger.submit(COLLEGE_REGISTRAR, "outcome:revoke", id, "duplicate record"));
        refused(ledger.submit(COLLEGE_REGISTRAR, "outcome:reinstate", id, "oops"), "INVALID_STATUS_TRANSITION");
        refused(ledger.submit(COLLEGE_REGISTRAR, "outcome:suspend", id, "again"), "INVALID_STATUS_TRANSITION");
        refused(ledger.submit(COLLEGE_REGISTRAR, "outcome:revoke", id, "again"), "INVALID_STATUS_TRANSITION");
    }

    @Test
    void onlyASuspendedOutcomeCanBeReinstated() {
        refused(ledger.submit(COLLEGE_REGISTRAR, "outcome:reinstate", id, "nothing to reinstate"), "INVALID_STATUS_TRANSITION");
    }

    @Test
    void anotherInstitutionCannotChangeTheStatusEvenWithARegistrar() {
        Map<String, String> before = ledger.worldState();
        refused(ledger.submit(UNIVERSITY_REGISTRAR, "outcome:revoke", id, "we do not like it"), "ORG_NOT_ALLOWED");
        refused(ledger.submit(UNIVERSITY_ADMIN, "outcome:suspend", id, "we do not like it"), "ORG_NOT_ALLOWED");
        refused(ledger.submit(HARDWARE_REGISTRAR, "outcome:suspend", id, "x"), "ORG_NOT_ALLOWED");
        assertThat(ledger.worldState()).isEqualTo(before);
    }

    @Test
    void verifiersCannotChangeStatus() {
        refused(ledger.submit(COLLEGE_VERIFIER, "outcome:revoke", id, "x"), "ROLE_NOT_ALLOWED");
    }

    @Test
    void aReasonIsRequired() {
        JsonNode body = refused(ledger.submit(COLLEGE_REGISTRAR, "outcome:revoke", id, " "), "INVALID_FIELD");
        assertThat(body.get("violations").findValuesAsText("field")).containsExactly("reason");
        refused(ledger.submit(COLLEGE_REGISTRAR, "outcome:suspend", "CollegeMSP:nope", "x"), "NOT_FOUND");
    }

    @Test
    void theHistoryShowsWhoChangedWhatInWhichTransaction() {
        var suspend = ledger.submit(COLLEGE_REGISTRAR, "outcome:suspend", id, "complaint");
        var revoke = ledger.submit(COLLEGE_ADMIN, "outcome:revoke", id, "confirmed");

        JsonNode history = ok(ledger.evaluate(HARDWARE_VERIFIER, "outcome:history", id));

        assertThat(history).hasSize(3);
        assertThat(history.get(0).get("changedFields").toString()).contains("draft", "status");
        assertThat(history.get(1).get("txId").asText()).isEqualTo(suspend.txId());
        assertThat(history.get(1).get("changedFields").toString())
                .contains("status", "statusReason", "statusChangedAt").doesNotContain("draft");
        assertThat(history.get(2).get("txId").asText()).isEqualTo(revoke.txId());
        assertThat(history.get(2).get("changedBy").asText()).contains("Admin@CollegeMSP");
        assertThat(history.get(2).at("/record/status").asText()).isEqualTo("REVOKED");
    }

    @Test
    void statusChangesRaiseEvents() {
        ok(ledger.submit(COLLEGE_REGISTRAR, "outcome:suspend", id, "complaint"));
        var event = ledger.events().get(ledger.events().size() - 1);
        assertThat(event.name()).isEqualTo("OutcomeStatusChanged");
        JsonNode payload = CanonicalJson.read(event.payload(), JsonNode.class);
        assertThat(payload.get("status").asText()).isEqualTo("SUSPENDED");
        assertThat(payload.get("ids").get(0).asText()).isEqualTo(id);
    }
}
