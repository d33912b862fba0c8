package org.creditbank.chaincode;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each issuing transaction is one status list: its outcomes, in order, with their current status. */
class IssuanceStatusesTest extends Consortium {

    private final String learner = newLearner();

    @Test
    void aBatchListsItsOutcomesInOrderWithTheirCurrentStatus() {
        var batch = ledger.submit(COLLEGE_REGISTRAR, "outcome:issueBatch", json(List.of(
                course("IS-1", learner), course("IS-2", learner), course("IS-3", learner))));
        JsonNode issued = ok(batch);
        ok(ledger.submit(COLLEGE_REGISTRAR, "outcome:revoke", issued.get(1).get("id").asText(), "成绩录入错误"));
        ok(ledger.submit(COLLEGE_REGISTRAR, "outcome:suspend", issued.get(2).get("id").asText(), "复核中"));

        JsonNode statuses = ok(ledger.evaluate(COLLEGE_VERIFIER, "outcome:issuanceStatuses", batch.txId()));

        assertThat(statuses.findValuesAsText("id")).containsExactly("CollegeMSP:IS-1", "CollegeMSP:IS-2", "CollegeMSP:IS-3");
        assertThat(statuses.findValuesAsText("status")).containsExactly("ACTIVE", "REVOKED", "SUSPENDED");
        // Only what a status list needs: no learner account, no content.
        assertThat(statuses.get(0).size()).isEqualTo(3);
    }

    @Test
    void aSingleIssuanceIsAListOfOneAndARetryAddsNoList() {
        var first = ledger.submit(COLLEGE_REGISTRAR, "outcome:issue", json(course("IS-4", learner)));
        ok(first);
        var retry = ledger.submit(COLLEGE_REGISTRAR, "outcome:issue", json(course("IS-4", learner)));
        ok(retry);
        assertThat(ok(ledger.evaluate(COLLEGE_VERIFIER, "outcome:issuanceStatuses", first.txId())).findValuesAsText("id"))
                .containsExactly("CollegeMSP:IS-4");
        refused(ledger.evaluate(COLLEGE_VERIFIER, "outcome:issuanceStatuses", retry.txId()), "NOT_FOUND");
    }

    @Test
    void anInstitutionSeesOnlyItsOwnTransactions() {
        var theirs = ledger.submit(HARDWARE_REGISTRAR, "outcome:issue", json(training("IS-5", learner)));
        ok(theirs);
        refused(ledger.evaluate(COLLEGE_VERIFIER, "outcome:issuanceStatuses", theirs.txId()), "NOT_FOUND");
        assertThat(ok(ledger.evaluate(HARDWARE_VERIFIER, "outcome:issuanceStatuses", theirs.txId()))).hasSize(1);
        refused(ledger.evaluate(COLLEGE_NO_ROLE, "outcome:issuanceStatuses", theirs.txId()), "ROLE_NOT_ALLOWED");
    }
}
