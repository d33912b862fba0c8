package org.creditbank.chaincode.recognition;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.creditbank.chaincode.Contracts;
import org.creditbank.chaincode.Refusal;
import org.creditbank.chaincode.access.Caller;
import org.creditbank.chaincode.institution.InstitutionContract;
import org.creditbank.chaincode.learner.LearnerContract;
import org.creditbank.chaincode.outcome.OutcomeContract;
import org.creditbank.chaincode.state.Keys;
import org.creditbank.chaincode.state.Ledger;
import org.creditbank.chaincode.state.LedgerContext;
import org.creditbank.chaincode.state.LedgerContract;
import org.creditbank.model.Credits;
import org.creditbank.model.ErrorCode;
import org.creditbank.model.RecordId;
import org.creditbank.model.Violation;
import org.creditbank.model.StatusReason;
import org.creditbank.model.outcome.Outcome;
import org.creditbank.model.outcome.OutcomeStatus;
import org.creditbank.model.recognition.CreditTarget;
import org.creditbank.model.recognition.Recognition;
import org.creditbank.model.recognition.RecognitionRequest;
import org.creditbank.model.recognition.RecognitionRule;
import org.creditbank.model.recognition.RecognitionView;
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
        Ledger ledger = ctx.ledger();
        InstitutionContract.requireAwarding(ledger, caller.mspId());
        RuleTerms terms = Contracts.parse(termsJson, RuleTerms.class);
        Refusal.throwIfAny(terms.validate());

        List<RecognitionRule> versions = ledger.scan(RecognitionRule.class, Keys.RULE, caller.mspId(), terms.code());
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
        String now = ledger.now().toString();
        for (RecognitionRule old : versions) {
            if (old.status() == RuleStatus.ACTIVE) {
                putRule(ledger, old.retired(now, "superseded by version " + terms.version(), caller.id()));
            }
        }
        RecognitionRule rule = new RecognitionRule(caller.mspId(), terms, RuleStatus.ACTIVE, now, null, null, caller.id());
        putRule(ledger, rule);
        ledger.emit("RuleChanged", ruleEvent(rule));
        return Contracts.json(rule);
    }

    /** Retires a rule version: it can no longer be applied, and decisions made with it stay. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String retireRule(LedgerContext ctx, String code, String version, String reason) {
        Caller caller = Caller.of(ctx).mustWrite();
        Refusal.throwIfAny(StatusReason.validate(reason));
        Ledger ledger = ctx.ledger();
        RecognitionRule rule = requireRule(ledger, caller.mspId(), code, version(version));
        if (rule.status() == RuleStatus.RETIRED) {
            throw Refusal.of(ErrorCode.INVALID_STATUS_TRANSITION, "rule " + code + " version " + version + " is already retired");
        }
        RecognitionRule retired = rule.retired(ledger.now().toString(), reason, caller.id());
        putRule(ledger, retired);
        ledger.emit("RuleChanged", ruleEvent(retired));
        return Contracts.json(retired);
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String getRule(LedgerContext ctx, String owner, String code, String version) {
        Caller.of(ctx).mustRead();
        return Contracts.json(requireRule(ctx.ledger(), owner, code, version(version)));
    }

    /** Every rule version an institution has published, by code and version. */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String listRules(LedgerContext ctx, String owner) {
        Caller.of(ctx).mustRead();
        RecordId.institutionViolation("owner", owner).ifPresent(v -> {
            throw Refusal.of(v);
        });
        return Contracts.json(ctx.ledger().scan(RecognitionRule.class, Keys.RULE, owner));
    }

    /**
     * Recognises a learner's outcomes from other institutions for the caller's institution.
     * Refused when a source is missing, not ACTIVE, another learner's, the caller's own, already
     * counted by the caller, or (for RULE) does not satisfy the rule.
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String recognise(LedgerContext ctx, String requestJson) {
        Caller caller = Caller.of(ctx).mustWrite();
        Ledger ledger = ctx.ledger();
        InstitutionContract.requireAwarding(ledger, caller.mspId());
        RecognitionRequest request = Contracts.parse(requestJson, RecognitionRequest.class);
        Refusal.throwIfAny(request.validate());
        String id = RecordId.recognition(caller.mspId(), request.localId()).toString();

        Optional<Recognition> existing = ledger.get(key(ledger, id), Recognition.class);
        if (existing.isPresent()) {
            if (existing.get().request().equals(request)) {
                return Contracts.json(view(ledger, existing.get()));
            }
            throw Refusal.of(ErrorCode.CONFLICT, "recognition " + id + " already exists with different content");
        }
        LearnerContract.require(ledger, request.learner());
        List<Outcome> sources = request.sourceOutcomeIds().stream()
                .map(sourceId -> checkedSource(ledger, caller, request.learner(), sourceId)).toList();

        CreditTarget target;
        BigDecimal credits;
        String ruleOwner = null;
        if (request.method() == RecognitionRequest.Method.RULE) {
            RecognitionRule rule = requireRule(ledger, caller.mspId(), request.ruleCode(), request.ruleVersion());
            if (rule.status() != RuleStatus.ACTIVE) {
                throw Refusal.of(ErrorCode.RULE_RETIRED, "rule " + request.ruleCode() + " version "
                        + request.ruleVersion() + " is retired: " + rule.retireReason());
            }
            for (Outcome source : sources) {
                String mismatch = rule.terms().mismatch(source);
                if (mismatch != null) {
                    throw Refusal.of(ErrorCode.RULE_NOT_SATISFIED, "outcome " + source.id() + " " + mismatch);
                }
            }
            credits = CreditCalculation.grant(rule.terms(), sources.size(),
                    grantedUnderRule(ledger, caller.mspId(), request.learner(), request.ruleCode()));
            if (credits.signum() == 0) {
                throw Refusal.of(ErrorCode.RULE_NOT_SATISFIED, "the learner has reached the cap of "
                        + rule.terms().cap() + " credits under rule " + request.ruleCode());
            }
            target = rule.terms().target();
            ruleOwner = rule.owner();
        } else {
            target = request.target();
            credits = request.credits();
        }

        Recognition recognition = Recognition.decided(id, caller.mspId(), request, target, credits, ruleOwner,
                ledger.now().toString(), ledger.txId(), caller.id());
        write(ledger, recognition);
        ledger.emit("RecognitionCreated", Map.of("id", id, "recogniser", caller.mspId(),
                "sources", request.sourceOutcomeIds(), "credits", credits));
        return Contracts.json(view(ledger, recognition));
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String get(LedgerContext ctx, String id) {
        Caller.of(ctx).mustRead();
        Ledger ledger = ctx.ledger();
        return Contracts.json(view(ledger, require(ledger, id)));
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String history(LedgerContext ctx, String id) {
        Caller.of(ctx).mustRead();
        Ledger ledger = ctx.ledger();
        require(ledger, id);
        return Contracts.json(ledger.history(key(ledger, id)));
    }

    /** The recognition with this id, or a NOT_FOUND refusal. */
    public static Recognition require(Ledger ledger, String id) {
        return find(ledger, id).orElseThrow(() -> Refusal.of(ErrorCode.NOT_FOUND, "no recognition " + id));
    }

    public static Optional<Recognition> find(Ledger ledger, String id) {
        return id == null || id.isEmpty() ? Optional.empty() : ledger.get(key(ledger, id), Recognition.class);
    }

    /** A recognition with the current status of each of its sources. */
    public static RecognitionView view(Ledger ledger, Recognition recognition) {
        return view(recognition, sourceId -> OutcomeContract.require(ledger, sourceId).status());
    }

    private static RecognitionView view(Recognition recognition, Function<String, OutcomeStatus> statusOf) {
        Map<String, OutcomeStatus> statuses = new TreeMap<>();
        for (String sourceId : recognition.request().sourceOutcomeIds()) {
            statuses.put(sourceId, statusOf.apply(sourceId));
        }
        return RecognitionView.of(recognition, statuses);
    }

    /**
     * All recognitions of a learner, by any institution, in id order. Their sources are always the
     * learner's own outcomes (a recognition of another learner's outcome is refused), so the
     * statuses come from {@code outcomes}, already read, instead of a second read per source.
     */
    public static List<RecognitionView> forLearner(Ledger ledger, String learner, List<Outcome> outcomes) {
        Map<String, OutcomeStatus> known = new HashMap<>();
        outcomes.forEach(o -> known.put(o.id(), o.status()));
        List<String> ids = ledger.indexValues(Keys.LEARNER_RECOGNITION, learner);
        List<Optional<Recognition>> found = ledger.getAll(ids.stream().map(id -> key(ledger, id)).toList(),
                Recognition.class);
        List<RecognitionView> views = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            final String id = ids.get(i);
            Recognition recognition = found.get(i)
                    .orElseThrow(() -> Refusal.of(ErrorCode.NOT_FOUND, "no recognition " + id));
            views.add(view(recognition, sourceId -> known.computeIfAbsent(sourceId,
                    missing -> OutcomeContract.require(ledger, missing).status())));
        }
        return views;
    }

    private static Outcome checkedSource(Ledger ledger, Caller caller, String learner, String sourceId) {
        Outcome source = OutcomeContract.require(ledger, sourceId);
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
        Optional<String> counted = ledger.indexValue(ledger.key(Keys.RECOGNISED_SOURCE, caller.mspId(), sourceId));
        if (counted.isPresent()) {
            throw Refusal.of(ErrorCode.ALREADY_RECOGNISED, "outcome " + sourceId + " is already counted by "
                    + caller.mspId() + " in recognition " + counted.get());
        }
        return source;
    }

    private static BigDecimal grantedUnderRule(Ledger ledger, String owner, String learner, String ruleCode) {
        List<BigDecimal> granted = new ArrayList<>();
        for (String id : ledger.indexValues(Keys.LEARNER_RECOGNITION, learner)) {
            Recognition r = require(ledger, id);
            if (owner.equals(r.recogniser()) && ruleCode.equals(r.request().ruleCode())) {
                granted.add(r.credits());
            }
        }
        return Credits.sum(granted);
    }

    private static void write(Ledger ledger, Recognition recognition) {
        String key = key(ledger, recognition.id());
        ledger.put(key, recognition);
        ledger.restrictEndorsementTo(key, recognition.recogniser());
        ledger.putIndex(ledger.key(Keys.LEARNER_RECOGNITION, recognition.request().learner(), recognition.id()),
                recognition.id());
        for (String sourceId : recognition.request().sourceOutcomeIds()) {
            String guard = ledger.key(Keys.RECOGNISED_SOURCE, recognition.recogniser(), sourceId);
            ledger.putIndex(guard, recognition.id());
            ledger.restrictEndorsementTo(guard, recognition.recogniser());
        }
    }

    private static RecognitionRule requireRule(Ledger ledger, String owner, String code, int version) {
        return ledger.get(ruleKey(ledger, owner, code, version), RecognitionRule.class)
                .orElseThrow(() -> Refusal.of(ErrorCode.NOT_FOUND, "no rule " + code + " version " + version + " of " + owner));
    }

    private static void putRule(Ledger ledger, RecognitionRule rule) {
        String key = ruleKey(ledger, rule.owner(), rule.terms().code(), rule.terms().version());
        ledger.put(key, rule);
        ledger.restrictEndorsementTo(key, rule.owner());
    }

    private static String ruleKey(Ledger ledger, String owner, String code, int version) {
        return ledger.key(Keys.RULE, owner, code, Keys.version(version));
    }

    private static String key(Ledger ledger, String id) {
        return ledger.key(Keys.RECOGNITION, id);
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
