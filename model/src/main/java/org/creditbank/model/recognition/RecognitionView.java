package org.creditbank.model.recognition;

import java.util.Map;
import org.creditbank.model.outcome.OutcomeStatus;

/**
 * A recognition as read back: the decision plus the current status of each source outcome and the
 * resulting effective status (REVOKED if any source is revoked, else SUSPENDED if any is suspended,
 * else ACTIVE). A revoked source therefore shows through every recognition built on it.
 */
public record RecognitionView(
        Recognition recognition,
        Map<String, OutcomeStatus> sourceStatus,
        OutcomeStatus effectiveStatus) {

    public static RecognitionView of(Recognition recognition, Map<String, OutcomeStatus> sourceStatus) {
        OutcomeStatus effective = sourceStatus.containsValue(OutcomeStatus.REVOKED) ? OutcomeStatus.REVOKED
                : sourceStatus.containsValue(OutcomeStatus.SUSPENDED) ? OutcomeStatus.SUSPENDED
                : OutcomeStatus.ACTIVE;
        return new RecognitionView(recognition, Map.copyOf(sourceStatus), effective);
    }
}
