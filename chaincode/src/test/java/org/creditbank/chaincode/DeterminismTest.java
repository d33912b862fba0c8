package org.creditbank.chaincode;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.creditbank.chaincode.testing.InMemoryLedger;
import org.creditbank.chaincode.testing.InMemoryLedger.Response;
import org.creditbank.model.json.CanonicalJson;
import org.junit.jupiter.api.Test;

/**
 * Every endorsing peer must compute identical bytes, or endorsements mismatch and the transaction
 * fails. Running the same transactions on two independent ledgers must give byte-identical
 * responses and world state, and every stored JSON document must have its keys sorted.
 */
class DeterminismTest {

    private static final String LEARNER = "CB7K2M9QH4TZ1XW8R" + "0";

    private static List<String> scenario(Consortium c, String learner) {
        List<Response> responses = new ArrayList<>();
        responses.add(c.ledger.submit(Consortium.COLLEGE_REGISTRAR, "learner:openAccount", learner));
        Map<String, Object> draft = Consortium.course("D-1", learner);
        responses.add(c.ledger.submit(Consortium.COLLEGE_REGISTRAR, "outcome:issue", Consortium.json(draft)));
        responses.add(c.ledger.submit(Consortium.COLLEGE_REGISTRAR, "outcome:issueBatch",
                Consortium.json(List.of(Consortium.course("D-2", learner), Consortium.course("D-3", learner)))));
        responses.add(c.ledger.submit(Consortium.UNIVERSITY_REGISTRAR, "recognition:publishRule",
                Consortium.json(RecognitionTest.rule(1))));
        responses.add(c.ledger.submit(Consortium.UNIVERSITY_REGISTRAR, "recognition:recognise",
                Consortium.json(RecognitionTest.byRule("R-1", learner, List.of("CollegeMSP:D-1", "CollegeMSP:D-2"), 1))));
        responses.add(c.ledger.submit(Consortium.COLLEGE_REGISTRAR, "outcome:suspend", "CollegeMSP:D-3", "check"));
        responses.add(c.ledger.evaluate(Consortium.HARDWARE_VERIFIER, "transcript:transcript", learner));
        responses.add(c.ledger.evaluate(Consortium.HARDWARE_VERIFIER, "outcome:history", "CollegeMSP:D-3"));
        return responses.stream().map(r -> r.status() + " " + r.message() + " " + r.payload()).toList();
    }

    @Test
    void theSameTransactionsGiveByteIdenticalResponsesAndState() {
        Consortium first = new Consortium();
        Consortium second = new Consortium();
        assertThat(org.creditbank.model.learner.AccountNumber.isValid(LEARNER)).isTrue();

        List<String> a = scenario(first, LEARNER);
        List<String> b = scenario(second, LEARNER);

        assertThat(a).allMatch(r -> r.startsWith("200 "));
        assertThat(a).isEqualTo(b);
        assertThat(first.ledger.worldState()).isEqualTo(second.ledger.worldState());
    }

    @Test
    void batchedStateMessagesStoreExactlyWhatOneCallPerWriteStores() {
        Consortium batched = new Consortium();
        Consortium oneByOne = new Consortium(InMemoryLedger.withoutShim());

        List<String> a = scenario(batched, LEARNER);
        List<String> b = scenario(oneByOne, LEARNER);

        assertThat(a).allMatch(r -> r.startsWith("200 "));
        assertThat(a).isEqualTo(b);
        assertThat(batched.ledger.worldState()).isEqualTo(oneByOne.ledger.worldState());
        assertThat(batched.ledger.validationParameters()).hasSameSizeAs(oneByOne.ledger.validationParameters());
        batched.ledger.validationParameters().forEach((key, policy) ->
                assertThat(oneByOne.ledger.validationParameter(key)).as(key).isEqualTo(policy));
    }

    @Test
    void storedDocumentsHaveSortedKeys() {
        Consortium c = new Consortium();
        scenario(c, LEARNER);
        for (String value : c.ledger.worldState().values()) {
            if (value.startsWith("{")) {
                assertSorted(CanonicalJson.read(value, JsonNode.class));
                assertThat(CanonicalJson.toJson(CanonicalJson.read(value, JsonNode.class))).isEqualTo(value);
            }
        }
    }

    private static void assertSorted(JsonNode node) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                names.add(it.next());
            }
            assertThat(names).isSorted();
        }
        node.elements().forEachRemaining(DeterminismTest::assertSorted);
    }
}
