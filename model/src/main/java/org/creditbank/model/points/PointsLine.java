package org.creditbank.model.points;

import org.creditbank.model.outcome.OutcomeStatus;

/**
 * A points entry as read back: with the current status of the fact behind it (ACTIVE, SUSPENDED, or
 * REVOKED for a revoked outcome, a recognition with a revoked source or a withdrawn confirmation)
 * and the points it counts for now: all of them while ACTIVE, none otherwise.
 */
public record PointsLine(PointsEntry entry, OutcomeStatus factStatus, int effectivePoints) {

    public static PointsLine of(PointsEntry entry, OutcomeStatus factStatus) {
        return new PointsLine(entry, factStatus, factStatus == OutcomeStatus.ACTIVE ? entry.points() : 0);
    }
}
