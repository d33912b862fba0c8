package org.creditbank.model.demand;

/** A version of the warning thresholds on the ledger: the AUTHORITY that published it, when, and the thresholds. */
public record PublishedThresholds(String publisher, WarningThresholds thresholds, String publishedAt, String txId,
                                  String changedBy) {
}
