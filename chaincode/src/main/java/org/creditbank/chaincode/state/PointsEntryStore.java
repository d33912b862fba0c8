package org.creditbank.chaincode.state;

import java.util.List;
import java.util.Optional;
import org.creditbank.model.points.PointsEntry;

/**
 * Points entries in world state, one per counted fact under (enterprise, counted record id): the
 * key follows from the fact alone, so a retried or second claim of the same fact finds the entry
 * instead of adding one, and an accrual reads and writes that one key and no shared one. An
 * enterprise's entries are one range, which its balance scans. Unlike other records they get no
 * key-level policy: the writer is the beneficiary, so it must not be the only endorser of its own
 * points; entries are never changed, and the chaincode-level policy (several members) guards them.
 */
public final class PointsEntryStore {

    private final Ledger ledger;

    PointsEntryStore(Ledger ledger) {
        this.ledger = ledger;
    }

    public Optional<PointsEntry> find(String enterprise, String countedId) {
        return ledger.get(key(enterprise, countedId), PointsEntry.class);
    }

    /** Every entry of the enterprise, in key order. */
    public List<PointsEntry> of(String enterprise) {
        return ledger.scan(PointsEntry.class, Keys.POINTS_ENTRY, enterprise);
    }

    public void add(PointsEntry entry) {
        ledger.put(key(entry.enterprise(), entry.countedId()), entry);
    }

    private String key(String enterprise, String countedId) {
        return ledger.key(Keys.POINTS_ENTRY, enterprise, countedId);
    }
}
