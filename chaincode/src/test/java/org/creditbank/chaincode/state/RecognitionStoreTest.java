package org.creditbank.chaincode.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creditbank.chaincode.state.StoreLedger.assertRefused;
import static org.creditbank.chaincode.state.StoreLedger.compositeKey;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.creditbank.model.ErrorCode;
import org.creditbank.model.recognition.CreditTarget;
import org.creditbank.model.recognition.Recognition;
import org.creditbank.model.recognition.RecognitionRequest;
import org.junit.jupiter.api.Test;

class RecognitionStoreTest {

    private static final String LEARNER = "CB7K2M9QH4TZ1XW8R0";

    private final StoreLedger ledger = new StoreLedger();

    static Recognition recognition(String recogniser, String localId, List<String> sources) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("localId", localId);
        request.put("learner", LEARNER);
        request.put("sourceOutcomeIds", sources);
        request.put("method", "MANUAL");
        request.put("target", Map.of("title", "企业实践", "category", "实践教学"));
        request.put("credits", 1.5);
        request.put("justification", "焊接实训 48 学时，经教学委员会认定");
        RecognitionRequest parsed = StoreLedger.parse(request, RecognitionRequest.class);
        return Recognition.decided(recogniser + ":rec:" + localId, recogniser, parsed,
                StoreLedger.parse(Map.of("title", "企业实践", "category", "实践教学"), CreditTarget.class),
                new BigDecimal("1.5"), null, "2026-09-01T08:00:00Z", "tx-rec", "registrar1");
    }

    @Test
    void aDecisionIsItsRecordTheLearnersIndexEntryAndOneGuardPerSource() {
        Recognition r = recognition("UniversityMSP", "R-1", List.of("CollegeMSP:C-1", "HardwareCoMSP:T-1"));
        ledger.write(l -> new RecognitionStore(l).add(r));

        String record = compositeKey("recognition", "UniversityMSP:rec:R-1");
        String index = compositeKey("learner~recognition", LEARNER, "UniversityMSP:rec:R-1");
        String guard1 = compositeKey("recognised~source", "UniversityMSP", "CollegeMSP:C-1");
        String guard2 = compositeKey("recognised~source", "UniversityMSP", "HardwareCoMSP:T-1");
        assertThat(ledger.state()).containsOnlyKeys(record, index, guard1, guard2)
                .containsEntry(record, StoreLedger.json(r))
                .containsEntry(index, r.id()).containsEntry(guard1, r.id()).containsEntry(guard2, r.id());
        assertThat(ledger.memory.validationParameters()).containsOnlyKeys(record, guard1, guard2);
    }

    @Test
    void aSourceIsCountedOnlyByTheRecogniserThatCountedIt() {
        Recognition r = recognition("UniversityMSP", "R-1", List.of("CollegeMSP:C-1"));
        ledger.write(l -> new RecognitionStore(l).add(r));

        assertThat(ledger.reader(RecognitionStore::new).countedBy("UniversityMSP", "CollegeMSP:C-1"))
                .contains(r.id());
        assertThat(ledger.reader(RecognitionStore::new).countedBy("HardwareCoMSP", "CollegeMSP:C-1")).isEmpty();
        assertThat(ledger.reader(RecognitionStore::new).countedBy("UniversityMSP", "CollegeMSP:C-2")).isEmpty();
    }

    @Test
    void decisionsAreFoundByIdAndForTheLearnerInIdOrder() {
        Recognition second = recognition("UniversityMSP", "R-2", List.of("CollegeMSP:C-2"));
        Recognition first = recognition("CollegeMSP", "R-1", List.of("HardwareCoMSP:T-1"));
        ledger.write(l -> {
            new RecognitionStore(l).add(second);
            new RecognitionStore(l).add(first);
        });

        assertThat(ledger.reader(RecognitionStore::new).require(second.id())).isEqualTo(second);
        assertThat(ledger.reader(RecognitionStore::new).find("")).isEmpty();
        assertThat(ledger.reader(RecognitionStore::new).find(null)).isEmpty();
        assertThat(ledger.reader(RecognitionStore::new).forLearner(LEARNER)).containsExactly(first, second);
        assertRefused(() -> ledger.reader(RecognitionStore::new).require("UniversityMSP:rec:R-9"),
                ErrorCode.NOT_FOUND).hasMessageContaining("no recognition UniversityMSP:rec:R-9");
        assertThat(ledger.reader(RecognitionStore::new).history(second.id())).hasSize(1);
        assertRefused(() -> ledger.reader(RecognitionStore::new).history("UniversityMSP:rec:R-9"),
                ErrorCode.NOT_FOUND);
    }
}
