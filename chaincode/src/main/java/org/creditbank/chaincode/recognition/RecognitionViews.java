package org.creditbank.chaincode.recognition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.creditbank.chaincode.state.OutcomeStore;
import org.creditbank.chaincode.state.RecognitionStore;
import org.creditbank.model.outcome.Outcome;
import org.creditbank.model.outcome.OutcomeStatus;
import org.creditbank.model.recognition.Recognition;
import org.creditbank.model.recognition.RecognitionView;

/**
 * Recognitions as readers see them: each with the current status of every source outcome it
 * stands on (a recognition is in force only while all of them are ACTIVE). The one place a
 * recognition and its sources' statuses are put together, for the recognition, transcript,
 * qualification and verification contracts alike.
 */
public final class RecognitionViews {

    private RecognitionViews() {
    }

    /** A recognition with the current status of each of its sources, read from {@code outcomes}. */
    public static RecognitionView of(Recognition recognition, OutcomeStore outcomes) {
        return view(recognition, sourceId -> outcomes.require(sourceId).status());
    }

    /**
     * All recognitions of a learner, by any institution, in id order. Their sources are always the
     * learner's own outcomes (a recognition of another learner's outcome is refused), so the
     * statuses come from {@code learnersOutcomes}, already read, instead of a second read per source.
     */
    public static List<RecognitionView> forLearner(RecognitionStore recognitions, OutcomeStore outcomes,
                                                   String learner, List<Outcome> learnersOutcomes) {
        Map<String, OutcomeStatus> known = new HashMap<>();
        learnersOutcomes.forEach(o -> known.put(o.id(), o.status()));
        List<RecognitionView> views = new ArrayList<>();
        for (Recognition recognition : recognitions.forLearner(learner)) {
            views.add(view(recognition, sourceId -> known.computeIfAbsent(sourceId,
                    missing -> outcomes.require(missing).status())));
        }
        return views;
    }

    private static RecognitionView view(Recognition recognition, Function<String, OutcomeStatus> statusOf) {
        Map<String, OutcomeStatus> statuses = new TreeMap<>();
        for (String sourceId : recognition.request().sourceOutcomeIds()) {
            statuses.put(sourceId, statusOf.apply(sourceId));
        }
        return RecognitionView.of(recognition, statuses);
    }
}
