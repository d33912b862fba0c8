package org.creditbank.gateway.points;

import java.util.List;
import org.creditbank.gateway.ApiException;
import org.creditbank.gateway.auth.Principal;
import org.creditbank.gateway.ledger.LedgerCall;
import org.creditbank.gateway.ledger.LedgerClient;
import org.creditbank.gateway.ledger.LedgerResult;
import org.creditbank.gateway.ledger.Receipt;
import org.creditbank.model.RecordId;
import org.creditbank.model.StatusReason;
import org.creditbank.model.history.HistoryEntry;
import org.creditbank.model.json.CanonicalJson;
import org.creditbank.model.points.AccrualClaim;
import org.creditbank.model.points.ConfirmationRequest;
import org.creditbank.model.points.PointsBalance;
import org.creditbank.model.points.PointsLine;
import org.creditbank.model.points.PointsPolicy;
import org.creditbank.model.points.PolicyTerms;
import org.creditbank.model.points.Redemption;
import org.creditbank.model.points.RedemptionRequest;
import org.creditbank.model.points.SchoolConfirmation;

/**
 * Education-responsibility points through this institution's gateway. Input is checked with the
 * model's rules first, so a malformed policy, claim or application is a 400 without a ledger round
 * trip; which institution type may do what (an AUTHORITY publishes and decides, a SCHOOL confirms,
 * an ENTERPRISE claims and applies) is the chaincode's rule, and its refusal comes back as it is.
 */
public final class PointsService {

    /** A decision the AUTHORITY takes on a pending redemption. */
    public enum Decision {
        APPROVE("points:approveRedemption"), REJECT("points:rejectRedemption");

        private final String function;

        Decision(String function) {
            this.function = function;
        }
    }

    private final LedgerClient ledger;

    public PointsService(LedgerClient ledger) {
        this.ledger = ledger;
    }

    // ------------------------------------------------------------------ policy

    /** Publishes the next policy version; publishing a version again with its terms returns it (200). */
    public Receipt<PointsPolicy> publishPolicy(Principal registrar, PolicyTerms terms) {
        ApiException.throwIfAny(terms.validate());
        LedgerResult r = ledger.submit(registrar.identity(),
                LedgerCall.repeatable("points:publishPolicy", CanonicalJson.toJson(terms)));
        return Receipt.of(r, PointsPolicy.class);
    }

    public Receipt<PointsPolicy> retirePolicy(Principal registrar, int version, String reason) {
        ApiException.throwIfAny(StatusReason.validate(reason));
        LedgerResult r = ledger.submit(registrar.identity(),
                LedgerCall.of("points:retirePolicy", Integer.toString(version), reason));
        return Receipt.of(r, PointsPolicy.class);
    }

    public PointsPolicy policy(Principal caller, int version) {
        return CanonicalJson.read(ledger.evaluate(caller.identity(), LedgerCall.of("points:getPolicy",
                Integer.toString(version))), PointsPolicy.class);
    }

    /** Every published version, oldest first. */
    public List<PointsPolicy> policies(Principal caller) {
        return List.of(CanonicalJson.read(ledger.evaluate(caller.identity(), LedgerCall.of("points:listPolicies")),
                PointsPolicy[].class));
    }

    // ------------------------------------------------------------------ confirmations

    /** A school confirms an enterprise's co-teaching or hire; a retry of the same finds it (200). */
    public Receipt<SchoolConfirmation> confirm(Principal registrar, ConfirmationRequest request) {
        ApiException.throwIfAny(request.validate());
        LedgerResult r = ledger.submit(registrar.identity(),
                LedgerCall.repeatable("points:confirm", CanonicalJson.toJson(request)));
        return Receipt.of(r, SchoolConfirmation.class, c -> r.committedAs(c.txId()));
    }

    public Receipt<SchoolConfirmation> withdrawConfirmation(Principal registrar, String id, String reason) {
        ApiException.throwIfAny(StatusReason.validate(reason));
        LedgerResult r = ledger.submit(registrar.identity(), LedgerCall.of("points:withdrawConfirmation", id, reason));
        return Receipt.of(r, SchoolConfirmation.class);
    }

    public SchoolConfirmation confirmation(Principal caller, String id) {
        return CanonicalJson.read(ledger.evaluate(caller.identity(), LedgerCall.of("points:getConfirmation", id)),
                SchoolConfirmation.class);
    }

    /** Every version of a confirmation, oldest first. */
    public List<HistoryEntry> confirmationHistory(Principal caller, String id) {
        return history(caller, id, RecordId.Kind.CONFIRMATION, "confirmation");
    }

    // ------------------------------------------------------------------ accrual and balance

    /** The calling enterprise claims one fact's points; a retry of the same claim finds its line (200). */
    public Receipt<PointsLine> accrue(Principal registrar, AccrualClaim claim) {
        ApiException.throwIfAny(claim.validate());
        LedgerResult r = ledger.submit(registrar.identity(),
                LedgerCall.repeatable("points:accrue", CanonicalJson.toJson(claim)));
        return Receipt.of(r, PointsLine.class, line -> r.committedAs(line.entry().txId()));
    }

    /** An enterprise's balance with every line's fact in its current status, and its redemptions. */
    public PointsBalance balance(Principal caller, String enterprise) {
        RecordId.institutionViolation("enterprise", enterprise).ifPresent(v -> {
            throw ApiException.of(v);
        });
        return CanonicalJson.read(ledger.evaluate(caller.identity(), LedgerCall.of("points:balance", enterprise)),
                PointsBalance.class);
    }

    // ------------------------------------------------------------------ redemptions

    /** The calling enterprise applies to redeem; a retry of the same application finds it (200). */
    public Receipt<Redemption> applyRedemption(Principal registrar, RedemptionRequest request) {
        ApiException.throwIfAny(request.validate());
        LedgerResult r = ledger.submit(registrar.identity(),
                LedgerCall.repeatable("points:applyRedemption", CanonicalJson.toJson(request)));
        return Receipt.of(r, Redemption.class, red -> r.committedAs(red.txId()));
    }

    /** The AUTHORITY's final decision, with its reason; approving spends the points. */
    public Receipt<Redemption> decide(Principal registrar, String id, Decision decision, String reason) {
        ApiException.throwIfAny(StatusReason.validate(reason));
        LedgerResult r = ledger.submit(registrar.identity(), LedgerCall.of(decision.function, id, reason));
        return Receipt.of(r, Redemption.class);
    }

    public Redemption redemption(Principal caller, String id) {
        return CanonicalJson.read(ledger.evaluate(caller.identity(), LedgerCall.of("points:getRedemption", id)),
                Redemption.class);
    }

    /** Every version of a redemption (the application, then its decision), oldest first. */
    public List<HistoryEntry> redemptionHistory(Principal caller, String id) {
        return history(caller, id, RecordId.Kind.REDEMPTION, "redemption");
    }

    /**
     * The contract's one history call answers for confirmations and redemptions alike; each route
     * asks only for its own kind, so an id of the other kind is absent there, as it is to
     * {@code getConfirmation} and {@code getRedemption}.
     */
    private List<HistoryEntry> history(Principal caller, String id, RecordId.Kind kind, String what) {
        if (!RecordId.isKind(id, kind)) {
            throw ApiException.notFound("no " + what + " " + id);
        }
        return List.of(CanonicalJson.read(ledger.evaluate(caller.identity(), LedgerCall.of("points:history", id)),
                HistoryEntry[].class));
    }
}
