package org.creditbank.model.outcome;

/**
 * What a batch issuance answers for each item, in the order of the drafts: enough to address the
 * record, verify it and tell a new one (its {@code awardTxId} is this transaction) from one an
 * earlier request made. Not the whole record: the caller sent its content, and the answer travels
 * in the transaction, where 500 whole records made it a third of the block (and cost a fifth of
 * batch throughput, docs/performance.md).
 */
public record IssuedRecord(String id, String contentHash, String awardTxId, String awardedAt) {

    public static IssuedRecord of(Outcome outcome) {
        return new IssuedRecord(outcome.id(), outcome.contentHash(), outcome.awardTxId(), outcome.awardedAt());
    }
}
