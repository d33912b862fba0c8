package org.creditbank.chaincode.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.creditbank.chaincode.Refusal;
import org.creditbank.model.ErrorCode;
import org.creditbank.model.ObjectTypes;
import org.creditbank.model.history.HistoryEntry;
import org.creditbank.model.recognition.Recognition;

/**
 * Recognition decisions (学分互认) in world state: the record under its id, the learner's index
 * entry pointing to it, and one guard per source outcome saying which recognition of the
 * recognising institution counted it. The only place these three keys are built. The record and
 * its guards can be endorsed only by the recogniser's peers.
 */
public final class RecognitionStore {

    private final Ledger ledger;

    RecognitionStore(Ledger ledger) {
        this.ledger = ledger;
    }

    /** The recognition with this id; empty for an empty id. */
    public Optional<Recognition> find(String id) {
        return id == null || id.isEmpty() ? Optional.empty() : ledger.get(key(id), Recognition.class);
    }

    /** The recognition with this id, or a NOT_FOUND refusal. */
    public Recognition require(String id) {
        return find(id).orElseThrow(() -> notFound(id));
    }

    /** All recognitions of a learner, by any institution, in id order, read in one round trip. */
    public List<Recognition> forLearner(String learner) {
        List<String> ids = ledger.indexValues(Keys.LEARNER_RECOGNITION, learner);
        List<Optional<Recognition>> found = ledger.getAll(ids.stream().map(this::key).toList(), Recognition.class);
        List<Recognition> recognitions = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            final String id = ids.get(i);
            recognitions.add(found.get(i).orElseThrow(() -> notFound(id)));
        }
        return recognitions;
    }

    /** The id of the recognition in which {@code recogniser} already counted {@code sourceId}, if any. */
    public Optional<String> countedBy(String recogniser, String sourceId) {
        return ledger.indexValue(guardKey(recogniser, sourceId));
    }

    /** Every version of the recognition, oldest first; NOT_FOUND when there is none. */
    public List<HistoryEntry> history(String id) {
        require(id);
        return ledger.history(key(id));
    }

    /**
     * Writes a new decision: the record and its learner index entry, and a guard per source so
     * that the recogniser cannot count that source again. Record and guards are endorsable only by
     * the recogniser's peers.
     */
    public void add(Recognition recognition) {
        String key = key(recognition.id());
        ledger.put(key, recognition);
        ledger.restrictEndorsementTo(key, recognition.recogniser());
        ledger.putIndex(ledger.key(Keys.LEARNER_RECOGNITION, recognition.request().learner(), recognition.id()),
                recognition.id());
        for (String sourceId : recognition.request().sourceOutcomeIds()) {
            String guard = guardKey(recognition.recogniser(), sourceId);
            ledger.putIndex(guard, recognition.id());
            ledger.restrictEndorsementTo(guard, recognition.recogniser());
        }
    }

    private String key(String id) {
        return ledger.key(ObjectTypes.RECOGNITION, id);
    }

    private String guardKey(String recogniser, String sourceId) {
        return ledger.key(Keys.RECOGNISED_SOURCE, recogniser, sourceId);
    }

    private static Refusal notFound(String id) {
        return Refusal.of(ErrorCode.NOT_FOUND, "no recognition " + id);
    }
}
