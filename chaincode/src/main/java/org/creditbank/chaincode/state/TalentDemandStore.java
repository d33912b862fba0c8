package org.creditbank.chaincode.state;

import java.util.List;
import java.util.Optional;
import org.creditbank.chaincode.Refusal;
import org.creditbank.model.ErrorCode;
import org.creditbank.model.ObjectTypes;
import org.creditbank.model.RecordId;
import org.creditbank.model.demand.TalentDemand;
import org.creditbank.model.history.HistoryEntry;

/**
 * Talent demand in world state under (enterprise, localId), one key per plan that each update
 * rewrites, so the key's history is the plan's versions: the only place this key is built. Each
 * plan can be endorsed only by its enterprise's peers; one enterprise's plans are one range and no
 * two enterprises share a key.
 */
public final class TalentDemandStore {

    private final Ledger ledger;

    TalentDemandStore(Ledger ledger) {
        this.ledger = ledger;
    }

    public Optional<TalentDemand> find(String id) {
        return keyOf(id).flatMap(key -> ledger.get(key, TalentDemand.class));
    }

    /** The demand, or a NOT_FOUND refusal (also for an id that is no demand id). */
    public TalentDemand require(String id) {
        return find(id).orElseThrow(() -> Refusal.of(ErrorCode.NOT_FOUND, "no talent demand " + id));
    }

    public List<HistoryEntry> history(String id) {
        require(id);
        return ledger.history(keyOf(id).orElseThrow());
    }

    /** Writes a version: the first one makes the key endorsable only by the enterprise's peers. */
    public void put(TalentDemand demand) {
        String key = keyOf(demand.id()).orElseThrow();
        ledger.put(key, demand);
        if (demand.version() == 1) {
            ledger.restrictEndorsementTo(key, demand.enterprise());
        }
    }

    private Optional<String> keyOf(String id) {
        return RecordId.parse(id).filter(r -> r.kind() == RecordId.Kind.DEMAND)
                .map(r -> ledger.key(ObjectTypes.DEMAND, r.institution(), r.localId()));
    }
}
