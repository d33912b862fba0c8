package org.creditbank.gateway.demand;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;
import org.creditbank.gateway.ApiException;
import org.creditbank.gateway.auth.Principal;
import org.creditbank.gateway.ledger.LedgerCall;
import org.creditbank.gateway.ledger.LedgerClient;
import org.creditbank.gateway.ledger.LedgerResult;
import org.creditbank.gateway.ledger.Receipt;
import org.creditbank.gateway.readmodel.IndicatorInputs;
import org.creditbank.model.ErrorCode;
import org.creditbank.model.RecordId;
import org.creditbank.model.StatusReason;
import org.creditbank.model.Violation;
import org.creditbank.model.demand.DemandRequest;
import org.creditbank.model.demand.IndicatorQuery;
import org.creditbank.model.demand.MajorIndicator;
import org.creditbank.model.demand.MajorIndicators;
import org.creditbank.model.demand.MajorTerms;
import org.creditbank.model.demand.PublishedThresholds;
import org.creditbank.model.demand.SchoolMajor;
import org.creditbank.model.demand.TalentDemand;
import org.creditbank.model.demand.WarningThresholds;
import org.creditbank.model.history.Versions;
import org.creditbank.model.json.CanonicalJson;

/**
 * Talent demand, schools' majors and the warning thresholds through this institution's gateway,
 * and the major-adjustment indicators computed from the read model. Input is checked with the
 * model's rules first, so a malformed demand, major or threshold set is a 400 without a ledger
 * round trip; which institution type may publish what (an ENTERPRISE its demand, a SCHOOL its
 * majors, the AUTHORITY the thresholds) is the chaincode's rule, and its refusal comes back as it is.
 */
public final class DemandService {

    private static final TypeReference<Versions<TalentDemand>> DEMAND_VERSIONS = new TypeReference<>() {
    };

    private final LedgerClient ledger;
    private final String mspId;
    private final IndicatorInputs readModel;

    public DemandService(LedgerClient ledger, String mspId, IndicatorInputs readModel) {
        this.ledger = ledger;
        this.mspId = mspId;
        this.readModel = readModel;
    }

    // ------------------------------------------------------------------ talent demand (ENTERPRISE)

    /** The calling enterprise publishes a demand; publishing the same content again returns it (200). */
    public Receipt<TalentDemand> publish(Principal registrar, DemandRequest request) {
        ApiException.throwIfAny(request.validate());
        LedgerResult r = ledger.submit(registrar.identity(),
                LedgerCall.repeatable("demand:publish", CanonicalJson.toJson(request)));
        return Receipt.of(r, TalentDemand.class, d -> r.committedAs(d.txId()));
    }

    /**
     * The next version of this institution's demand {@code id}; the body's {@code localId} must be
     * the id's, because the contract finds the record from the caller and that number alone.
     * Sending the content it already has returns it (200).
     */
    public Receipt<TalentDemand> update(Principal registrar, String id, DemandRequest request) {
        ApiException.throwIfAny(request.validate());
        RecordId target = RecordId.parse(id).filter(d -> d.kind() == RecordId.Kind.DEMAND)
                .orElseThrow(() -> ApiException.notFound("no talent demand " + id));
        if (!target.institution().equals(mspId)) {
            throw new ApiException(ErrorCode.ORG_NOT_ALLOWED, "talent demand " + id + " is " + target.institution()
                    + "'s; only its publisher updates it");
        }
        if (!target.localId().equals(request.localId())) {
            throw ApiException.of(new Violation(ErrorCode.INVALID_FIELD, "localId",
                    "localId must be " + target.localId() + ", the number in the demand's id"));
        }
        LedgerResult r = ledger.submit(registrar.identity(),
                LedgerCall.repeatable("demand:update", CanonicalJson.toJson(request)));
        return Receipt.of(r, TalentDemand.class, d -> r.committedAs(d.txId()));
    }

