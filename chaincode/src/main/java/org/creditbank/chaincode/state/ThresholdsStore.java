package org.creditbank.chaincode.state;

import java.util.List;
import org.creditbank.model.ObjectTypes;
import org.creditbank.model.demand.PublishedThresholds;

/**
 * The AUTHORITY's warning thresholds in world state, one entry per version (zero-padded, so a
 * range lists them in order; the last is in force): the only place this key is built. A version can
 * be endorsed only by its publisher's peers.
 */
public final class ThresholdsStore {

    private final Ledger ledger;

    ThresholdsStore(Ledger ledger) {
        this.ledger = ledger;
    }

    /** Every published version, oldest first. */
    public List<PublishedThresholds> all() {
        return ledger.scan(PublishedThresholds.class, ObjectTypes.WARNING_THRESHOLDS);
    }

    public void put(PublishedThresholds published) {
        String key = ledger.key(ObjectTypes.WARNING_THRESHOLDS, Keys.version(published.thresholds().version()));
        ledger.put(key, published);
        ledger.restrictEndorsementTo(key, published.publisher());
    }
}
