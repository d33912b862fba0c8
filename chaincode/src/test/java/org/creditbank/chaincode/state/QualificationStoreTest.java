package org.creditbank.chaincode.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creditbank.chaincode.state.StoreLedger.assertRefused;
import static org.creditbank.chaincode.state.StoreLedger.compositeKey;

import java.util.Map;
import org.creditbank.model.ErrorCode;
import org.creditbank.model.qualification.Qualification;
import org.creditbank.model.qualification.QualificationTerms;
import org.junit.jupiter.api.Test;

class QualificationStoreTest {

    private final StoreLedger ledger = new StoreLedger();

    private static Qualification qualification(int totalCredits) {
        QualificationTerms terms = StoreLedger.parse(Map.of("code", "ASSOC-ME", "title", "机械制造专业副学士",
                "totalCredits", totalCredits, "minimumOwnCredits", 0), QualificationTerms.class);
        return new Qualification("UniversityMSP", terms, "2026-09-01T08:00:00Z", "registrar1");
    }

    @Test
    void aQualificationIsStoredUnderOwnerAndCodeAndANewVersionReplacesIt() {
        Qualification first = qualification(100);
        Qualification second = qualification(120);
        ledger.write(l -> new QualificationStore(l).put(first));
        ledger.write(l -> new QualificationStore(l).put(second));

        String key = compositeKey("qualification", "UniversityMSP", "ASSOC-ME");
        assertThat(ledger.state()).containsOnly(Map.entry(key, StoreLedger.json(second)));
        assertThat(ledger.memory.validationParameters()).containsOnlyKeys(key);
        assertThat(ledger.memory.writersOf(key)).hasSize(2);
        assertThat(ledger.reader(QualificationStore::new).require("UniversityMSP", "ASSOC-ME")).isEqualTo(second);
        assertThat(ledger.reader(QualificationStore::new).find("CollegeMSP", "ASSOC-ME")).isEmpty();
        assertRefused(() -> ledger.reader(QualificationStore::new).require("UniversityMSP", "NONE"),
                ErrorCode.NOT_FOUND).hasMessageContaining("no qualification NONE of UniversityMSP");
    }
}
