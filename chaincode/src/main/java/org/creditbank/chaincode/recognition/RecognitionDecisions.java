package org.creditbank.chaincode.recognition;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.creditbank.chaincode.Refusal;
import org.creditbank.chaincode.access.Caller;
import org.creditbank.chaincode.state.LedgerContext;
import org.creditbank.chaincode.state.RecognitionStore;
import org.creditbank.model.Credits;
import org.creditbank.model.ErrorCode;
import org.creditbank.model.outcome.Outcome;
import org.creditbank.model.outcome.OutcomeStatus;
import org.creditbank.model.recognition.CreditTarget;
import org.creditbank.model.recognition.Recognition;
import org.creditbank.model.recognition.RecognitionRequest;
import org.creditbank.model.recognition.RecognitionRule;
import org.creditbank.model.recognition.RuleStatus;

/**
 * The checks of a recognition decision against the ledger, shared by a registrar's direct
 * recognition and the approval of a learner's application, so that both refuse the same things
 * and grant the same credits: each source exists, is the learner's, earned elsewhere, ACTIVE and
 * not yet counted by the caller; a rule is the caller's, ACTIVE, satisfied by every source and
 * under its cap. Reads only; the caller writes.
 */
final class RecognitionDecisions {

    /** A rule's grant for some sources: the rule and the credits it gives now. */
    record RuleGrant(RecognitionRule rule, BigDecimal credits) {
    }

    private RecognitionDecisions() {
    }

    /** The recognition {@code request} would record under {@code id}, or the refusal why not. */
    static Recognition decide(LedgerContext ctx, Caller caller, String id, RecognitionRequest request) {
        List<Outcome> sources = checkedSources(ctx, caller, request.learner(), request.sourceOutcomeIds());
        CreditTarget target;
        BigDecimal credits;
        String ruleOwner = null;
        if (request.method() == RecognitionRequest.Method.RULE) {
            RuleGrant grant = byRule(ctx, caller, request.learner(), request.ruleCode(), request.ruleVersion(), sources);
            target = grant.rule().terms().target();
            credits = grant.credits();
            ruleOwner = grant.rule().owner();
        } else {
            target = request.target();
            credits = request.credits();
        }
        return Recognition.decided(id, caller.mspId(), request, target, credits, ruleOwner,
                ctx.ledger().now().toString(), ctx.ledger().txId(), caller.id());
    }

    /** The learner's account and every source, each checked; the first problem is refused. */
    static List<Outcome> checkedSources(LedgerContext ctx, Caller caller, String learner, List<String> sourceIds) {
        ctx.accounts().require(learner);
        return sourceIds.stream().map(sourceId -> checkedSource(ctx, caller, learner, sourceId)).toList();
    }

    /** What the caller's rule grants for these (checked) sources, or the refusal why it does not apply. */
    static RuleGrant byRule(LedgerContext ctx, Caller caller, String learner, String ruleCode, int ruleVersion,
                            List<Outcome> sources) {
        RecognitionRule rule = ctx.rules().require(caller.mspId(), ruleCode, ruleVersion);
        if (rule.status() != RuleStatus.ACTIVE) {
            throw Refusal.of(ErrorCode.RULE_RETIRED, "rule " + ruleCode + " version " + ruleVersion
                    + " is retired: " + rule.retireReason());
        }
        for (Outcome source : sources) {
            String mismatch = rule.terms().mismatch(source);
            if (mismatch != null) {
                throw Refusal.of(ErrorCode.RULE_NOT_SATISFIED, "outcome " + source.id() + " " + mismatch);
            }
        }
        BigDecimal credits = CreditCalculation.grant(rule.terms(), sources.size(),
                grantedUnderRule(ctx.recognitions(), caller.mspId(), learner, ruleCode));
        if (credits.signum() == 0) {
            throw Refusal.of(ErrorCode.RULE_NOT_SATISFIED, "the learner has reached the cap of "
                    + rule.terms().cap() + " credits under rule " + ruleCode);
        }
        return new RuleGrant(rule, credits);
    }

    private static Outcome checkedSource(LedgerContext ctx, Caller caller, String learner, String sourceId) {
        Outcome source = ctx.outcomes().require(sourceId);
        if (source.issuer().equals(caller.mspId())) {
            throw Refusal.of(ErrorCode.ORG_NOT_ALLOWED,
                    "outcome " + sourceId + " was issued by " + caller.mspId() + " itself; only outcomes earned elsewhere are recognised");
        }
        if (!source.draft().learner().equals(learner)) {
            throw Refusal.of(ErrorCode.LEARNER_MISMATCH, "outcome " + sourceId + " belongs to another learner");
        }
        if (source.status() != OutcomeStatus.ACTIVE) {
            throw Refusal.of(ErrorCode.SOURCE_NOT_ACTIVE, "outcome " + sourceId + " is " + source.status()
                    + (source.statusReason() == null ? "" : ": " + source.statusReason()));
        }
        Optional<String> counted = ctx.recognitions().countedBy(caller.mspId(), sourceId);
        if (counted.isPresent()) {
            throw Refusal.of(ErrorCode.ALREADY_RECOGNISED, "outcome " + sourceId + " is already counted by "
                    + caller.mspId() + " in recognition " + counted.get());
        }
        return source;
    }

    /** The credits {@code owner} has already granted the learner under this rule, over every version. */
    private static BigDecimal grantedUnderRule(RecognitionStore recognitions, String owner, String learner,
                                               String ruleCode) {
        List<BigDecimal> granted = new ArrayList<>();
        for (Recognition r : recognitions.forLearner(learner)) {
            if (owner.equals(r.recogniser()) && ruleCode.equals(r.request().ruleCode())) {
                granted.add(r.credits());
            }
        }
        return Credits.sum(granted);
    }
}
