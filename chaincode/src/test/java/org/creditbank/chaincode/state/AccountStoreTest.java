package org.creditbank.chaincode.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creditbank.chaincode.state.StoreLedger.assertRefused;
import static org.creditbank.chaincode.state.StoreLedger.compositeKey;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.creditbank.model.ErrorCode;
import org.creditbank.model.learner.LearnerAccount;
import org.junit.jupiter.api.Test;

class AccountStoreTest {

    private static final String ACCOUNT = "CB7K2M9QH4TZ1XW8R0";
    private static final String OTHER = "CB0000000000000000";

    private final StoreLedger ledger = new StoreLedger();
    private final LearnerAccount account = new LearnerAccount(ACCOUNT, "CollegeMSP", "2026-09-01T08:00:00Z", "tx1");

    @Test
    void anAccountIsStoredUnderItsNumberEndorsableOnlyByTheInstitutionThatOpenedIt() {
        ledger.write(l -> new AccountStore(l).open(account));

        String key = compositeKey("account", ACCOUNT);
        assertThat(ledger.state()).containsOnly(java.util.Map.entry(key, StoreLedger.json(account)));
        assertThat(ledger.memory.validationParameters()).containsOnlyKeys(key);
        assertThat(new String(ledger.memory.validationParameter(key), StandardCharsets.ISO_8859_1)).contains("CollegeMSP");
    }

    @Test
    void anAccountIsFoundOrRefusedAsNotFound() {
        ledger.write(l -> new AccountStore(l).open(account));

        assertThat(ledger.reader(AccountStore::new).find(ACCOUNT)).contains(account);
        assertThat(ledger.reader(AccountStore::new).require(ACCOUNT)).isEqualTo(account);
        assertThat(ledger.reader(AccountStore::new).find(OTHER)).isEmpty();
        assertRefused(() -> ledger.reader(AccountStore::new).require(OTHER), ErrorCode.ACCOUNT_NOT_FOUND)
                .hasMessageContaining("no learner account " + OTHER);
        ledger.reader(AccountStore::new).requireExists(ACCOUNT);
        assertRefused(() -> ledger.reader(AccountStore::new).requireExists(OTHER), ErrorCode.ACCOUNT_NOT_FOUND);
    }

    @Test
    void existingNamesTheNumbersThatHaveAnAccountEachAskedOnce() {
        ledger.write(l -> new AccountStore(l).open(account));

        assertThat(ledger.reader(AccountStore::new).existing(List.of(OTHER, ACCOUNT, ACCOUNT)))
                .containsExactly(ACCOUNT);
        assertThat(ledger.reader(AccountStore::new).existing(List.of())).isEmpty();
    }

    @Test
    void personalDataLivesInTheInstitutionsOwnCollectionUnderTheAccountNumber() {
        byte[] data = "{\"name\":\"张三\"}".getBytes(StandardCharsets.UTF_8);
        ledger.write(l -> new PersonalDataStore(l).put("CollegeMSP", ACCOUNT, data));

        assertThat(PersonalDataStore.collectionOf("CollegeMSP")).isEqualTo("PII_CollegeMSP");
        assertThat(ledger.memory.privateValue("PII_CollegeMSP", ACCOUNT)).isEqualTo(data);
        assertThat(ledger.state()).as("nothing of it in world state").isEmpty();
        assertThat(ledger.reader(PersonalDataStore::new).find("CollegeMSP", ACCOUNT)).hasValue(data);
        assertThat(ledger.reader(PersonalDataStore::new).find("UniversityMSP", ACCOUNT)).isEmpty();
        assertThat(ledger.reader(PersonalDataStore::new).holds("CollegeMSP", ACCOUNT)).isTrue();
        assertThat(ledger.reader(PersonalDataStore::new).holds("UniversityMSP", ACCOUNT)).isFalse();

        ledger.write(l -> new PersonalDataStore(l).purge("CollegeMSP", ACCOUNT));
        assertThat(ledger.memory.privateValue("PII_CollegeMSP", ACCOUNT)).isNull();
    }
}
