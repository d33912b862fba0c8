package org.creditbank.chaincode.state;

import java.util.List;
import java.util.Optional;
import org.creditbank.chaincode.Refusal;
import org.creditbank.model.ErrorCode;
import org.creditbank.model.ObjectTypes;
import org.creditbank.model.history.HistoryEntry;
import org.creditbank.model.teacher.TeacherAppointment;

/**
 * Teachers' appointments in world state under the account number: one key per teacher, which the
 * appointing school writes and ends, its history the teacher's schools. The only place this key is
 * built. It carries no endorsement restriction: after one school ends an appointment another one
 * writes the next, so the key cannot belong to one school's peers; the chaincode-level policy
 * (several members) guards it, and the contract lets only the appointment's school end it.
 */
public final class TeacherStore {

    private final Ledger ledger;

    TeacherStore(Ledger ledger) {
        this.ledger = ledger;
    }

    public Optional<TeacherAppointment> find(String accountNo) {
        return ledger.get(key(accountNo), TeacherAppointment.class);
    }

    /** The appointment, or a NOT_FOUND refusal. */
    public TeacherAppointment require(String accountNo) {
        return find(accountNo).orElseThrow(() -> Refusal.of(ErrorCode.NOT_FOUND, "account " + accountNo
                + " has never been appointed a teacher"));
    }

    public List<HistoryEntry> history(String accountNo) {
        require(accountNo);
        return ledger.history(key(accountNo));
    }

    public void put(TeacherAppointment appointment) {
        ledger.put(key(appointment.accountNo()), appointment);
    }

    private String key(String accountNo) {
        return ledger.key(ObjectTypes.TEACHER, accountNo);
    }
}
