package org.creditbank.model.learner;

/**
 * A learner's credit-bank account as world state knows it: the random account number, the
 * institution that opened it and when. No name, birth date or id number is ever stored here; those
 * live in the serving institution's private data collection (see {@link PersonalData}).
 *
 * @param openedTxId the transaction that opened it, so that a retried opening can tell it found an
 *                   account an earlier request made; absent on accounts opened before it was kept
 */
public record LearnerAccount(String accountNo, String openedBy, String openedAt, String openedTxId) {
}
