package org.creditbank.chaincode.points;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.creditbank.chaincode.Contracts;
import org.creditbank.chaincode.Refusal;
import org.creditbank.chaincode.Versioning;
import org.creditbank.chaincode.access.Caller;
import org.creditbank.chaincode.institution.RequiredType;
import org.creditbank.chaincode.recognition.RecognitionViews;
import org.creditbank.chaincode.state.Ledger;
import org.creditbank.chaincode.state.LedgerContext;
import org.creditbank.chaincode.state.LedgerContract;
import org.creditbank.model.ErrorCode;
import org.creditbank.model.RecordId;
import org.creditbank.model.StatusReason;
import org.creditbank.model.Violation;
import org.creditbank.model.institution.Institution;
import org.creditbank.model.institution.InstitutionType;
import org.creditbank.model.outcome.Outcome;
import org.creditbank.model.outcome.OutcomeStatus;
import org.creditbank.model.points.AccrualClaim;
import org.creditbank.model.points.ConfirmationRequest;
import org.creditbank.model.points.ConfirmationStatus;
import org.creditbank.model.points.PointsBalance;
import org.creditbank.model.points.PointsEntry;
import org.creditbank.model.points.PointsFactType;
import org.creditbank.model.points.PointsLine;
import org.creditbank.model.points.PointsPolicy;
import org.creditbank.model.points.PolicyTerms;
import org.creditbank.model.points.Redemption;
import org.creditbank.model.points.RedemptionRequest;
import org.creditbank.model.points.RedemptionStatus;
import org.creditbank.model.points.SchoolConfirmation;
import org.creditbank.model.points.SpentPoints;
import org.creditbank.model.recognition.Recognition;
import org.creditbank.model.recognition.RuleStatus;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;

/**
 * Education-responsibility points (教育责任积分) of enterprises. The AUTHORITY publishes the
 * points policy; a school confirms co-teaching and hires; an enterprise claims points by citing a
 * fact on the ledger, and each fact counts once; its balance follows the current status of every
 * fact behind it; it applies to redeem points, and the AUTHORITY approves (spending them, finally)
 * or rejects. Rules and formulas: {@link PointsRules}, {@link RedemptionRules},
 * docs/industry-education.md.
 */
@Contract(name = "points", info = @Info(title = "CreditBank education-responsibility points", version = "1"))
public final class PointsContract implements LedgerContract {

    // ------------------------------------------------------------------ policy (AUTHORITY)

    /**
     * Publishes a policy version: the next number, with a period that overlaps no ACTIVE version,
     * so one version at most is in force on any day. Publishing an existing version again with the
     * same terms returns it unchanged.
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String publishPolicy(LedgerContext ctx, String termsJson) {
        Caller caller = Caller.of(ctx).mustWrite();
        RequiredType.require(ctx, caller, InstitutionType.AUTHORITY, "publish a points policy");
        PolicyTerms terms = Contracts.parse(termsJson, PolicyTerms.class);
        Refusal.throwIfAny(terms.validate());

        List<PointsPolicy> published = ctx.pointsPolicies().all();
        Optional<PointsPolicy> same = Versioning.publishedOrNext(published, terms.version(),
                p -> p.terms().equals(terms), "points policy");
        if (same.isPresent()) {
            return Contracts.json(same.get());
        }
        PointsRules.overlapping(published, terms).ifPresent(p -> {
            throw Refusal.invalid(List.of(new Violation(ErrorCode.INVALID_FIELD, "validFrom", "version "
                    + p.terms().version() + " is in force from " + p.terms().validFrom() + " to " + p.terms().validUntil()
                    + "; retire it first or choose a period that does not overlap it")));
        });
        PointsPolicy policy = new PointsPolicy(caller.mspId(), terms, RuleStatus.ACTIVE, now(ctx), null, null, caller.id());
        ctx.pointsPolicies().put(policy);
        ctx.ledger().emit("PointsPolicyChanged", Map.of("version", terms.version(), "status", RuleStatus.ACTIVE));
        return Contracts.json(policy);
    }

    /** Retires a version: no new accrual may cite it; points accrued under it stay. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String retirePolicy(LedgerContext ctx, String version, String reason) {
        Caller caller = Caller.of(ctx).mustWrite();
        RequiredType.require(ctx, caller, InstitutionType.AUTHORITY, "retire a points policy");
        Refusal.throwIfAny(StatusReason.validate(reason));
        PointsPolicy policy = ctx.pointsPolicies().require(version(version));
        if (policy.status() == RuleStatus.RETIRED) {
            throw Refusal.of(ErrorCode.INVALID_STATUS_TRANSITION, "points policy version " + version + " is already retired");
        }
        PointsPolicy retired = policy.retired(now(ctx), reason, caller.id());
        ctx.pointsPolicies().put(retired);
        ctx.ledger().emit("PointsPolicyChanged", Map.of("version", policy.terms().version(), "status", RuleStatus.RETIRED));
        return Contracts.json(retired);
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String getPolicy(LedgerContext ctx, String version) {
        Caller.of(ctx).mustRead();
        return Contracts.json(ctx.pointsPolicies().require(version(version)));
    }

    /** Every published version, oldest first. */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String listPolicies(LedgerContext ctx) {
        Caller.of(ctx).mustRead();
        return Contracts.json(ctx.pointsPolicies().all());
    }

