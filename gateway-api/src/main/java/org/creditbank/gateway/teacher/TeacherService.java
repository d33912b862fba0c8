package org.creditbank.gateway.teacher;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.creditbank.gateway.ApiException;
import org.creditbank.gateway.auth.Principal;
import org.creditbank.gateway.ledger.LedgerCall;
import org.creditbank.gateway.ledger.LedgerClient;
import org.creditbank.gateway.ledger.LedgerResult;
import org.creditbank.gateway.ledger.Receipt;
import org.creditbank.gateway.readmodel.TeacherRoster;
import org.creditbank.model.ErrorCode;
import org.creditbank.model.RecordId;
import org.creditbank.model.StatusReason;
import org.creditbank.model.Violation;
import org.creditbank.model.history.Versions;
import org.creditbank.model.json.CanonicalJson;
import org.creditbank.model.learner.AccountNumber;
import org.creditbank.model.teacher.GradeDistribution;
import org.creditbank.model.teacher.GradingRule;
import org.creditbank.model.teacher.PublishedGradingRule;
import org.creditbank.model.teacher.TeacherAppointment;
import org.creditbank.model.teacher.TeacherGrade;

/**
 * Teachers' digital-competence grades through this institution's gateway: a school appoints its
 * teachers and publishes its grading rule (the {@code teacher} contract decides who may), anyone on
 * staff reads a teacher's grade as the ledger computes it, a teacher reads their own, and a school's
 * distribution of grades is computed from the read model, as of the same UTC day the
 * chaincode grades on. Account numbers, reasons and rules are
 * checked with the model's rules first, so bad input is a 400 without a ledger round trip.
 */
public final class TeacherService {

    private static final TypeReference<Versions<TeacherAppointment>> APPOINTMENTS = new TypeReference<>() {
    };

    private final LedgerClient ledger;
    private final TeacherRoster readModel;
    private final Clock clock;

    public TeacherService(LedgerClient ledger, TeacherRoster readModel, Clock clock) {
        this.ledger = ledger;
        this.readModel = readModel;
        this.clock = clock;
    }

    /** The calling school appoints the account its teacher; appointing it again returns the appointment (200). */
    public Receipt<TeacherAppointment> appoint(Principal registrar, String accountNo) {
        requireAccountNumber(accountNo);
        LedgerResult r = ledger.submit(registrar.identity(), LedgerCall.repeatable("teacher:appoint", accountNo));
        return Receipt.of(r, TeacherAppointment.class, a -> r.committedAs(a.txId()));
    }

    /** The appointing school ends the appointment, with the reason. */
    public Receipt<TeacherAppointment> endAppointment(Principal registrar, String accountNo, String reason) {
        requireAccountNumber(accountNo);
        ApiException.throwIfAny(StatusReason.validate(reason));
        LedgerResult r = ledger.submit(registrar.identity(), LedgerCall.of("teacher:endAppointment", accountNo, reason));
        return Receipt.of(r, TeacherAppointment.class);
    }

    /** The teacher's appointment as it stands and every earlier one. */
    public Versions<TeacherAppointment> appointment(Principal caller, String accountNo) {
        requireAccountNumber(accountNo);
        return CanonicalJson.read(ledger.evaluate(caller.identity(), LedgerCall.of("teacher:getAppointment", accountNo)),
                APPOINTMENTS);
    }

    /** The calling school publishes the next version of its grading rule; the same terms again return it (200). */
    public Receipt<PublishedGradingRule> publishRule(Principal registrar, GradingRule rule) {
        ApiException.throwIfAny(rule.validate());
        LedgerResult r = ledger.submit(registrar.identity(),
                LedgerCall.repeatable("teacher:publishRule", CanonicalJson.toJson(rule)));
        return Receipt.of(r, PublishedGradingRule.class);
    }

    /** Every version of a school's grading rule, oldest first; the last one is in force. */
    public List<PublishedGradingRule> rules(Principal caller, String school) {
        requireInstitution(school);
        return List.of(CanonicalJson.read(ledger.evaluate(caller.identity(), LedgerCall.of("teacher:listRules", school)),
                PublishedGradingRule[].class));
    }

    /**
     * One teacher's grade today, as the ledger computes it from their outcomes as they stand. A
     * teacher's own token reads only their own grade (another account is absent to it).
     */
    public TeacherGrade grade(Principal caller, String accountNo) {
        requireAccountNumber(accountNo);
        if (!caller.mayReadRecordsOf(accountNo)) {
            throw ApiException.notFound("no teacher " + accountNo);
        }
        return CanonicalJson.read(ledger.evaluate(caller.identity(), LedgerCall.of("teacher:grade", accountNo)),
                TeacherGrade.class);
    }

    /**
     * How the school's appointed teachers stand today under its rule in force, and who needs
     * support, from the read model. {@code NOT_FOUND} when the school has published no rule.
     */
    public GradeDistribution distribution(String school) {
        requireInstitution(school);
        List<PublishedGradingRule> rules = readModel.rules(school);
        if (rules.isEmpty()) {
            throw ApiException.notFound(school + " has published no teacher-grading rule");
        }
        return GradeDistribution.of(rules.get(rules.size() - 1), readModel.appointed(school), LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
    }

    private static void requireAccountNumber(String accountNo) {
        if (!AccountNumber.isValid(accountNo)) {
            throw ApiException.of(new Violation(ErrorCode.INVALID_FIELD, "accountNo",
                    "accountNo is not a valid credit-bank account number"));
        }
    }

    private static void requireInstitution(String school) {
        RecordId.institutionViolation("school", school).ifPresent(v -> {
            throw ApiException.of(v);
        });
    }
}
