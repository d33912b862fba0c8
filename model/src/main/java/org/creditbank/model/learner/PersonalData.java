package org.creditbank.model.learner;

import java.util.List;
import org.creditbank.model.Violation;
import org.creditbank.model.Violations;

/**
 * Personal data an institution keeps about a learner it serves, in its own private data
 * collection, keyed by account number. It arrives in the transient map (never in transaction
 * arguments, which are on the ledger for good). {@code salt} is random and makes the on-chain hash
 * of this record impossible to guess from a name and birth date.
 *
 * @param studentNumber the institution's own student number (学号), optional: kept in the same
 *                      private collection with a lookup entry, so a registrar finds the account by
 *                      it, and it never reaches the shared ledger
 */
public record PersonalData(String accountNo, String name, String birthDate, String nationalId, String salt,
                           String studentNumber) {

    /**
     * The key of the transient-map entry that carries this record's JSON to the chaincode: the
     * gateway writes it, the contract reads it.
     */
    public static final String TRANSIENT_KEY = "personal";

    /** Why {@code studentNumber} is no student number a lookup can be made by (empty when it is one). */
    public static List<Violation> studentNumberViolations(String studentNumber) {
        Violations v = new Violations();
        v.code(studentNumber, "studentNumber");
        return v.list();
    }

    public List<Violation> validate() {
        Violations v = new Violations();
        v.check(AccountNumber.isValid(accountNo), "accountNo", "accountNo is not a valid credit-bank account number");
        v.text(name, "name", 100, true);
        v.date(birthDate, "birthDate", false);
        v.text(nationalId, "nationalId", 40, false);
        if (studentNumber != null) {
            v.code(studentNumber, "studentNumber");
        }
        v.check(salt != null && salt.length() >= 16 && salt.length() <= 128, "salt",
                "salt must be 16-128 random characters");
        return v.list();
    }
}
