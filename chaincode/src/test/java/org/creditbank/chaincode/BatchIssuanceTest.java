package org.creditbank.chaincode;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.hyperledger.fabric.protos.peer.ChaincodeMessage;
import org.junit.jupiter.api.Test;

class BatchIssuanceTest extends Consortium {

    private final String learner = newLearner();
    private final String otherLearner = newLearner();

    private List<Map<String, Object>> batch(String prefix, int size) {
        List<Map<String, Object>> drafts = new ArrayList<>();
        IntStream.range(0, size).forEach(i -> drafts.add(course(prefix + "-" + i, i % 2 == 0 ? learner : otherLearner)));
        return drafts;
    }

    @Test
    void aTermsWorthOfOutcomesIsIssuedInOneTransaction() {
        var submitted = ledger.submit(COLLEGE_REGISTRAR, "outcome:issueBatch", json(batch("TERM", 500)));
        JsonNode issued = ok(submitted);
        assertThat(issued).hasSize(500);
        // Per item: where the record is and how to verify it, not the content the caller sent.
        JsonNode item = issued.get(7);
        assertThat(item.get("id").asText()).isEqualTo("CollegeMSP:TERM-7");
        assertThat(item.get("awardTxId").asText()).isEqualTo(submitted.txId());
        JsonNode stored = ok(ledger.evaluate(COLLEGE_VERIFIER, "outcome:get", "CollegeMSP:TERM-7"));
        assertThat(item.get("contentHash")).isEqualTo(stored.get("contentHash"));
        assertThat(item.get("awardedAt")).isEqualTo(stored.get("awardedAt"));
        assertThat(item.has("draft")).isFalse();
        assertThat(ok(ledger.evaluate(COLLEGE_VERIFIER, "transcript:transcript", learner)).get("outcomes")).hasSize(250);
        var event = ledger.events().get(ledger.events().size() - 1);
        assertThat(event.name()).isEqualTo("OutcomesIssued");
    }

    @Test
    void aFullBatchTakesAHandfulOfRoundTripsToThePeerNotOnePerWrite() {
        ok(ledger.submit(COLLEGE_REGISTRAR, "outcome:issueBatch", json(batch("RT", 500))));

        // 500 records, each with a key-level policy and a learner index entry, plus the issuance
        // list: 1,502 writes in two WRITE_BATCH_STATE messages (at most 1,000 records each); the
        // existence checks of 500 keys and of 2 accounts in two GET_STATE_MULTIPLE messages.
        Map<ChaincodeMessage.Type, Integer> sent = ledger.lastMessages();
        assertThat(sent).containsEntry(ChaincodeMessage.Type.WRITE_BATCH_STATE, 2)
                .containsEntry(ChaincodeMessage.Type.GET_STATE_MULTIPLE, 2)
                .doesNotContainKeys(ChaincodeMessage.Type.PUT_STATE, ChaincodeMessage.Type.PUT_STATE_METADATA);
        assertThat(sent.values().stream().mapToInt(Integer::intValue).sum()).isLessThan(10);
        assertThat(ok(ledger.evaluate(COLLEGE_VERIFIER, "transcript:transcript", learner)).get("outcomes")).hasSize(250);
        assertThat(ledger.lastMessages().getOrDefault(ChaincodeMessage.Type.GET_STATE, 0)).isLessThan(10);
    }

    @Test
    void moreThan500IsTooLargeAndNoneAtAllIsInvalid() {
        refused(ledger.submit(COLLEGE_REGISTRAR, "outcome:issueBatch", json(batch("BIG", 501))), "BATCH_TOO_LARGE");
        refused(ledger.submit(COLLEGE_REGISTRAR, "outcome:issueBatch", "[]"), "INVALID_FIELD");
    }

