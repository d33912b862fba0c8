package org.creditbank.model.teacher;

/**
 * That learner account {@code accountNo} is a teacher of {@code school} (a SCHOOL): what makes the
 * account's outcomes graded by the school's rule. The account stays an ordinary pseudonymous learner
 * account (teachers learn too, and their training is issued to it like any outcome); this record
 * adds no name or staff number, only the account number. One appointment per account at a time:
 * another school appoints the teacher once this one has ended it.
 */
public record TeacherAppointment(
        String accountNo,
        String school,
        AppointmentStatus status,
        String appointedAt,
        String txId,
        String endedAt,
        String endReason,
        String changedBy) {

    public static TeacherAppointment appointed(String accountNo, String school, String at, String txId, String by) {
        return new TeacherAppointment(accountNo, school, AppointmentStatus.ACTIVE, at, txId, null, null, by);
    }

    public TeacherAppointment ended(String reason, String at, String by) {
        return new TeacherAppointment(accountNo, school, AppointmentStatus.ENDED, appointedAt, txId, at, reason, by);
    }
}
