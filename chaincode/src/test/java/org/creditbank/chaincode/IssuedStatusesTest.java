package org.creditbank.chaincode;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class IssuedStatusesTest extends Consortium {

    private final String learner = newLearner();

    @Test
    void anInstitutionSeesTheStatusOfEachOutcomeItIssuedAndNothingElse() {
        String active = issue(COLLEGE_REGISTRAR, course("IS-1", learner)).get("id").asText();
        String revoked = issue(COLLEGE_REGISTRAR, course("IS-2", learner)).get("id").asText();
        String suspended = issue(COLLEGE_REGISTRAR, course("IS-3", learner)).get("id").asText();
        issue(HARDWARE_REGISTRAR, training("IS-4", learner));
        ok(ledger.submit(COLLEGE_REGISTRAR, "outcome:revoke", revoked, "成绩录入错误"));
        ok(ledger.submit(COLLEGE_REGISTRAR, "outcome:suspend", suspended, "复核中"));

        JsonNode statuses = ok(ledger.evaluate(COLLEGE_VERIFIER, "outcome:issuedStatuses"));

        assertThat(statuses.findValuesAsText("id")).containsExactly(active, revoked, suspended);
        assertThat(statuses.findValuesAsText("status")).containsExactly("ACTIVE", "REVOKED", "SUSPENDED");
        assertThat(statuses.get(0).get("awardedAt").asText()).isNotBlank();
        // Only what a status list needs: no learner account, no content.
        assertThat(statuses.get(0).size()).isEqualTo(3);
    }

    @Test
    void aCallerWithoutARoleIsRefused() {
        refused(ledger.evaluate(COLLEGE_NO_ROLE, "outcome:issuedStatuses"), "ROLE_NOT_ALLOWED");
    }
}
