package org.creditbank.chaincode.teacher;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.creditbank.chaincode.Contracts;
import org.creditbank.chaincode.Refusal;
import org.creditbank.chaincode.Versioning;
import org.creditbank.chaincode.access.Caller;
import org.creditbank.chaincode.institution.RequiredType;
import org.creditbank.chaincode.state.Ledger;
import org.creditbank.chaincode.state.LedgerContext;
import org.creditbank.chaincode.state.LedgerContract;
import org.creditbank.model.ErrorCode;
import org.creditbank.model.StatusReason;
import org.creditbank.model.Violation;
import org.creditbank.model.history.Versions;
import org.creditbank.model.institution.InstitutionType;
import org.creditbank.model.learner.AccountNumber;
import org.creditbank.model.teacher.AppointmentStatus;
import org.creditbank.model.teacher.GradingRule;
import org.creditbank.model.teacher.PublishedGradingRule;
import org.creditbank.model.teacher.TeacherAppointment;
import org.creditbank.model.teacher.TeacherGrading;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;

/**
 * Teachers' digital-competence grades (教师数字能力红黄绿). A teacher is an ordinary learner account
 * (pseudonymous; the name stays in the school's private collection, as a learner's does) that a
 * SCHOOL appoints; the teacher's training, enterprise practice, co-teaching and certificates are
 * outcomes issued to it; the school publishes its grading rule; the grade is computed on every read
 * from the teacher's outcomes (found through the account's own index, never a range over everyone's)
 * and the school's rule in force, so it always follows the outcomes' current status.
 */
@Contract(name = "teacher", info = @Info(title = "CreditBank teachers' digital-competence grades", version = "1"))
public final class TeacherContract implements LedgerContract {

    /** The calling school appoints the account a teacher of it; appointing it again is harmless. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String appoint(LedgerContext ctx, String accountNo) {
        Caller caller = Caller.of(ctx).mustWrite();
        RequiredType.require(ctx, caller, InstitutionType.SCHOOL, "appoint a teacher");
        requireValidNumber(accountNo);
        ctx.accounts().requireExists(accountNo);
        Optional<TeacherAppointment> current = ctx.teachers().find(accountNo)
                .filter(a -> a.status() == AppointmentStatus.ACTIVE);
        if (current.isPresent()) {
            if (current.get().school().equals(caller.mspId())) {
                return Contracts.json(current.get());
            }
            throw Refusal.of(ErrorCode.CONFLICT, "account " + accountNo + " is a teacher of " + current.get().school()
                    + "; that school ends the appointment first");
        }
        Ledger ledger = ctx.ledger();
        TeacherAppointment appointment = TeacherAppointment.appointed(accountNo, caller.mspId(), ledger.now().toString(),
                ledger.txId(), caller.id());
        ctx.teachers().put(appointment);
        emit(ledger, appointment);
        return Contracts.json(appointment);
    }

    /** The appointing school ends the appointment, with its reason; the account and its outcomes stay. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String endAppointment(LedgerContext ctx, String accountNo, String reason) {
        Caller caller = Caller.of(ctx).mustWrite();
        Refusal.throwIfAny(StatusReason.validate(reason));
        TeacherAppointment appointment = ctx.teachers().require(accountNo);
        caller.mustOwn(appointment.school(), "the appointment of teacher " + accountNo);
        if (appointment.status() == AppointmentStatus.ENDED) {
            throw Refusal.of(ErrorCode.INVALID_STATUS_TRANSITION, "the appointment of " + accountNo + " has already ended");
        }
        TeacherAppointment ended = appointment.ended(reason, ctx.ledger().now().toString(), caller.id());
        ctx.teachers().put(ended);
        emit(ctx.ledger(), ended);
        return Contracts.json(ended);
    }

    /** The teacher's appointment as it stands and every earlier one (which schools, when). */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String getAppointment(LedgerContext ctx, String accountNo) {
        Caller.of(ctx).mustRead();
        return Contracts.json(new Versions<>(ctx.teachers().require(accountNo), ctx.teachers().history(accountNo)));
    }

    /** The calling school publishes the next version of its grading rule (or the same terms again). */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String publishRule(LedgerContext ctx, String ruleJson) {
        Caller caller = Caller.of(ctx).mustWrite();
        RequiredType.require(ctx, caller, InstitutionType.SCHOOL, "publish a teacher-grading rule");
        GradingRule rule = Contracts.parse(ruleJson, GradingRule.class);
        Refusal.throwIfAny(rule.validate());
        Optional<PublishedGradingRule> same = Versioning.publishedOrNext(ctx.gradingRules().versions(caller.mspId()),
                rule.version(), p -> p.rule().equals(rule), "the grading rule of " + caller.mspId());
        if (same.isPresent()) {
            return Contracts.json(same.get());
        }
        Ledger ledger = ctx.ledger();
        PublishedGradingRule published = new PublishedGradingRule(caller.mspId(), rule, ledger.now().toString(),
                ledger.txId(), caller.id());
        ctx.gradingRules().put(published);
        ledger.emit("GradingRulePublished", Map.of("school", caller.mspId(), "version", rule.version()));
        return Contracts.json(published);
    }

    /** Every version of a school's grading rule, oldest first; the last one is in force. */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String listRules(LedgerContext ctx, String school) {
        Caller.of(ctx).mustRead();
        return Contracts.json(ctx.gradingRules().versions(school));
    }

    /**
     * The teacher's grade today (the transaction's UTC date) under the rule in force at the school
     * that appointed them, with each criterion's standing and what would raise it. Reads the
     * appointment, the school's rule versions and the teacher's own outcomes.
     */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String grade(LedgerContext ctx, String accountNo) {
        Caller.of(ctx).mustRead();
        requireValidNumber(accountNo);
        TeacherAppointment appointment = ctx.teachers().require(accountNo);
        if (appointment.status() != AppointmentStatus.ACTIVE) {
            throw Refusal.of(ErrorCode.NOT_FOUND, "account " + accountNo + " is no longer a teacher of "
                    + appointment.school());
        }
        List<PublishedGradingRule> rules = ctx.gradingRules().versions(appointment.school());
        if (rules.isEmpty()) {
            throw Refusal.of(ErrorCode.NOT_FOUND, appointment.school() + " has published no teacher-grading rule");
        }
        LocalDate today = ctx.ledger().now().atOffset(ZoneOffset.UTC).toLocalDate();
        return Contracts.json(TeacherGrading.grade(accountNo, rules.get(rules.size() - 1),
                ctx.outcomes().forLearner(accountNo), today));
    }

    private static void requireValidNumber(String accountNo) {
        if (!AccountNumber.isValid(accountNo)) {
            throw Refusal.invalid(List.of(new Violation(ErrorCode.INVALID_FIELD, "accountNo",
                    "accountNo is not a valid credit-bank account number")));
        }
    }

    private static void emit(Ledger ledger, TeacherAppointment a) {
        ledger.emit("TeacherAppointmentChanged", Map.of("accountNo", a.accountNo(), "school", a.school(),
                "status", a.status()));
    }
}