    @Test
    void oneBadItemRejectsTheWholeBatchWithAReportOfEveryBadItem() {
        List<Map<String, Object>> drafts = batch("MIX", 10);
        drafts.get(3).put("credits", 99);
        drafts.get(7).put("evidenceHash", "nope");
        drafts.get(7).put("hours", -1);
        Map<String, String> before = ledger.worldState();

        JsonNode body = refused(ledger.submit(COLLEGE_REGISTRAR, "outcome:issueBatch", json(drafts)), "BATCH_REJECTED");

        assertThat(body.get("message").asText()).startsWith("2 of 10 items");
        assertThat(body.get("violations").findValuesAsText("index")).containsExactlyInAnyOrder("3", "7", "7");
        assertThat(body.get("violations").findValuesAsText("field")).containsExactlyInAnyOrder("credits", "evidenceHash", "hours");
        assertThat(ledger.worldState()).isEqualTo(before);
    }

    @Test
    void aLocalIdTwiceInOneBatchIsReported() {
        List<Map<String, Object>> drafts = batch("DUP", 3);
        drafts.get(2).put("localId", "DUP-0");
        JsonNode body = refused(ledger.submit(COLLEGE_REGISTRAR, "outcome:issueBatch", json(drafts)), "BATCH_REJECTED");
        assertThat(body.get("violations").get(0).get("index").asInt()).isEqualTo(2);
        assertThat(body.get("violations").get(0).get("code").asText()).isEqualTo("CONFLICT");
    }

    @Test
    void aRetriedBatchCreatesNothingNewAndAnExtendedOneOnlyTheNewItems() {
        JsonNode first = ok(ledger.submit(COLLEGE_REGISTRAR, "outcome:issueBatch", json(batch("RETRY", 5))));
        Map<String, String> afterFirst = ledger.worldState();

        JsonNode again = ok(ledger.submit(COLLEGE_REGISTRAR, "outcome:issueBatch", json(batch("RETRY", 5))));
        assertThat(again).isEqualTo(first);
        assertThat(ledger.worldState()).isEqualTo(afterFirst);

        JsonNode extended = ok(ledger.submit(COLLEGE_REGISTRAR, "outcome:issueBatch", json(batch("RETRY", 8))));
        assertThat(extended).hasSize(8);
        assertThat(extended.get(0)).isEqualTo(first.get(0));
        assertThat(ledger.worldState().size() - afterFirst.size()).isEqualTo(3 * 2 + 1); // record + learner index each, one issuance list
    }

    @Test
    void anItemConflictingWithAnIssuedRecordIsReportedByIndex() {
        ok(ledger.submit(COLLEGE_REGISTRAR, "outcome:issueBatch", json(batch("CONF", 2))));
        List<Map<String, Object>> drafts = batch("CONF", 3);
        drafts.get(1).put("credits", 5);
        JsonNode body = refused(ledger.submit(COLLEGE_REGISTRAR, "outcome:issueBatch", json(drafts)), "BATCH_REJECTED");
        assertThat(body.get("violations")).hasSize(1);
        assertThat(body.get("violations").get(0).get("index").asInt()).isEqualTo(1);
        assertThat(body.get("violations").get(0).get("code").asText()).isEqualTo("CONFLICT");
    }

    @Test
    void anItemForAnUnknownAccountIsReported() {
        List<Map<String, Object>> drafts = batch("ACC", 2);
        drafts.get(1).put("learner", org.creditbank.model.learner.AccountNumber.random(new java.security.SecureRandom()));
        JsonNode body = refused(ledger.submit(COLLEGE_REGISTRAR, "outcome:issueBatch", json(drafts)), "BATCH_REJECTED");
        assertThat(body.get("violations").get(0).get("code").asText()).isEqualTo("ACCOUNT_NOT_FOUND");
    }

    @Test
    void aNullItemIsReportedByIndexLikeAnyOtherBadItem() {
        String items = "[null," + json(course("NULL-1", learner)) + "]";
        JsonNode body = refused(ledger.submit(COLLEGE_REGISTRAR, "outcome:issueBatch", items), "BATCH_REJECTED");
        assertThat(body.get("violations").get(0).get("index").asInt()).isZero();
    }

    @Test
    void verifiersCannotIssueBatches() {
        refused(ledger.submit(HARDWARE_VERIFIER, "outcome:issueBatch", json(batch("V", 1))), "ROLE_NOT_ALLOWED");
    }
}
