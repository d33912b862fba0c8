package org.creditbank.chaincode.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creditbank.chaincode.state.StoreLedger.assertRefused;
import static org.creditbank.chaincode.state.StoreLedger.compositeKey;

import org.creditbank.model.ErrorCode;
import org.creditbank.model.institution.Institution;
import org.creditbank.model.institution.InstitutionProfile;
import org.creditbank.model.institution.InstitutionType;
import org.junit.jupiter.api.Test;

class InstitutionStoreTest {

    private final StoreLedger ledger = new StoreLedger();

    private static Institution institution(String mspId, String name, InstitutionType type) {
        return new Institution(mspId, StoreLedger.parse(java.util.Map.of("name", name, "type", type.name()),
                InstitutionProfile.class), "2026-09-01T08:00:00Z", "2026-09-01T08:00:00Z");
    }

    @Test
    void aProfileIsStoredUnderItsMspIdEndorsableOnlyByItsOwnPeers() {
        Institution college = institution("CollegeMSP", "广州五金职业技术学院", InstitutionType.SCHOOL);
        ledger.write(l -> new InstitutionStore(l).put(college));

        String key = compositeKey("institution", "CollegeMSP");
        assertThat(ledger.state()).containsOnly(java.util.Map.entry(key, StoreLedger.json(college)));
        assertThat(ledger.memory.validationParameters()).containsOnlyKeys(key);
    }

    @Test
    void institutionsAreFoundListedByMspIdOrRefusedAsNotRegistered() {
        Institution university = institution("UniversityMSP", "应用技术大学", InstitutionType.SCHOOL);
        Institution hardware = institution("HardwareCoMSP", "五金制造集团", InstitutionType.ENTERPRISE);
        ledger.write(l -> {
            new InstitutionStore(l).put(university);
            new InstitutionStore(l).put(hardware);
        });

        assertThat(ledger.reader(InstitutionStore::new).require("UniversityMSP")).isEqualTo(university);
        assertThat(ledger.reader(InstitutionStore::new).find("CollegeMSP")).isEmpty();
        assertThat(ledger.reader(InstitutionStore::new).all()).containsExactly(hardware, university);
        assertRefused(() -> ledger.reader(InstitutionStore::new).require("CollegeMSP"),
                ErrorCode.INSTITUTION_NOT_REGISTERED).hasMessageContaining("CollegeMSP has not registered");
    }
}
