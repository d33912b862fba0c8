package org.creditbank.gateway.credential;

import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.creditbank.gateway.ApiException;
import org.creditbank.model.json.CanonicalJson;
import org.creditbank.model.outcome.IssuedStatus;
import org.creditbank.model.outcome.OutcomeStatus;

/**
 * Which bit of the institution's status lists stands for which outcome, derived from the ledger
 * alone so that every gateway instance of the institution, and every restart, agrees without
 * keeping any state of its own.
 *
 * <p>Outcomes are taken in the order they were awarded ({@code awardedAt}, then id); each gets the
 * first free position from {@code hash(id) mod size} onwards (linear probing). A newly issued
 * outcome only ever takes a free position, so the positions already printed in credentials never
 * move. The one assumption: an institution's ledger timestamps do not go backwards (a backdated
 * outcome could take the position of a later one whose hash collides with it).
 */
final class StatusIndex {

    private static final Comparator<IssuedStatus> AWARD_ORDER =
            Comparator.comparing(IssuedStatus::awardedAt).thenComparing(IssuedStatus::id);

    private final Map<String, Integer> positions;

    private StatusIndex(Map<String, Integer> positions) {
        this.positions = positions;
    }

    /** Positions in a list of {@code size} bits for every outcome in {@code issued}. */
    static StatusIndex of(List<IssuedStatus> issued, int size) {
        if (issued.size() > size) {
            throw new ApiException(507, "STATUS_LIST_FULL", "this institution has issued more outcomes than one status"
                    + " list of " + size + " entries holds");
        }
        BitSet taken = new BitSet(size);
        Map<String, Integer> positions = new HashMap<>();
        issued.stream().sorted(AWARD_ORDER).forEach(outcome -> {
            int position = start(outcome.id(), size);
            while (taken.get(position)) {
                position = (position + 1) % size;
            }
            taken.set(position);
            positions.put(outcome.id(), position);
        });
        return new StatusIndex(positions);
    }

    /** The position of outcome {@code id}. */
    int positionOf(String id) {
        Integer position = positions.get(id);
        if (position == null) {
            throw new IllegalStateException("outcome " + id + " is not among the institution's issued outcomes");
        }
        return position;
    }

    /** The list's bits: set at the position of every outcome now in {@code status}. */
    BitSet bitsOf(List<IssuedStatus> issued, OutcomeStatus status) {
        BitSet bits = new BitSet();
        issued.stream().filter(o -> o.status() == status).forEach(o -> bits.set(positionOf(o.id())));
        return bits;
    }

    private static int start(String id, int size) {
        String digest = CanonicalJson.sha256Hex(id.getBytes(StandardCharsets.UTF_8));
        return Integer.remainderUnsigned(Integer.parseUnsignedInt(digest.substring(0, 8), 16), size);
    }
}
