package org.creditbank.chaincode.state;

import java.util.Optional;
import org.creditbank.chaincode.Refusal;
import org.creditbank.model.ErrorCode;
import org.creditbank.model.qualification.Qualification;

/**
 * Qualifications in world state, under (owner, code): the only place that key is built. A new
 * version replaces the old one under the same key (the key's history keeps every version) and can
 * be endorsed only by the owner's peers.
 */
public final class QualificationStore {

    private final Ledger ledger;

    QualificationStore(Ledger ledger) {
        this.ledger = ledger;
    }

    public Optional<Qualification> find(String owner, String code) {
        return ledger.get(key(owner, code), Qualification.class);
    }

    /** The qualification, or a NOT_FOUND refusal. */
    public Qualification require(String owner, String code) {
        return find(owner, code)
                .orElseThrow(() -> Refusal.of(ErrorCode.NOT_FOUND, "no qualification " + code + " of " + owner));
    }

    /** Writes a version of the qualification, endorsable only by its owner's peers. */
    public void put(Qualification qualification) {
        String key = key(qualification.owner(), qualification.terms().code());
        ledger.put(key, qualification);
        ledger.restrictEndorsementTo(key, qualification.owner());
    }

    private String key(String owner, String code) {
        return ledger.key(Keys.QUALIFICATION, owner, code);
    }
}