    // ------------------------------------------------------------------ confirmations (SCHOOL)

    /**
     * A school confirms an enterprise's co-teaching or a hire. The enterprise must be a registered
     * ENTERPRISE, a hired graduate an existing account, and the same fact not yet confirmed by anyone.
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String confirm(LedgerContext ctx, String requestJson) {
        Caller caller = Caller.of(ctx).mustWrite();
        RequiredType.require(ctx, caller, InstitutionType.SCHOOL, "confirm an enterprise's contribution");
        ConfirmationRequest request = Contracts.parse(requestJson, ConfirmationRequest.class);
        Refusal.throwIfAny(request.validate());
        String id = RecordId.confirmation(caller.mspId(), request.localId()).toString();

        Optional<SchoolConfirmation> existing = ctx.confirmations().find(id);
        if (existing.isPresent()) {
            if (existing.get().request().equals(request)) {
                return Contracts.json(existing.get());
            }
            throw Refusal.of(ErrorCode.CONFLICT, "confirmation " + id + " already exists with different content");
        }
        Optional<Institution> enterprise = ctx.institutions().find(request.enterprise());
        if (enterprise.isEmpty() || enterprise.get().profile().type() != InstitutionType.ENTERPRISE) {
            throw Refusal.invalid(List.of(new Violation(ErrorCode.INVALID_FIELD, "enterprise",
                    request.enterprise() + " is not a registered enterprise")));
        }
        if (request.learner() != null) {
            ctx.accounts().require(request.learner());
        }
        ctx.confirmations().holding(request.factIdentity()).ifPresent(other -> {
            throw Refusal.of(ErrorCode.ALREADY_COUNTED, "this " + request.type() + " of " + request.enterprise()
                    + " is already confirmed in " + other);
        });
        Ledger ledger = ctx.ledger();
        SchoolConfirmation confirmation = SchoolConfirmation.confirmed(id, caller.mspId(), request, now(ctx),
                ledger.txId(), caller.id());
        ctx.confirmations().add(confirmation);
        ledger.emit("ConfirmationChanged", confirmationEvent(confirmation));
        return Contracts.json(confirmation);
    }

    /** The confirming school withdraws it, for good: the points it earned no longer count. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String withdrawConfirmation(LedgerContext ctx, String id, String reason) {
        Caller caller = Caller.of(ctx).mustWrite();
        Refusal.throwIfAny(StatusReason.validate(reason));
        SchoolConfirmation confirmation = ctx.confirmations().require(id);
        caller.mustOwn(confirmation.school(), "confirmation " + id);
        if (confirmation.status() == ConfirmationStatus.WITHDRAWN) {
            throw Refusal.of(ErrorCode.INVALID_STATUS_TRANSITION, "confirmation " + id + " is already withdrawn");
        }
        SchoolConfirmation withdrawn = confirmation.withdrawn(reason, now(ctx), caller.id());
        ctx.confirmations().update(withdrawn);
        ctx.ledger().emit("ConfirmationChanged", confirmationEvent(withdrawn));
        return Contracts.json(withdrawn);
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String getConfirmation(LedgerContext ctx, String id) {
        Caller.of(ctx).mustRead();
        return Contracts.json(ctx.confirmations().require(id));
    }

    // ------------------------------------------------------------------ accrual (ENTERPRISE)

    /**
     * The calling enterprise claims the points of one fact. The fact must be the enterprise's, of
     * the claimed type, in force, and priced by the cited policy version on the fact's date; it is
     * counted once: a retry of the same claim returns its entry, any other claim of it is refused.
     * Reads the fact's records and one entry key, writes that key: no key another fact shares.
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String accrue(LedgerContext ctx, String claimJson) {
        Caller caller = Caller.of(ctx).mustWrite();
        RequiredType.require(ctx, caller, InstitutionType.ENTERPRISE, "claim points");
        AccrualClaim claim = Contracts.parse(claimJson, AccrualClaim.class);
        Refusal.throwIfAny(claim.validate());
        String enterprise = caller.mspId();

        Optional<PointsEntry> counted = ctx.pointsEntries().find(enterprise, claim.countedId());
        if (counted.isPresent()) {
            PointsEntry entry = counted.get();
            if (entry.factType() == claim.factType() && entry.citedId().equals(claim.factId())
                    && entry.policyVersion() == claim.policyVersion()) {
                return Contracts.json(PointsLine.of(entry, factStatus(ctx, entry.factType(), entry.citedId())));
            }
            throw Refusal.of(ErrorCode.ALREADY_COUNTED, claim.countedId() + " is already counted for " + enterprise
                    + " (" + entry.factType() + ", cited " + entry.citedId() + ")");
        }
        String factTime = provenFact(ctx, enterprise, claim);
        LocalDate factDate = PointsRules.dateOf(factTime);
        int points = PointsRules.pointsFor(ctx.pointsPolicies().require(claim.policyVersion()), claim.factType(), factDate);

        Ledger ledger = ctx.ledger();
        PointsEntry entry = new PointsEntry(enterprise, claim.factType(), claim.countedId(), claim.factId(),
                claim.policyVersion(), points, factDate.toString(), now(ctx), ledger.txId(), caller.id());
        ctx.pointsEntries().add(entry);
        ledger.emit("PointsAccrued", Map.of("enterprise", enterprise, "factType", claim.factType(),
                "countedId", claim.countedId(), "points", points));
        return Contracts.json(PointsLine.of(entry, OutcomeStatus.ACTIVE));
    }

    /**
     * Checks that the claim's fact is what it says and stands now; returns the ledger time at
     * which the fact came about (which picks the policy version).
     */
    private static String provenFact(LedgerContext ctx, String enterprise, AccrualClaim claim) {
        switch (claim.factType()) {
            case TRAINING_RECOGNISED -> {
                Recognition recognition = ctx.recognitions().require(claim.factId());
                Outcome training = ctx.outcomes().require(claim.outcomeId());
                InstitutionType recogniser = ctx.institutions().require(recognition.recogniser()).profile().type();
                PointsRules.requireRecognisedTraining(enterprise, recognition, recogniser, training);
                PointsRules.requireInForce(claim.factId(),
                        RecognitionViews.of(recognition, ctx.outcomes()).effectiveStatus());
                return recognition.recognisedAt();
            }
            case INTERNSHIP -> {
                Outcome internship = ctx.outcomes().require(claim.factId());
                String opener = ctx.accounts().require(internship.draft().learner()).openedBy();
                PointsRules.requireInternship(enterprise, internship, ctx.institutions().require(opener).profile().type());
                PointsRules.requireInForce(claim.factId(), internship.status());
                return internship.awardedAt();
            }
            default -> {
                SchoolConfirmation confirmation = ctx.confirmations().require(claim.factId());
                PointsRules.requireConfirmation(enterprise, claim.factType(), confirmation);
                PointsRules.requireInForce(claim.factId(), PointsRules.statusOf(confirmation));
                return confirmation.confirmedAt();
            }
        }
    }