    /** The publishing enterprise withdraws its demand for good, with the reason. */
    public Receipt<TalentDemand> withdraw(Principal registrar, String id, String reason) {
        ApiException.throwIfAny(StatusReason.validate(reason));
        LedgerResult r = ledger.submit(registrar.identity(), LedgerCall.of("demand:withdraw", id, reason));
        return Receipt.of(r, TalentDemand.class);
    }

    /** The demand as it stands and every version it went through, oldest first. */
    public Versions<TalentDemand> demand(Principal caller, String id) {
        if (!RecordId.isKind(id, RecordId.Kind.DEMAND)) {
            throw ApiException.notFound("no talent demand " + id);
        }
        return CanonicalJson.read(ledger.evaluate(caller.identity(), LedgerCall.of("demand:get", id)), DEMAND_VERSIONS);
    }

    // ------------------------------------------------------------------ majors (SCHOOL)

    /** The calling school publishes a version of one of its majors; the same terms again return it (200). */
    public Receipt<SchoolMajor> publishMajor(Principal registrar, MajorTerms terms) {
        ApiException.throwIfAny(terms.validate());
        LedgerResult r = ledger.submit(registrar.identity(),
                LedgerCall.repeatable("demand:publishMajor", CanonicalJson.toJson(terms)));
        return Receipt.of(r, SchoolMajor.class);
    }

    /** Every version of a school's major, oldest first; the last one is in force. */
    public List<SchoolMajor> major(Principal caller, String school, String majorCode) {
        RecordId.institutionViolation("school", school).ifPresent(v -> {
            throw ApiException.of(v);
        });
        return List.of(CanonicalJson.read(ledger.evaluate(caller.identity(), LedgerCall.of("demand:getMajor", school,
                majorCode)), SchoolMajor[].class));
    }

    // ------------------------------------------------------------------ thresholds (AUTHORITY)

    /** The AUTHORITY publishes the next version of the warning thresholds; the same terms again return it (200). */
    public Receipt<PublishedThresholds> publishThresholds(Principal registrar, WarningThresholds thresholds) {
        ApiException.throwIfAny(thresholds.validate());
        LedgerResult r = ledger.submit(registrar.identity(),
                LedgerCall.repeatable("demand:publishThresholds", CanonicalJson.toJson(thresholds)));
        return Receipt.of(r, PublishedThresholds.class);
    }

    /** Every version of the warning thresholds, oldest first; the last one is in force. */
    public List<PublishedThresholds> thresholds(Principal caller) {
        return List.of(CanonicalJson.read(ledger.evaluate(caller.identity(), LedgerCall.of("demand:listThresholds")),
                PublishedThresholds[].class));
    }

    // ------------------------------------------------------------------ indicators (read model)

    /** The indicators a question asks for (its school and region null for all) and the thresholds that judged them. */
    public record Indicators(String school, String region, String from, String to, PublishedThresholds thresholds,
                             List<MajorIndicator> indicators) {
    }

    /**
     * Every major's indicators for every quarter of the question ({@link MajorIndicators#compute}),
     * from the read model, under the thresholds in force. {@code NOT_FOUND} until the AUTHORITY has
     * published thresholds: without them there is no warning to give.
     */
    public Indicators indicators(IndicatorQuery query) {
        ApiException.throwIfAny(query.validate());
        List<PublishedThresholds> versions = readModel.thresholds();
        if (versions.isEmpty()) {
            throw ApiException.notFound("the AUTHORITY has published no warning thresholds yet");
        }
        PublishedThresholds inForce = versions.get(versions.size() - 1);
        return new Indicators(query.school(), query.region(), query.from(), query.to(), inForce, MajorIndicators.compute(readModel.demand(), readModel.majors(query.school()),
                readModel.supply(query.school()), inForce.thresholds(), query.fromQuarter(), query.toQuarter(),
                query.region()));
    }
}
