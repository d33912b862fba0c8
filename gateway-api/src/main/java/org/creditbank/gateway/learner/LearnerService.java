package org.creditbank.gateway.learner;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.creditbank.gateway.ApiException;
import org.creditbank.gateway.auth.Principal;
import org.creditbank.gateway.ledger.LedgerCall;
import org.creditbank.gateway.ledger.LedgerClient;
import org.creditbank.gateway.ledger.LedgerResult;
import org.creditbank.gateway.ledger.Receipt;
import org.creditbank.model.ErrorCode;
import org.creditbank.model.Violation;
import org.creditbank.model.json.CanonicalJson;
import org.creditbank.model.learner.AccountNumber;
import org.creditbank.model.learner.LearnerAccount;
import org.creditbank.model.learner.PersonalData;
import org.creditbank.model.transcript.Transcript;

/**
 * Learner accounts and transcripts. The gateway draws the random account number (the chaincode
 * has no randomness), unless the registrar sends an idempotency key, from which the chaincode
 * derives the number, so that a retry finds the account the first attempt opened. A learner may
 * read only the transcript of the account their token is bound to.
 */
public final class LearnerService {

    /** The request header that carries the opening key of {@link AccountNumber}. */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final LedgerClient ledger;
    private final SecureRandom random = new SecureRandom();

    public LearnerService(LedgerClient ledger) {
        this.ledger = ledger;
    }

    /**
     * Opens an account: a new one with a fresh random number when {@code idempotencyKey} is null
     * (a retry then opens another), else the one of this institution and key, created by the first
     * request with the key and returned as it is to every later one.
     */
    public Receipt<LearnerAccount> openAccount(Principal registrar, String idempotencyKey) {
        if (idempotencyKey == null) {
            String number = AccountNumber.random(random);
            return Receipt.of(ledger.submit(registrar.identity(), LedgerCall.of("learner:openAccount", number)),
                    LearnerAccount.class);
        }
        if (!AccountNumber.isValidOpeningKey(idempotencyKey)) {
            throw ApiException.invalid(List.of(new Violation(ErrorCode.INVALID_FIELD, IDEMPOTENCY_KEY,
                    "the Idempotency-Key header must be a UUID, drawn once per learner you enrol (not a student number)")));
        }
        LedgerResult r = ledger.submit(registrar.identity(), LedgerCall.repeatable("learner:openAccountForKey", idempotencyKey));
        return Receipt.of(r, LearnerAccount.class, account -> r.committedAs(account.openedTxId()));
    }

    /**
     * What a registrar sends to keep a learner's personal data: the name, and optionally the birth
     * date, national id and the school's own student number (学号, which then finds the account). The account comes from the path and the salt is drawn here, so that no
     * client has to know how the on-chain hash is made unguessable.
     */
    public record PersonalDetails(String name, String birthDate, String nationalId, String studentNumber) {
    }

    /** What the ledger now holds of a learner's personal data: where, and its hash; never the data. */
    public record PersonalDataReceipt(String accountNo, String collection, String hash) {
    }

    /** What an erasure removed. */
    public record Purge(String accountNo, boolean purged) {
    }

    /**
     * Keeps the learner's personal data in this institution's private collection. It travels in the
     * transient map ({@link PersonalData#TRANSIENT_KEY}), never in the arguments: those stay in the block
     * for good, and an erasure could not remove them.
     */
    public Receipt<PersonalDataReceipt> putPersonalData(Principal registrar, String accountNo, PersonalDetails details) {
        byte[] salt = new byte[24];
        random.nextBytes(salt);
        PersonalData data = new PersonalData(accountNo, details.name(), details.birthDate(), details.nationalId(),
                Base64.getUrlEncoder().withoutPadding().encodeToString(salt), details.studentNumber());
        ApiException.throwIfAny(data.validate());
        LedgerResult r = ledger.submit(registrar.identity(), LedgerCall.withTransient("learner:putPersonalData",
                Map.of(PersonalData.TRANSIENT_KEY, CanonicalJson.toBytes(data))));
        return Receipt.of(r, PersonalDataReceipt.class);
    }

    /** The personal data this institution holds for the account (only its own collection is readable to it). */
    public PersonalData personalData(Principal registrar, String accountNo) {
        return CanonicalJson.read(ledger.evaluate(registrar.identity(), LedgerCall.of("learner:getPersonalData", accountNo)),
                PersonalData.class);
    }

    /**
     * The learner's name alone, as this institution holds it, read with {@code identity} (the
     * gateway's own, read-only one) for a credential the learner asked to carry it; NOT_FOUND when
     * it holds none.
     */
    public String nameOnCredential(String identity, String accountNo) {
        return CanonicalJson.read(ledger.evaluate(identity, LedgerCall.of("learner:nameOnCredential", accountNo)),
                JsonNode.class).path("name").asText();
    }

    /** Erases the personal data from every peer of this institution; the account and its records stay and still verify. */
    public Receipt<Purge> purgePersonalData(Principal registrar, String accountNo) {
        return Receipt.of(ledger.submit(registrar.identity(), LedgerCall.of("learner:purgePersonalData", accountNo)),
                Purge.class);
    }

    /** Everything on a learner's account across institutions; a learner sees only their own. */
    public Transcript transcript(Principal caller, String accountNo) {
        if (!caller.mayReadRecordsOf(accountNo)) {
            throw ApiException.notFound("no learner account " + accountNo);
        }
        return CanonicalJson.read(ledger.evaluate(caller.identity(), LedgerCall.of("transcript:transcript", accountNo)),
                Transcript.class);
    }

    /** A learner found by this institution's own student number (学号), kept only in its private collection. */
    public record StudentNumberMatch(String accountNo, String studentNumber) {
    }

    /** The account this institution gave {@code studentNumber}; NOT_FOUND when it gave none. */
    public StudentNumberMatch findByStudentNumber(Principal registrar, String studentNumber) {
        ApiException.throwIfAny(PersonalData.studentNumberViolations(studentNumber));
        return CanonicalJson.read(ledger.evaluate(registrar.identity(),
                LedgerCall.of("learner:findByStudentNumber", studentNumber)), StudentNumberMatch.class);
    }
}
