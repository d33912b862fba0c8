package org.creditbank.chaincode.state;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Learners' personal data, kept by each institution in its own private data collection
 * {@code PII_<MSP id>} (only its peers store it; the chain keeps only the hash), under the account
 * number. The only place that collection name is built: {@code network/collections.json} defines
 * the same names.
 */
public final class PersonalDataStore {

    private final Ledger ledger;

    PersonalDataStore(Ledger ledger) {
        this.ledger = ledger;
    }

    /** The private data collection an institution keeps its learners' personal data in. */
    public static String collectionOf(String mspId) {
        return "PII_" + mspId;
    }

    public void put(String mspId, String accountNo, byte[] personalData) {
        ledger.putPrivate(collectionOf(mspId), accountNo, personalData);
    }

    /** The account {@code mspId}'s student number {@code studentNumber} belongs to, from its own collection. */
    public Optional<String> accountOfStudentNumber(String mspId, String studentNumber) {
        byte[] bytes = ledger.getPrivate(collectionOf(mspId), studentNumberKey(studentNumber));
        return bytes == null || bytes.length == 0 ? Optional.empty()
                : Optional.of(new String(bytes, StandardCharsets.UTF_8));
    }

    /** Makes the student number find the account (in the institution's collection only). */
    public void putStudentNumber(String mspId, String studentNumber, String accountNo) {
        ledger.putPrivate(collectionOf(mspId), studentNumberKey(studentNumber), accountNo.getBytes(StandardCharsets.UTF_8));
    }

    /** Erases the student number's lookup entry, value and history, from every peer. */
    public void purgeStudentNumber(String mspId, String studentNumber) {
        ledger.purgePrivate(collectionOf(mspId), studentNumberKey(studentNumber));
    }

    private String studentNumberKey(String studentNumber) {
        return ledger.key(Keys.STUDENT_NUMBER, studentNumber);
    }

    /** The personal data {@code mspId} holds for the account; only that institution's peers can answer. */
    public Optional<byte[]> find(String mspId, String accountNo) {
        byte[] bytes = ledger.getPrivate(collectionOf(mspId), accountNo);
        return bytes == null || bytes.length == 0 ? Optional.empty() : Optional.of(bytes);
    }

    /** Whether {@code mspId} holds personal data for the account, from the hash every peer has. */
    public boolean holds(String mspId, String accountNo) {
        byte[] hash = ledger.privateHash(collectionOf(mspId), accountNo);
        return hash != null && hash.length > 0;
    }

    /** Removes the value and its history from every peer; the hash on the chain stays. */
    public void purge(String mspId, String accountNo) {
        ledger.purgePrivate(collectionOf(mspId), accountNo);
    }
}
