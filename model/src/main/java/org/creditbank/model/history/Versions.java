package org.creditbank.model.history;

import java.util.List;

/**
 * A record as it stands now and every version it went through, oldest first: what a read of a
 * record that changes in place (a talent demand) answers, so that nobody sees a plan without the
 * plans it replaced.
 */
public record Versions<T>(T current, List<HistoryEntry> history) {

    public Versions {
        history = List.copyOf(history);
    }
}
