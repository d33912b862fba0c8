package org.creditbank.chaincode.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creditbank.chaincode.state.StoreLedger.assertRefused;
import static org.creditbank.chaincode.state.StoreLedger.compositeKey;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.creditbank.chaincode.testing.Drafts;
import org.creditbank.model.ErrorCode;
import org.creditbank.model.outcome.Outcome;
import org.creditbank.model.outcome.OutcomeDraft;
import org.creditbank.model.outcome.OutcomeStatus;
import org.junit.jupiter.api.Test;

class OutcomeStoreTest {

    private static final String LEARNER = "CB7K2M9QH4TZ1XW8R0";

    private final StoreLedger ledger = new StoreLedger();

    static Outcome outcome(String issuer, String localId, String learner) {
        OutcomeDraft draft = StoreLedger.parse(Drafts.course(localId, learner), OutcomeDraft.class);
        return new Outcome(issuer + ":" + localId, issuer, draft, Outcome.hashOf(issuer, draft),
                "2026-09-01T08:00:00Z", "tx-issue", OutcomeStatus.ACTIVE, null, null, "registrar1");
    }

    @Test
    void aNewOutcomeIsItsRecordUnderIssuerAndLocalIdPlusTheLearnersIndexEntry() {
        Outcome outcome = outcome("CollegeMSP", "C-1", LEARNER);
        ledger.write(l -> new OutcomeStore(l).add(outcome));

        String record = compositeKey("outcome", "CollegeMSP", "C-1");
        String index = compositeKey("learner~outcome", LEARNER, "CollegeMSP:C-1");
        assertThat(ledger.state()).containsOnlyKeys(record, index)
                .containsEntry(record, StoreLedger.json(outcome))
                .containsEntry(index, "CollegeMSP:C-1");
        // Only the record is restricted to its issuer's peers; the index entry follows the chaincode policy.
        assertThat(ledger.memory.validationParameters()).containsOnlyKeys(record);
    }

    @Test
    void anOutcomeIsFoundByItsIdAndAnythingElseIsNotFound() {
        Outcome outcome = outcome("CollegeMSP", "C-1", LEARNER);
        ledger.write(l -> new OutcomeStore(l).add(outcome));

        assertThat(ledger.reader(OutcomeStore::new).find("CollegeMSP:C-1")).contains(outcome);
        assertThat(ledger.reader(OutcomeStore::new).require("CollegeMSP:C-1")).isEqualTo(outcome);
        assertThat(ledger.reader(OutcomeStore::new).find("CollegeMSP:C-2")).isEmpty();
        // A recognition id or no id at all is never an outcome, even where the local ids match.
        assertThat(ledger.reader(OutcomeStore::new).find("CollegeMSP:rec:C-1")).isEmpty();
        assertThat(ledger.reader(OutcomeStore::new).find("C-1")).isEmpty();
        assertRefused(() -> ledger.reader(OutcomeStore::new).require("CollegeMSP:C-2"), ErrorCode.NOT_FOUND)
                .hasMessageContaining("no outcome CollegeMSP:C-2");
    }

    @Test
    void severalOutcomesAreReadInTheirOrderAndAllMustExist() {
        Outcome first = outcome("CollegeMSP", "C-1", LEARNER);
        Outcome second = outcome("HardwareCoMSP", "T-1", LEARNER);
        ledger.write(l -> {
            new OutcomeStore(l).add(first);
            new OutcomeStore(l).add(second);
        });

        assertThat(ledger.reader(OutcomeStore::new).requireAll(List.of("HardwareCoMSP:T-1", "CollegeMSP:C-1")))
                .containsExactly(second, first);
        assertThat(ledger.reader(OutcomeStore::new).forLearner(LEARNER)).containsExactly(first, second);
        assertThat(ledger.reader(OutcomeStore::new).forLearner("CB0000000000000000")).isEmpty();
        assertRefused(() -> ledger.reader(OutcomeStore::new).requireAll(List.of("CollegeMSP:C-1", "CollegeMSP:C-9")),
                ErrorCode.NOT_FOUND).hasMessageContaining("CollegeMSP:C-9");
    }

    @Test
    void aCandidateFindsWhatIsStoredUnderItsKeyAndARefusedItemIsSkipped() {
        Outcome stored = outcome("CollegeMSP", "C-1", LEARNER);
        ledger.write(l -> new OutcomeStore(l).add(stored));
        Outcome retried = stored.withStatus(OutcomeStatus.ACTIVE, null, null, "someone else");
        Outcome fresh = outcome("CollegeMSP", "C-2", LEARNER);

        assertThat(ledger.reader(OutcomeStore::new).stored(retried)).contains(stored);
        assertThat(ledger.reader(OutcomeStore::new).storedAll(Arrays.asList(fresh, null, retried)))
                .containsExactly(Optional.empty(), Optional.empty(), Optional.of(stored));
    }

    @Test
    void aStatusChangeRewritesTheRecordOnlyAndTheHistoryShowsBothVersions() {
        Outcome outcome = outcome("CollegeMSP", "C-1", LEARNER);
        ledger.write(l -> new OutcomeStore(l).add(outcome));
        var before = ledger.state();
        Outcome suspended = outcome.withStatus(OutcomeStatus.SUSPENDED, "check", "2026-09-02T08:00:00Z", "registrar1");
        ledger.write(l -> new OutcomeStore(l).update(suspended));

        String record = compositeKey("outcome", "CollegeMSP", "C-1");
        assertThat(ledger.state()).containsOnlyKeys(before.keySet()).containsEntry(record, StoreLedger.json(suspended));
        var history = ledger.reader(OutcomeStore::new).history("CollegeMSP:C-1");
        assertThat(history).hasSize(2);
        assertThat(history.get(1).changedFields()).contains("status", "statusReason");
        assertRefused(() -> ledger.reader(OutcomeStore::new).history("CollegeMSP:C-9"), ErrorCode.NOT_FOUND);
    }

    @Test
    void whatATransactionIssuedIsListedUnderIssuerAndTransactionWithTheIssuersPolicy() {
        String[] txId = new String[1];
        ledger.write(l -> {
            txId[0] = l.txId();
            new OutcomeStore(l).recordIssuance("CollegeMSP", List.of("CollegeMSP:C-2", "CollegeMSP:C-1"));
        });

        String key = compositeKey("issuance", "CollegeMSP", txId[0]);
        assertThat(ledger.state()).containsOnly(java.util.Map.entry(key, "[\"CollegeMSP:C-2\",\"CollegeMSP:C-1\"]"));
        assertThat(ledger.memory.validationParameters()).containsOnlyKeys(key);
        assertThat(ledger.reader(OutcomeStore::new).issuedIn("CollegeMSP", txId[0]))
                .contains(List.of("CollegeMSP:C-2", "CollegeMSP:C-1"));
        assertThat(ledger.reader(OutcomeStore::new).issuedIn("UniversityMSP", txId[0])).isEmpty();
    }
}
