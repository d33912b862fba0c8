package org.creditbank.chaincode.learner;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.creditbank.chaincode.Contracts;
import org.creditbank.chaincode.Refusal;
import org.creditbank.chaincode.access.Caller;
import org.creditbank.chaincode.state.AccountStore;
import org.creditbank.chaincode.state.Ledger;
import org.creditbank.chaincode.state.LedgerContext;
import org.creditbank.chaincode.state.LedgerContract;
import org.creditbank.chaincode.state.PersonalDataStore;
import org.creditbank.model.ErrorCode;
import org.creditbank.model.Violation;
import org.creditbank.model.json.CanonicalJson;
import org.creditbank.model.learner.AccountNumber;
import org.creditbank.model.learner.LearnerAccount;
import org.creditbank.model.learner.PersonalData;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;

/**
 * Learner accounts (学习账户) and the personal data behind them. The account is opened once, by any
 * institution, and then shared by all of them; world state holds only the account number (random, or
 * derived from an opening key: see {@link AccountNumber}).
 * Each institution keeps the personal data of the learners it serves in its own private data
 * collection {@code PII_<MSP id>}, which only its peers store; the chain keeps only its hash.
 */
@Contract(name = "learner", info = @Info(title = "CreditBank learner accounts", version = "1"))
public final class LearnerContract implements LedgerContract {

    /** Opens the account with the number the caller drew at random (a retry with the same number is harmless). */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String openAccount(LedgerContext ctx, String accountNo) {
        Caller caller = Caller.of(ctx).mustWrite();
        AccountStore.requireValidNumber(accountNo);
        return open(ctx, caller, accountNo);
    }

    /**
     * Opens the account for the caller's opening key (a UUID, see {@link AccountNumber}): the
     * number is derived here from the caller's institution and the key, so every retry with the same
     * key finds the same account and no other institution's key can name it.
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String openAccountForKey(LedgerContext ctx, String openingKey) {
        Caller caller = Caller.of(ctx).mustWrite();
        if (!AccountNumber.isValidOpeningKey(openingKey)) {
            throw Refusal.invalid(List.of(new Violation(ErrorCode.INVALID_FIELD, "openingKey",
                    "an opening key is a UUID (e.g. 3f2a9c0d-1e4b-4c5d-8e6f-7a8b9c0d1e2f)")));
        }
        return open(ctx, caller, AccountNumber.forOpeningKey(caller.mspId(), openingKey));
    }

    private static String open(LedgerContext ctx, Caller caller, String accountNo) {
        Optional<LearnerAccount> existing = ctx.accounts().find(accountNo);
        if (existing.isPresent()) {
            if (existing.get().openedBy().equals(caller.mspId())) {
                return Contracts.json(existing.get()); // a retried opening by the same institution
            }
            throw Refusal.of(ErrorCode.ACCOUNT_EXISTS,
                    "account " + accountNo + " is already open (by " + existing.get().openedBy() + "); use it as it is");
        }
        Ledger ledger = ctx.ledger();
        LearnerAccount account = new LearnerAccount(accountNo, caller.mspId(), ledger.now().toString(), ledger.txId());
        ctx.accounts().open(account);
        return Contracts.json(account);
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String getAccount(LedgerContext ctx, String accountNo) {
        Caller.of(ctx).mustRead();
        return Contracts.json(ctx.accounts().require(accountNo));
    }

    /**
     * Stores the learner's personal data in the caller's own collection. The data travels in the
     * transient map under {@value PersonalData#TRANSIENT_KEY}, so it never appears in the transaction.
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String putPersonalData(LedgerContext ctx) {
        Caller caller = Caller.of(ctx).mustWrite();
        Ledger ledger = ctx.ledger();
        byte[] raw = ledger.transientData() == null ? null : ledger.transientData().get(PersonalData.TRANSIENT_KEY);
        if (raw == null || raw.length == 0) {
            throw Refusal.of(ErrorCode.PERSONAL_DATA_REQUIRED,
                    "personal data must be sent in the transient map under '" + PersonalData.TRANSIENT_KEY + "'");
        }
        PersonalData data = Contracts.parse(new String(raw, StandardCharsets.UTF_8), PersonalData.class);
        Refusal.throwIfAny(data.validate());
        ctx.accounts().require(data.accountNo());
        PersonalDataStore store = ctx.personalData();
        String previousNumber = store.find(caller.mspId(), data.accountNo())
                .map(b -> Contracts.parse(new String(b, StandardCharsets.UTF_8), PersonalData.class).studentNumber())
                .orElse(null);
        if (data.studentNumber() != null) {
            store.accountOfStudentNumber(caller.mspId(), data.studentNumber())
                    .filter(other -> !other.equals(data.accountNo())).ifPresent(other -> {
                        throw Refusal.of(ErrorCode.CONFLICT, "student number " + data.studentNumber()
                                + " already belongs to account " + other + " at " + caller.mspId());
                    });
            store.putStudentNumber(caller.mspId(), data.studentNumber(), data.accountNo());
        }
        if (previousNumber != null && !previousNumber.equals(data.studentNumber())) {
            store.purgeStudentNumber(caller.mspId(), previousNumber);
        }
        byte[] bytes = CanonicalJson.toBytes(data);
        store.put(caller.mspId(), data.accountNo(), bytes);
        Map<String, String> receipt = new TreeMap<>();
        receipt.put("accountNo", data.accountNo());
        receipt.put("collection", PersonalDataStore.collectionOf(caller.mspId()));
        receipt.put("hash", CanonicalJson.sha256Hex(bytes));
        return Contracts.json(receipt);
    }

    /** Reads the personal data the caller's own institution holds; no org can read another's. */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String getPersonalData(LedgerContext ctx, String accountNo) {
        return ownPersonalData(ctx, Caller.of(ctx).mustWrite(), accountNo);
    }

