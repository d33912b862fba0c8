package org.creditbank.chaincode.state;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.creditbank.chaincode.Refusal;
import org.creditbank.model.ErrorCode;
import org.creditbank.model.ObjectTypes;
import org.creditbank.model.RecordId;
import org.creditbank.model.history.HistoryEntry;
import org.creditbank.model.outcome.Outcome;

/**
 * Learning outcomes in world state: the record under (issuer, localId), the learner's index entry
 * pointing to it, and the list of what each issuing transaction issued (for status lists). The
 * only place these three keys are built. Every record and issuance list can afterwards be endorsed
 * only by the issuer's peers.
 */
public final class OutcomeStore {

    private final Ledger ledger;

    OutcomeStore(Ledger ledger) {
        this.ledger = ledger;
    }

    /** The outcome with this id, or a NOT_FOUND refusal (also for an id that is no outcome id). */
    public Outcome require(String id) {
        return find(id).orElseThrow(() -> notFound(id));
    }

    public Optional<Outcome> find(String id) {
        return keyOf(id).flatMap(key -> ledger.get(key, Outcome.class));
    }

    /** The outcomes with these ids, in their order, read in one round trip; all must exist. */
    public List<Outcome> requireAll(List<String> ids) {
        List<String> keys = ids.stream().map(id -> keyOf(id).orElseThrow(() -> notFound(id))).toList();
        List<Optional<Outcome>> found = ledger.getAll(keys, Outcome.class);
        List<Outcome> outcomes = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            final String id = ids.get(i);
            outcomes.add(found.get(i).orElseThrow(() -> notFound(id)));
        }
        return outcomes;
    }

    /** All outcomes of a learner, in id order, found through the learner's own index entries. */
    public List<Outcome> forLearner(String learner) {
        return requireAll(ledger.indexValues(Keys.LEARNER_OUTCOME, learner));
    }

    /** The record already stored under {@code candidate}'s key, if any: what a retry finds. */
    public Optional<Outcome> stored(Outcome candidate) {
        return ledger.get(key(candidate), Outcome.class);
    }

    /**
     * For each candidate, the record already stored under its key, read in one round trip; empty
     * for a {@code null} candidate (a refused item of a batch), which is not read.
     */
    public List<Optional<Outcome>> storedAll(List<Outcome> candidates) {
        List<String> keys = candidates.stream().filter(Objects::nonNull).map(this::key).toList();
        Iterator<Optional<Outcome>> read = ledger.getAll(keys, Outcome.class).iterator();
        return candidates.stream().map(o -> o == null ? Optional.<Outcome>empty() : read.next()).toList();
    }

    /** Every version of the outcome, oldest first; NOT_FOUND when there is none. */
    public List<HistoryEntry> history(String id) {
        return ledger.history(key(require(id)));
    }

    /** Writes a new outcome: the record, endorsable only by its issuer, and the learner's index entry. */
    public void add(Outcome outcome) {
        String key = key(outcome);
        ledger.put(key, outcome);
        ledger.restrictEndorsementTo(key, outcome.issuer());
        ledger.putIndex(ledger.key(Keys.LEARNER_OUTCOME, outcome.draft().learner(), outcome.id()), outcome.id());
    }

    /** Writes a new version of a stored outcome (a status change); its key and policy stay. */
    public void update(Outcome outcome) {
        ledger.put(key(outcome), outcome);
    }

    /** Records what this transaction issued, in order; only the issuer's peers may ever change it. */
    public void recordIssuance(String issuer, List<String> ids) {
        String key = ledger.key(Keys.ISSUANCE, issuer, ledger.txId());
        ledger.put(key, ids);
        ledger.restrictEndorsementTo(key, issuer);
    }

    /** The ids that transaction {@code txId} of {@code issuer} issued, in issuance order, if it issued any. */
    public Optional<List<String>> issuedIn(String issuer, String txId) {
        return ledger.get(ledger.key(Keys.ISSUANCE, issuer, txId), String[].class).map(List::of);
    }

    /** An outcome's key: (issuer, localId), so that one issuer's records form one range. */
    private String key(Outcome outcome) {
        return ledger.key(ObjectTypes.OUTCOME, outcome.issuer(), outcome.draft().localId());
    }

    /** The key of the outcome with this id, (issuer, localId); empty when {@code id} is no outcome id. */
    private Optional<String> keyOf(String id) {
        return RecordId.parse(id).filter(r -> r.kind() == RecordId.Kind.OUTCOME)
                .map(r -> ledger.key(ObjectTypes.OUTCOME, r.institution(), r.localId()));
    }

    private static Refusal notFound(String id) {
        return Refusal.of(ErrorCode.NOT_FOUND, "no outcome " + id);
    }
}
