package org.creditbank.model.history;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One version of a ledger record in its change history: which transaction wrote it, when, who
 * (the record's {@code changedBy}), which top-level fields changed against the previous version
 * and the record as it was then.
 */
public record HistoryEntry(String txId, String timestamp, String changedBy, List<String> changedFields,
                           JsonNode record) {
}
