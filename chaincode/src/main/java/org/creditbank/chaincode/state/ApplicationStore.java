package org.creditbank.chaincode.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.creditbank.chaincode.Refusal;
import org.creditbank.model.ErrorCode;
import org.creditbank.model.ObjectTypes;
import org.creditbank.model.RecordId;
import org.creditbank.model.history.HistoryEntry;
import org.creditbank.model.recognition.RecognitionApplication;

/**
 * Learners' recognition applications in world state: the record under (institution, localId) and
 * the learner's index entry pointing to it. The only place these keys are built. The record can be
 * endorsed only by the institution's peers: nobody else can decide it.
 */
public final class ApplicationStore {

    private final Ledger ledger;

    ApplicationStore(Ledger ledger) {
        this.ledger = ledger;
    }

    public Optional<RecognitionApplication> find(String id) {
        return keyOf(id).flatMap(key -> ledger.get(key, RecognitionApplication.class));
    }

    /** The application, or a NOT_FOUND refusal (also for an id that is no application id). */
    public RecognitionApplication require(String id) {
        return find(id).orElseThrow(() -> Refusal.of(ErrorCode.NOT_FOUND, "no recognition application " + id));
    }

    /** Every application of a learner, to any institution, in id order, read in one round trip. */
    public List<RecognitionApplication> forLearner(String learner) {
        List<String> ids = ledger.indexValues(Keys.LEARNER_APPLICATION, learner);
        List<Optional<RecognitionApplication>> found = ledger.getAll(
                ids.stream().map(id -> keyOf(id).orElseThrow()).toList(), RecognitionApplication.class);
        List<RecognitionApplication> applications = new ArrayList<>(ids.size());
        found.forEach(a -> a.ifPresent(applications::add));
        return applications;
    }

    public List<HistoryEntry> history(String id) {
        require(id);
        return ledger.history(keyOf(id).orElseThrow());
    }

    /** Writes a new application and the learner's index entry, endorsable only by the institution's peers. */
    public void add(RecognitionApplication application) {
        String key = keyOf(application.id()).orElseThrow();
        ledger.put(key, application);
        ledger.restrictEndorsementTo(key, application.institution());
        ledger.putIndex(ledger.key(Keys.LEARNER_APPLICATION, application.request().learner(), application.id()),
                application.id());
    }

    /** Writes the decision (or withdrawal). */
    public void update(RecognitionApplication application) {
        ledger.put(keyOf(application.id()).orElseThrow(), application);
    }

    private Optional<String> keyOf(String id) {
        return RecordId.parse(id).filter(r -> r.kind() == RecordId.Kind.APPLICATION)
                .map(r -> ledger.key(ObjectTypes.APPLICATION, r.institution(), r.localId()));
    }
}
