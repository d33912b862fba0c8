package org.creditbank.chaincode.state;

import java.util.List;
import java.util.Optional;
import org.creditbank.chaincode.Refusal;
import org.creditbank.model.ErrorCode;
import org.creditbank.model.institution.Institution;

/**
 * Institution profiles in world state, under the institution's MSP id: the only place that key is
 * built. A profile can be endorsed only by its own organisation's peers.
 */
public final class InstitutionStore {

    private final Ledger ledger;

    InstitutionStore(Ledger ledger) {
        this.ledger = ledger;
    }

    public Optional<Institution> find(String mspId) {
        return ledger.get(key(mspId), Institution.class);
    }

    /** The registered institution of {@code mspId}, or a refusal saying it must register first. */
    public Institution require(String mspId) {
        return find(mspId).orElseThrow(() -> Refusal.of(ErrorCode.INSTITUTION_NOT_REGISTERED,
                mspId + " has not registered its institution profile"));
    }

    /** Every registered institution, by MSP id. */
    public List<Institution> all() {
        return ledger.scan(Institution.class, Keys.INSTITUTION);
    }

    /** Writes the profile, endorsable only by the institution's own peers. */
    public void put(Institution institution) {
        String key = key(institution.mspId());
        ledger.put(key, institution);
        ledger.restrictEndorsementTo(key, institution.mspId());
    }

    private String key(String mspId) {
        return ledger.key(Keys.INSTITUTION, mspId);
    }
}
