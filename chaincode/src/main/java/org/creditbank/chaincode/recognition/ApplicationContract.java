package org.creditbank.chaincode.recognition;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.creditbank.chaincode.Contracts;
import org.creditbank.chaincode.Refusal;
import org.creditbank.chaincode.access.Caller;
import org.creditbank.chaincode.institution.AwardingInstitution;
import org.creditbank.chaincode.state.AccountStore;
import org.creditbank.chaincode.state.LedgerContext;
import org.creditbank.chaincode.state.LedgerContract;
import org.creditbank.model.ErrorCode;
import org.creditbank.model.RecordId;
import org.creditbank.model.StatusReason;
import org.creditbank.model.outcome.Outcome;
import org.creditbank.model.recognition.ApplicationAssessment;
import org.creditbank.model.recognition.ApplicationDecision;
import org.creditbank.model.recognition.ApplicationRequest;
import org.creditbank.model.recognition.ApplicationStatus;
import org.creditbank.model.recognition.Recognition;
import org.creditbank.model.recognition.RecognitionApplication;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;

/**
 * Learners' recognition applications (学分认定申请), the credit bank's 认证 → 积累 → 转换 as a
 * workflow: a learner asks an institution to recognise outcomes earned elsewhere; the institution's
 * registrar sees how its rules apply and approves, which records the {@link Recognition} with the
 * same checks as a direct recognition, or rejects with a reason; the learner may withdraw first.
 *
 * <p>The application is submitted through the institution's own gateway, for the learner its token
 * is bound to, so any identity of the institution may submit or withdraw one (a request decides
 * nothing); only a registrar decides. Each source is checked when applying, so a learner hears at
 * once that an outcome is not theirs or already counted, and again when approving, because it may
 * have been revoked in between.
 */
@Contract(name = "application", info = @Info(title = "CreditBank recognition applications", version = "1"))
public final class ApplicationContract implements LedgerContract {

    /** The learner applies to the calling institution. Applying again with the same content returns the application. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String apply(LedgerContext ctx, String requestJson) {
        Caller caller = Caller.of(ctx).mustRead();
        AwardingInstitution.require(ctx.institutions().require(caller.mspId()));
        ApplicationRequest request = Contracts.parse(requestJson, ApplicationRequest.class);
        Refusal.throwIfAny(request.validate());
        String id = RecordId.application(caller.mspId(), request.localId()).toString();

        Optional<RecognitionApplication> existing = ctx.applications().find(id);
        if (existing.isPresent()) {
            if (existing.get().request().equals(request)) {
                return Contracts.json(existing.get());
            }
            throw Refusal.of(ErrorCode.CONFLICT, "application " + id + " already exists with different content");
        }
        RecognitionDecisions.checkedSources(ctx, caller, request.learner(), request.sourceOutcomeIds());
        if (request.namesRule()) {
            ctx.rules().require(caller.mspId(), request.ruleCode(), request.ruleVersion());
        }
        RecognitionApplication application = new RecognitionApplication(id, caller.mspId(), request,
                ApplicationStatus.PENDING, ctx.ledger().now().toString(), ctx.ledger().txId(), null, null, null, caller.id());
        ctx.applications().add(application);
        emit(ctx, application);
        return Contracts.json(application);
    }

    /**
     * What the registrar sees before deciding: the application, and for the rule it names, whether
     * approving by it would be refused and why, or the credits it would grant now.
     */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String assess(LedgerContext ctx, String id) {
        Caller caller = Caller.of(ctx).mustRead();
        RecognitionApplication application = ctx.applications().require(id);
        ApplicationRequest request = application.request();
        if (!request.namesRule()) {
            return Contracts.json(new ApplicationAssessment(application, null, null, null, null,
                    "the application names no rule: decide by a rule or manually"));
        }
        Caller asInstitution = new Caller(application.institution(), caller.id(), caller.role());
        try {
            List<Outcome> sources = RecognitionDecisions.checkedSources(ctx, asInstitution, request.learner(),
                    request.sourceOutcomeIds());
            RecognitionDecisions.RuleGrant grant = RecognitionDecisions.byRule(ctx, asInstitution, request.learner(),
                    request.ruleCode(), request.ruleVersion(), sources);
            return Contracts.json(new ApplicationAssessment(application, request.ruleCode(), request.ruleVersion(),
                    grant.rule().terms().target(), grant.credits(), null));
        } catch (Refusal refusal) {
            return Contracts.json(new ApplicationAssessment(application, request.ruleCode(), request.ruleVersion(),
                    null, null, refusal.getMessage()));
        }
    }