    /**
     * Only the learner's name, from the caller's own collection, for a credential the learner asked
     * to carry it: any role of the institution may read it, so the gateway's read-only identity puts
     * a name on a credential without being able to read birth dates, national ids or student numbers.
     */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String nameOnCredential(LedgerContext ctx, String accountNo) {
        PersonalData data = Contracts.parse(ownPersonalData(ctx, Caller.of(ctx).mustRead(), accountNo), PersonalData.class);
        return Contracts.json(Map.of("accountNo", accountNo, "name", data.name()));
    }

    /** The personal data the caller's own institution holds for the account; NOT_FOUND when it holds none. */
    private static String ownPersonalData(LedgerContext ctx, Caller caller, String accountNo) {
        AccountStore.requireValidNumber(accountNo);
        byte[] bytes = ctx.personalData().find(caller.mspId(), accountNo).orElseThrow(() -> Refusal.of(
                ErrorCode.NOT_FOUND, caller.mspId() + " holds no personal data for " + accountNo));
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * The account the caller's institution gave this student number (学号), from its own private
     * collection: how a registrar finds a learner by the number the school uses everywhere else.
     */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String findByStudentNumber(LedgerContext ctx, String studentNumber) {
        Caller caller = Caller.of(ctx).mustWrite();
        Refusal.throwIfAny(PersonalData.studentNumberViolations(studentNumber));
        String accountNo = ctx.personalData().accountOfStudentNumber(caller.mspId(), studentNumber).orElseThrow(() ->
                Refusal.of(ErrorCode.NOT_FOUND, caller.mspId() + " has no learner with student number " + studentNumber));
        return Contracts.json(Map.of("accountNo", accountNo, "studentNumber", studentNumber));
    }

    /** Erases the personal data from every peer (value and history); the account and records stay. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String purgePersonalData(LedgerContext ctx, String accountNo) {
        Caller caller = Caller.of(ctx).mustWrite();
        AccountStore.requireValidNumber(accountNo);
        if (!ctx.personalData().holds(caller.mspId(), accountNo)) {
            throw Refusal.of(ErrorCode.NOT_FOUND, caller.mspId() + " holds no personal data for " + accountNo);
        }
        ctx.personalData().find(caller.mspId(), accountNo)
                .map(b -> Contracts.parse(new String(b, StandardCharsets.UTF_8), PersonalData.class).studentNumber())
                .ifPresent(number -> ctx.personalData().purgeStudentNumber(caller.mspId(), number));
        ctx.personalData().purge(caller.mspId(), accountNo);
        ctx.ledger().emit("PersonalDataPurged", Map.of("accountNo", accountNo, "institution", caller.mspId()));
        return Contracts.json(Map.of("accountNo", accountNo, "purged", true));
    }
}