    /** The enterprise's balance and the fact behind every point, each with its current status. */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String balance(LedgerContext ctx, String enterprise) {
        Caller.of(ctx).mustRead();
        RecordId.institutionViolation("enterprise", enterprise).ifPresent(v -> {
            throw Refusal.of(v);
        });
        return Contracts.json(balanceOf(ctx, enterprise));
    }

    // ------------------------------------------------------------------ redemption

    /** The calling enterprise applies to redeem points; refused beyond its balance. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String applyRedemption(LedgerContext ctx, String requestJson) {
        Caller caller = Caller.of(ctx).mustWrite();
        RequiredType.require(ctx, caller, InstitutionType.ENTERPRISE, "apply to redeem points");
        RedemptionRequest request = Contracts.parse(requestJson, RedemptionRequest.class);
        Refusal.throwIfAny(request.validate());
        String id = RecordId.redemption(caller.mspId(), request.localId()).toString();

        Optional<Redemption> existing = ctx.redemptions().find(id);
        if (existing.isPresent()) {
            if (existing.get().request().equals(request)) {
                return Contracts.json(existing.get());
            }
            throw Refusal.of(ErrorCode.CONFLICT, "redemption " + id + " already exists with different content");
        }
        RedemptionRules.requireAffordable(request.points(), balanceOf(ctx, caller.mspId()).balance());
        Ledger ledger = ctx.ledger();
        Redemption redemption = new Redemption(id, caller.mspId(), request, RedemptionStatus.PENDING, now(ctx),
                ledger.txId(), null, null, null, caller.id());
        ctx.redemptions().add(redemption);
        ledger.emit("RedemptionChanged", redemptionEvent(redemption));
        return Contracts.json(redemption);
    }

    /**
     * The AUTHORITY approves: the balance is computed again and must cover the points, which are
     * then spent for good. Reads and writes the enterprise's spent points, so of two approvals for
     * one enterprise endorsed on the same state only the first to commit is valid.
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String approveRedemption(LedgerContext ctx, String id, String reason) {
        Caller caller = Caller.of(ctx).mustWrite();
        RequiredType.require(ctx, caller, InstitutionType.AUTHORITY, "decide a redemption");
        Refusal.throwIfAny(StatusReason.validate(reason));
        Redemption redemption = ctx.redemptions().require(id);
        RedemptionRules.requirePending(redemption);
        PointsBalance balance = balanceOf(ctx, redemption.enterprise());
        RedemptionRules.requireAffordable(redemption.request().points(), balance.balance());
        SpentPoints before = ctx.redemptions().spent(redemption.enterprise());
        String now = now(ctx);
        Redemption approved = redemption.decided(RedemptionStatus.APPROVED, caller.mspId(), now, reason, caller.id());
        ctx.redemptions().decide(approved);
        ctx.redemptions().putSpent(RedemptionRules.afterApproval(before, approved, now, caller.id()), caller.mspId());
        ctx.ledger().emit("RedemptionChanged", redemptionEvent(approved));
        return Contracts.json(approved);
    }

    /** The AUTHORITY rejects, with its reason; nothing is spent. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String rejectRedemption(LedgerContext ctx, String id, String reason) {
        Caller caller = Caller.of(ctx).mustWrite();
        RequiredType.require(ctx, caller, InstitutionType.AUTHORITY, "decide a redemption");
        Refusal.throwIfAny(StatusReason.validate(reason));
        Redemption redemption = ctx.redemptions().require(id);
        RedemptionRules.requirePending(redemption);
        Redemption rejected = redemption.decided(RedemptionStatus.REJECTED, caller.mspId(), now(ctx), reason, caller.id());
        ctx.redemptions().decide(rejected);
        ctx.ledger().emit("RedemptionChanged", redemptionEvent(rejected));
        return Contracts.json(rejected);
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String getRedemption(LedgerContext ctx, String id) {
        Caller.of(ctx).mustRead();
        return Contracts.json(ctx.redemptions().require(id));
    }

    /** Every version of a confirmation or a redemption: who changed what, when. */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String history(LedgerContext ctx, String id) {
        Caller.of(ctx).mustRead();
        return Contracts.json(RecordId.isKind(id, RecordId.Kind.REDEMPTION) ? ctx.redemptions().history(id)
                : ctx.confirmations().history(id));
    }

