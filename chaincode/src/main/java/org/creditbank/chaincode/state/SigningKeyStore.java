package org.creditbank.chaincode.state;

import java.util.List;
import java.util.Optional;
import org.creditbank.model.institution.SigningKey;

/**
 * Institutions' Ed25519 signing keys in world state, under MSP id and publicKeyMultibase: the
 * only place that key is built. A key entry can be endorsed only by its own organisation's peers.
 */
public final class SigningKeyStore {

    private final Ledger ledger;

    SigningKeyStore(Ledger ledger) {
        this.ledger = ledger;
    }

    public Optional<SigningKey> find(String mspId, String publicKeyMultibase) {
        return ledger.get(key(mspId, publicKeyMultibase), SigningKey.class);
    }

    /** Writes a key entry; a new one becomes endorsable only by its institution's own peers. */
    public void put(SigningKey signingKey, boolean isNew) {
        String key = key(signingKey.mspId(), signingKey.publicKeyMultibase());
        ledger.put(key, signingKey);
        if (isNew) {
            ledger.restrictEndorsementTo(key, signingKey.mspId());
        }
    }

    /** Every institution's keys, retired ones included. */
    public List<SigningKey> all() {
        return ledger.scan(SigningKey.class, Keys.SIGNING_KEY);
    }

    /** One institution's keys, retired ones included. */
    public List<SigningKey> of(String mspId) {
        return ledger.scan(SigningKey.class, Keys.SIGNING_KEY, mspId);
    }

    private String key(String mspId, String publicKeyMultibase) {
        return ledger.key(Keys.SIGNING_KEY, mspId, publicKeyMultibase);
    }
}
