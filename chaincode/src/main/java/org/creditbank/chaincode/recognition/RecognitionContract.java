package org.creditbank.chaincode.recognition;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.creditbank.chaincode.Contracts;
import org.creditbank.chaincode.Refusal;
import org.creditbank.chaincode.access.Caller;
import org.creditbank.chaincode.institution.AwardingInstitution;
import org.creditbank.chaincode.state.LedgerContext;
import org.creditbank.chaincode.state.LedgerContract;
import org.creditbank.chaincode.state.RuleStore;
import org.creditbank.model.ErrorCode;
import org.creditbank.model.RecordId;
import org.creditbank.model.Violation;
import org.creditbank.model.StatusReason;
import org.creditbank.model.recognition.Recognition;
import org.creditbank.model.recognition.RecognitionRequest;
import org.creditbank.model.recognition.RecognitionRule;
import org.creditbank.model.recognition.RuleStatus;
import org.creditbank.model.recognition.RuleTerms;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;

/**
 * Cross-institution credit recognition (学分互认): an institution publishes versioned transfer
 * rules (转换规则) and recognises outcomes earned elsewhere, by a rule (the contract computes the
 * credits) or by a justified manual decision. A source outcome is counted at most once per
 * recognising institution, and a recognition shows the current status of every source it stands on.
 */
@Contract(name = "recognition", info = @Info(title = "CreditBank credit recognition", version = "1"))
public final class RecognitionContract implements LedgerContract {

    /**
     * Publishes a rule version. Version 1 starts a rule; each later version must be the next
     * number and supersedes (retires) the active one. Publishing an existing version again with
     * the same terms returns it unchanged.
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String publishRule(LedgerContext ctx, String termsJson) {
        Caller caller = Caller.of(ctx).mustWrite();
        AwardingInstitution.require(ctx.institutions().require(caller.mspId()));
        RuleTerms terms = Contracts.parse(termsJson, RuleTerms.class);
        Refusal.throwIfAny(terms.validate());

        RuleStore rules = ctx.rules();
        List<RecognitionRule> versions = rules.versions(caller.mspId(), terms.code());
        Optional<RecognitionRule> same = versions.stream()
                .filter(r -> r.terms().version() == terms.version()).findFirst();
        if (same.isPresent()) {
            if (same.get().terms().equals(terms)) {
                return Contracts.json(same.get());
            }
            throw Refusal.of(ErrorCode.CONFLICT, "rule " + terms.code() + " version " + terms.version()
                    + " is already published with different terms; publish version " + (versions.size() + 1));
        }
        int expected = versions.size() + 1;
        if (terms.version() != expected) {
            throw Refusal.invalid(List.of(new Violation(ErrorCode.INVALID_FIELD, "version",
                    "the next version of rule " + terms.code() + " must be " + expected)));
        }
        String now = ctx.ledger().now().toString();
        for (RecognitionRule old : versions) {
            if (old.status() == RuleStatus.ACTIVE) {
                rules.put(old.retired(now, "superseded by version " + terms.version(), caller.id()));
            }
        }
        RecognitionRule rule = new RecognitionRule(caller.mspId(), terms, RuleStatus.ACTIVE, now, null, null, caller.id());
        rules.put(rule);
        ctx.ledger().emit("RuleChanged", ruleEvent(rule));
        return Contracts.json(rule);
    }

    /** Retires a rule version: it can no longer be applied, and decisions made with it stay. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String retireRule(LedgerContext ctx, String code, String version, String reason) {
        Caller caller = Caller.of(ctx).mustWrite();
        Refusal.throwIfAny(StatusReason.validate(reason));
        RecognitionRule rule = ctx.rules().require(caller.mspId(), code, version(version));
        if (rule.status() == RuleStatus.RETIRED) {
            throw Refusal.of(ErrorCode.INVALID_STATUS_TRANSITION, "rule " + code + " version " + version + " is already retired");
        }
        RecognitionRule retired = rule.retired(ctx.ledger().now().toString(), reason, caller.id());
        ctx.rules().put(retired);
        ctx.ledger().emit("RuleChanged", ruleEvent(retired));
        return Contracts.json(retired);
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String getRule(LedgerContext ctx, String owner, String code, String version) {
        Caller.of(ctx).mustRead();
        return Contracts.json(ctx.rules().require(owner, code, version(version)));
    }

    /** Every rule version an institution has published, by code and version. */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String listRules(LedgerContext ctx, String owner) {
        Caller.of(ctx).mustRead();
        RecordId.institutionViolation("owner", owner).ifPresent(v -> {
            throw Refusal.of(v);
        });
        return Contracts.json(ctx.rules().all(owner));
    }

    /**
     * Recognises a learner's outcomes from other institutions for the caller's institution.
     * Refused when a source is missing, not ACTIVE, another learner's, the caller's own, already
     * counted by the caller, or (for RULE) does not satisfy the rule.
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String recognise(LedgerContext ctx, String requestJson) {
        Caller caller = Caller.of(ctx).mustWrite();
        AwardingInstitution.require(ctx.institutions().require(caller.mspId()));
        RecognitionRequest request = Contracts.parse(requestJson, RecognitionRequest.class);
        Refusal.throwIfAny(request.validate());
        String id = RecordId.recognition(caller.mspId(), request.localId()).toString();

        Optional<Recognition> existing = ctx.recognitions().find(id);
        if (existing.isPresent()) {
            if (existing.get().request().equals(request)) {
                return Contracts.json(RecognitionViews.of(existing.get(), ctx.outcomes()));
            }
            throw Refusal.of(ErrorCode.CONFLICT, "recognition " + id + " already exists with different content");
        }
        Recognition recognition = RecognitionDecisions.decide(ctx, caller, id, request);
        ctx.recognitions().add(recognition);
        ctx.ledger().emit("RecognitionCreated", Map.of("id", id, "recogniser", caller.mspId(),
                "sources", request.sourceOutcomeIds(), "credits", recognition.credits()));
        return Contracts.json(RecognitionViews.of(recognition, ctx.outcomes()));
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String get(LedgerContext ctx, String id) {
        Caller.of(ctx).mustRead();
        return Contracts.json(RecognitionViews.of(ctx.recognitions().require(id), ctx.outcomes()));
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String history(LedgerContext ctx, String id) {
        Caller.of(ctx).mustRead();
        return Contracts.json(ctx.recognitions().history(id));
    }

    private static int version(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw Refusal.invalid(List.of(new Violation(ErrorCode.INVALID_FIELD, "version", "version must be a whole number")));
        }
    }

    private static Map<String, Object> ruleEvent(RecognitionRule rule) {
        return Map.of("owner", rule.owner(), "code", rule.terms().code(), "version", rule.terms().version(),
                "status", rule.status());
    }
}
