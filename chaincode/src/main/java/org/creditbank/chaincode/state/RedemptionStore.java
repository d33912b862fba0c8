package org.creditbank.chaincode.state;

import java.util.List;
import java.util.Optional;
import org.creditbank.chaincode.Refusal;
import org.creditbank.model.ErrorCode;
import org.creditbank.model.RecordId;
import org.creditbank.model.history.HistoryEntry;
import org.creditbank.model.points.Redemption;
import org.creditbank.model.points.SpentPoints;

/**
 * Redemptions in world state under (enterprise, localId), and the enterprise's spent points: the
 * only place these keys are built. A decided redemption and the spent points can afterwards be
 * endorsed only by the deciding AUTHORITY's peers.
 */
public final class RedemptionStore {

    private final Ledger ledger;

    RedemptionStore(Ledger ledger) {
        this.ledger = ledger;
    }

    public Optional<Redemption> find(String id) {
        return keyOf(id).flatMap(key -> ledger.get(key, Redemption.class));
    }

    /** The redemption, or a NOT_FOUND refusal (also for an id that is no redemption id). */
    public Redemption require(String id) {
        return find(id).orElseThrow(() -> Refusal.of(ErrorCode.NOT_FOUND, "no redemption " + id));
    }

    /** Every redemption of the enterprise, in id order. */
    public List<Redemption> of(String enterprise) {
        return ledger.scan(Redemption.class, Keys.REDEMPTION, enterprise);
    }

    public List<HistoryEntry> history(String id) {
        require(id);
        return ledger.history(keyOf(id).orElseThrow());
    }

    /** Writes a new application. */
    public void add(Redemption redemption) {
        ledger.put(keyOf(redemption.id()).orElseThrow(), redemption);
    }

    /** Writes the decision, endorsable from now on only by the deciding authority's peers. */
    public void decide(Redemption redemption) {
        String key = keyOf(redemption.id()).orElseThrow();
        ledger.put(key, redemption);
        ledger.restrictEndorsementTo(key, redemption.decidedBy());
    }

    /** What the enterprise has spent; zero before its first approval. Reading it is what makes approvals conflict. */
    public SpentPoints spent(String enterprise) {
        return ledger.get(spentKey(enterprise), SpentPoints.class)
                .orElse(new SpentPoints(enterprise, 0, null, null, null));
    }

    /** Writes the enterprise's new spent total, endorsable only by the approving authority's peers. */
    public void putSpent(SpentPoints spent, String authority) {
        String key = spentKey(spent.enterprise());
        ledger.put(key, spent);
        ledger.restrictEndorsementTo(key, authority);
    }

    private Optional<String> keyOf(String id) {
        return RecordId.parse(id).filter(r -> r.kind() == RecordId.Kind.REDEMPTION)
                .map(r -> ledger.key(Keys.REDEMPTION, r.institution(), r.localId()));
    }

    private String spentKey(String enterprise) {
        return ledger.key(Keys.POINTS_SPENT, enterprise);
    }
}
