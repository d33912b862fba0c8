package org.creditbank.chaincode.state;

import java.util.List;
import org.creditbank.model.ObjectTypes;
import org.creditbank.model.demand.SchoolMajor;

/**
 * Schools' majors in world state, one entry per version under (school, major code, version), so
 * one major's versions are one range in order: the only place this key is built. A version can be
 * endorsed only by its school's peers.
 */
public final class MajorStore {

    private final Ledger ledger;

    MajorStore(Ledger ledger) {
        this.ledger = ledger;
    }

    /** Every published version of the school's major, oldest first (empty when there is none). */
    public List<SchoolMajor> versions(String school, String majorCode) {
        return ledger.scan(SchoolMajor.class, ObjectTypes.MAJOR, school, majorCode);
    }

    public void put(SchoolMajor major) {
        String key = ledger.key(ObjectTypes.MAJOR, major.school(), major.terms().majorCode(), Keys.version(major.terms().version()));
        ledger.put(key, major);
        ledger.restrictEndorsementTo(key, major.school());
    }
}