    /** A registrar of the institution approves: records the recognition the decision describes. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String approve(LedgerContext ctx, String id, String decisionJson) {
        Caller caller = Caller.of(ctx).mustWrite();
        RecognitionApplication application = pending(ctx, caller, id);
        ApplicationDecision decision = Contracts.parse(decisionJson, ApplicationDecision.class);
        Refusal.throwIfAny(decision.validate(application.request()));
        var request = decision.recognitionOf(application.request());
        String recognitionId = RecordId.recognition(caller.mspId(), request.localId()).toString();
        if (ctx.recognitions().find(recognitionId).isPresent()) {
            throw Refusal.of(ErrorCode.CONFLICT, "recognition " + recognitionId + " already exists; this application"
                    + " cannot record it again");
        }
        Recognition recognition = RecognitionDecisions.decide(ctx, caller, recognitionId, request);
        ctx.recognitions().add(recognition);
        RecognitionApplication approved = application.decided(ApplicationStatus.APPROVED,
                ctx.ledger().now().toString(), null, recognitionId, caller.id());
        ctx.applications().update(approved);
        emit(ctx, approved);
        return Contracts.json(approved);
    }

    /** A registrar of the institution rejects, with the reason the learner will read. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String reject(LedgerContext ctx, String id, String reason) {
        return close(ctx, Caller.of(ctx).mustWrite(), id, ApplicationStatus.REJECTED, reason);
    }

    /** The learner withdraws, through the institution's gateway, before a decision. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String withdraw(LedgerContext ctx, String id, String reason) {
        return close(ctx, Caller.of(ctx).mustRead(), id, ApplicationStatus.WITHDRAWN, reason);
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String get(LedgerContext ctx, String id) {
        Caller.of(ctx).mustRead();
        return Contracts.json(ctx.applications().require(id));
    }

    /** A learner's applications to every institution, in id order. */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String forLearner(LedgerContext ctx, String accountNo) {
        Caller.of(ctx).mustRead();
        AccountStore.requireValidNumber(accountNo);
        return Contracts.json(ctx.applications().forLearner(accountNo));
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String history(LedgerContext ctx, String id) {
        Caller.of(ctx).mustRead();
        return Contracts.json(ctx.applications().history(id));
    }

    /** Closes a PENDING application of the caller's institution without a recognition, with the reason. */
    private static String close(LedgerContext ctx, Caller caller, String id, ApplicationStatus next, String reason) {
        Refusal.throwIfAny(StatusReason.validate(reason));
        RecognitionApplication closed = pending(ctx, caller, id).decided(next, ctx.ledger().now().toString(), reason,
                null, caller.id());
        ctx.applications().update(closed);
        emit(ctx, closed);
        return Contracts.json(closed);
    }

    /** The application, if it is the caller's institution's and still PENDING; else the refusal. */
    private static RecognitionApplication pending(LedgerContext ctx, Caller caller, String id) {
        RecognitionApplication application = ctx.applications().require(id);
        caller.mustOwn(application.institution(), "application " + id);
        if (application.status() != ApplicationStatus.PENDING) {
            throw Refusal.of(ErrorCode.INVALID_STATUS_TRANSITION, "application " + id + " is already "
                    + application.status());
        }
        return application;
    }

    private static void emit(LedgerContext ctx, RecognitionApplication a) {
        ctx.ledger().emit("ApplicationChanged", Map.of("id", a.id(), "institution", a.institution(),
                "learner", a.request().learner(), "status", a.status(),
                "recognition", a.recognitionId() == null ? "" : a.recognitionId()));
    }
}
