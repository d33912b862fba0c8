package org.creditbank.chaincode.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creditbank.chaincode.state.StoreLedger.assertRefused;
import static org.creditbank.chaincode.state.StoreLedger.compositeKey;

import java.util.Map;
import org.creditbank.chaincode.testing.Drafts;
import org.creditbank.model.ErrorCode;
import org.creditbank.model.recognition.RecognitionRule;
import org.creditbank.model.recognition.RuleStatus;
import org.creditbank.model.recognition.RuleTerms;
import org.junit.jupiter.api.Test;

class RuleStoreTest {

    private final StoreLedger ledger = new StoreLedger();

    static RecognitionRule rule(String owner, String code, int version) {
        Map<String, Object> terms = Drafts.transferRule(code);
        terms.put("version", version);
        return new RecognitionRule(owner, StoreLedger.parse(terms, RuleTerms.class), RuleStatus.ACTIVE,
                "2026-09-01T08:00:00Z", null, null, "registrar1");
    }

    @Test
    void aVersionIsStoredUnderOwnerCodeAndZeroPaddedVersionEndorsableOnlyByItsOwner() {
        RecognitionRule rule = rule("UniversityMSP", "CNC-TRANSFER", 2);
        ledger.write(l -> new RuleStore(l).put(rule));

        String key = compositeKey("rule", "UniversityMSP", "CNC-TRANSFER", "00002");
        assertThat(ledger.state()).containsOnly(Map.entry(key, StoreLedger.json(rule)));
        assertThat(ledger.memory.validationParameters()).containsOnlyKeys(key);
        assertThat(ledger.reader(RuleStore::new).require("UniversityMSP", "CNC-TRANSFER", 2)).isEqualTo(rule);
        assertRefused(() -> ledger.reader(RuleStore::new).require("UniversityMSP", "CNC-TRANSFER", 3),
                ErrorCode.NOT_FOUND).hasMessageContaining("no rule CNC-TRANSFER version 3 of UniversityMSP");
    }

    @Test
    void versionsAreListedInNumericOrderAndOneCodeIsNotAPrefixOfAnother() {
        RecognitionRule v2 = rule("UniversityMSP", "CNC", 2);
        RecognitionRule v10 = rule("UniversityMSP", "CNC", 10);
        RecognitionRule other = rule("UniversityMSP", "CNC-X", 1);
        RecognitionRule elsewhere = rule("CollegeMSP", "CNC", 1);
        ledger.write(l -> {
            RuleStore rules = new RuleStore(l);
            rules.put(v10);
            rules.put(other);
            rules.put(v2);
            rules.put(elsewhere);
        });

        assertThat(ledger.reader(RuleStore::new).versions("UniversityMSP", "CNC")).containsExactly(v2, v10);
        assertThat(ledger.reader(RuleStore::new).all("UniversityMSP")).containsExactly(v2, v10, other);
    }
}