    // ------------------------------------------------------------------ helpers

    /** {@code earned - spent}, with every line's fact read in its current status. */
    private static PointsBalance balanceOf(LedgerContext ctx, String enterprise) {
        List<PointsLine> lines = ctx.pointsEntries().of(enterprise).stream()
                .map(e -> PointsLine.of(e, factStatus(ctx, e.factType(), e.citedId()))).toList();
        int earned = PointsRules.earned(lines);
        int spent = ctx.redemptions().spent(enterprise).spent();
        return new PointsBalance(enterprise, earned, spent, earned - spent, lines, ctx.redemptions().of(enterprise));
    }

    /** The current status of the fact a claim cited: what decides whether its points count. */
    private static OutcomeStatus factStatus(LedgerContext ctx, PointsFactType type, String citedId) {
        return switch (type) {
            case TRAINING_RECOGNISED -> RecognitionViews.of(ctx.recognitions().require(citedId), ctx.outcomes()).effectiveStatus();
            case INTERNSHIP -> ctx.outcomes().require(citedId).status();
            case CO_TEACHING, GRADUATE_HIRED -> PointsRules.statusOf(ctx.confirmations().require(citedId));
        };
    }

    private static String now(LedgerContext ctx) {
        return ctx.ledger().now().toString();
    }

    private static int version(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw Refusal.invalid(List.of(new Violation(ErrorCode.INVALID_FIELD, "version", "version must be a whole number")));
        }
    }

    private static Map<String, Object> confirmationEvent(SchoolConfirmation c) {
        Map<String, Object> event = new TreeMap<>();
        event.put("id", c.id());
        event.put("enterprise", c.request().enterprise());
        event.put("type", c.request().type());
        event.put("status", c.status());
        return event;
    }

    private static Map<String, Object> redemptionEvent(Redemption r) {
        return Map.of("id", r.id(), "enterprise", r.enterprise(), "points", r.request().points(), "status", r.status());
    }
}
