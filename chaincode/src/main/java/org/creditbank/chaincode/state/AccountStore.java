package org.creditbank.chaincode.state;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.creditbank.chaincode.Refusal;
import org.creditbank.model.ErrorCode;
import org.creditbank.model.Violation;
import org.creditbank.model.learner.AccountNumber;
import org.creditbank.model.learner.LearnerAccount;

/**
 * Learner accounts (学习账户) in world state, under their account number: the only place the
 * account key is built. An account can afterwards be endorsed only by the peers of the institution
 * that opened it.
 */
public final class AccountStore {

    private final Ledger ledger;

    AccountStore(Ledger ledger) {
        this.ledger = ledger;
    }

    public Optional<LearnerAccount> find(String accountNo) {
        return ledger.get(key(accountNo), LearnerAccount.class);
    }

    /** Refuses, as an invalid field {@code accountNo}, a number that is no credit-bank account number. */
    public static void requireValidNumber(String accountNo) {
        if (!AccountNumber.isValid(accountNo)) {
            throw Refusal.invalid(List.of(new Violation(ErrorCode.INVALID_FIELD, "accountNo",
                    "accountNo is not a valid credit-bank account number")));
        }
    }

    /** The account, or an ACCOUNT_NOT_FOUND refusal. */
    public LearnerAccount require(String accountNo) {
        return find(accountNo).orElseThrow(() -> notFound(accountNo));
    }

    /** Refuses with ACCOUNT_NOT_FOUND unless the account exists (without reading it as a record). */
    public void requireExists(String accountNo) {
        if (!ledger.exists(key(accountNo))) {
            throw notFound(accountNo);
        }
    }

    /** Which of these account numbers have an account, read in one round trip (each number once). */
    public Set<String> existing(List<String> accountNos) {
        List<String> distinct = accountNos.stream().distinct().toList();
        List<Boolean> found = ledger.existAll(distinct.stream().map(this::key).toList());
        Set<String> existing = new HashSet<>();
        for (int i = 0; i < distinct.size(); i++) {
            if (found.get(i)) {
                existing.add(distinct.get(i));
            }
        }
        return existing;
    }

    /** Writes a newly opened account, endorsable from now on only by the institution that opened it. */
    public void open(LearnerAccount account) {
        String key = key(account.accountNo());
        ledger.put(key, account);
        ledger.restrictEndorsementTo(key, account.openedBy());
    }

    private String key(String accountNo) {
        return ledger.key(Keys.ACCOUNT, accountNo);
    }

    private static Refusal notFound(String accountNo) {
        return Refusal.of(ErrorCode.ACCOUNT_NOT_FOUND, "no learner account " + accountNo);
    }
}
