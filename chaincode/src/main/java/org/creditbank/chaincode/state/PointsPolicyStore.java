package org.creditbank.chaincode.state;

import java.util.List;
import java.util.Optional;
import org.creditbank.chaincode.Refusal;
import org.creditbank.model.ErrorCode;
import org.creditbank.model.points.PointsPolicy;

/**
 * Points policy versions in world state, one entry per version (zero-padded, so a range scan lists
 * them in order): the only place that key is built. A version can be endorsed only by its
 * publisher's peers.
 */
public final class PointsPolicyStore {

    private final Ledger ledger;

    PointsPolicyStore(Ledger ledger) {
        this.ledger = ledger;
    }

    public Optional<PointsPolicy> find(int version) {
        return ledger.get(key(version), PointsPolicy.class);
    }

    /** The version, or a NOT_FOUND refusal. */
    public PointsPolicy require(int version) {
        return find(version).orElseThrow(() -> Refusal.of(ErrorCode.NOT_FOUND, "no points policy version " + version));
    }

    /** Every published version, oldest first. */
    public List<PointsPolicy> all() {
        return ledger.scan(PointsPolicy.class, Keys.POINTS_POLICY);
    }

    /** Writes a version, endorsable only by its publisher's peers. */
    public void put(PointsPolicy policy) {
        String key = key(policy.terms().version());
        ledger.put(key, policy);
        ledger.restrictEndorsementTo(key, policy.publisher());
    }

    private String key(int version) {
        return ledger.key(Keys.POINTS_POLICY, Keys.version(version));
    }
}
