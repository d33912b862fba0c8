package org.creditbank.chaincode.demand;

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
import org.creditbank.model.RecordId;
import org.creditbank.model.StatusReason;
import org.creditbank.model.demand.DemandRequest;
import org.creditbank.model.demand.DemandStatus;
import org.creditbank.model.demand.MajorTerms;
import org.creditbank.model.demand.PublishedThresholds;
import org.creditbank.model.demand.SchoolMajor;
import org.creditbank.model.demand.TalentDemand;
import org.creditbank.model.demand.WarningThresholds;
import org.creditbank.model.history.Versions;
import org.creditbank.model.institution.InstitutionType;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;

/**
 * Talent demand (人才需求) and what the major-adjustment warnings are computed from. An ENTERPRISE
 * publishes, updates and withdraws its own demand; a SCHOOL publishes its majors and the
 * occupations each supplies; the AUTHORITY publishes the warning thresholds. Every record is the
 * caller's own, under a key that follows from the caller and its own number, so retries never
 * duplicate and no two members write one key. The indicators are not computed here: they are
 * analytics over many records, for the read model ({@link org.creditbank.model.demand.MajorIndicators}).
 */
@Contract(name = "demand", info = @Info(title = "CreditBank talent demand and major-adjustment warnings", version = "1"))
public final class DemandContract implements LedgerContract {

    // ------------------------------------------------------------------ talent demand (ENTERPRISE)

    /** The calling enterprise publishes a demand; publishing it again with the same content returns it. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String publish(LedgerContext ctx, String requestJson) {
        Caller caller = Caller.of(ctx).mustWrite();
        RequiredType.require(ctx, caller, InstitutionType.ENTERPRISE, "publish talent demand");
        DemandRequest request = parseDemand(requestJson);
        String id = RecordId.demand(caller.mspId(), request.localId()).toString();
        Optional<TalentDemand> existing = ctx.demand().find(id);
        if (existing.isPresent()) {
            if (existing.get().version() == 1 && existing.get().request().equals(request)) {
                return Contracts.json(existing.get());
            }
            throw Refusal.of(ErrorCode.CONFLICT, "talent demand " + id + " already exists; update it instead");
        }
        Ledger ledger = ctx.ledger();
        TalentDemand demand = TalentDemand.published(id, caller.mspId(), request, ledger.now().toString(), ledger.txId(),
                caller.id());
        ctx.demand().put(demand);
        emit(ledger, demand);
        return Contracts.json(demand);
    }

    /**
     * The calling enterprise replaces an OPEN demand's content with the next version; sending the
     * content it already has (a retry) returns it unchanged.
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String update(LedgerContext ctx, String requestJson) {
        Caller caller = Caller.of(ctx).mustWrite();
        RequiredType.require(ctx, caller, InstitutionType.ENTERPRISE, "update talent demand");
        DemandRequest request = parseDemand(requestJson);
        TalentDemand demand = ctx.demand().require(RecordId.demand(caller.mspId(), request.localId()).toString());
        requireOpen(demand);
        if (demand.request().equals(request)) {
            return Contracts.json(demand);
        }
        Ledger ledger = ctx.ledger();
        TalentDemand updated = demand.updated(request, ledger.now().toString(), ledger.txId(), caller.id());
        ctx.demand().put(updated);
        emit(ledger, updated);
        return Contracts.json(updated);
    }

    /** The enterprise that published it withdraws a demand, for good, with its reason. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String withdraw(LedgerContext ctx, String id, String reason) {
        Caller caller = Caller.of(ctx).mustWrite();
        RequiredType.require(ctx, caller, InstitutionType.ENTERPRISE, "withdraw talent demand");
        Refusal.throwIfAny(StatusReason.validate(reason));
        TalentDemand demand = ctx.demand().require(id);
        caller.mustOwn(demand.enterprise(), "talent demand " + id);
        requireOpen(demand);
        Ledger ledger = ctx.ledger();
        TalentDemand withdrawn = demand.withdrawn(reason, ledger.now().toString(), ledger.txId(), caller.id());
        ctx.demand().put(withdrawn);
        emit(ledger, withdrawn);
        return Contracts.json(withdrawn);
    }

    /** The demand as it stands and every version it went through, oldest first. */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String get(LedgerContext ctx, String id) {
        Caller.of(ctx).mustRead();
        return Contracts.json(new Versions<>(ctx.demand().require(id), ctx.demand().history(id)));
    }

    // ------------------------------------------------------------------ majors (SCHOOL)

    /** The calling school publishes a version of one of its majors: the next number, or the same terms again. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String publishMajor(LedgerContext ctx, String termsJson) {
        Caller caller = Caller.of(ctx).mustWrite();
        RequiredType.require(ctx, caller, InstitutionType.SCHOOL, "publish a major");
        MajorTerms terms = Contracts.parse(termsJson, MajorTerms.class);
        Refusal.throwIfAny(terms.validate());
        List<SchoolMajor> versions = ctx.majors().versions(caller.mspId(), terms.majorCode());
        Optional<SchoolMajor> same = Versioning.publishedOrNext(versions, terms.version(), m -> m.terms().equals(terms),
                "major " + terms.majorCode());
        if (same.isPresent()) {
            return Contracts.json(same.get());
        }
        Ledger ledger = ctx.ledger();
        SchoolMajor major = new SchoolMajor(caller.mspId(), terms, ledger.now().toString(), ledger.txId(), caller.id());
        ctx.majors().put(major);
        ledger.emit("MajorPublished", Map.of("school", major.school(), "majorCode", terms.majorCode(),
                "version", terms.version()));
        return Contracts.json(major);
    }

    /** Every version of a school's major, oldest first; the last one is in force. */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String getMajor(LedgerContext ctx, String school, String majorCode) {
        Caller.of(ctx).mustRead();
        List<SchoolMajor> versions = ctx.majors().versions(school, majorCode);
        if (versions.isEmpty()) {
            throw Refusal.of(ErrorCode.NOT_FOUND, "no major " + majorCode + " of " + school);
        }
        return Contracts.json(versions);
    }

    // ------------------------------------------------------------------ thresholds (AUTHORITY)

    /** The AUTHORITY publishes the next version of the warning thresholds (or the same terms again). */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String publishThresholds(LedgerContext ctx, String thresholdsJson) {
        Caller caller = Caller.of(ctx).mustWrite();
        RequiredType.require(ctx, caller, InstitutionType.AUTHORITY, "publish warning thresholds");
        WarningThresholds thresholds = Contracts.parse(thresholdsJson, WarningThresholds.class);
        Refusal.throwIfAny(thresholds.validate());
        Optional<PublishedThresholds> same = Versioning.publishedOrNext(ctx.thresholds().all(), thresholds.version(),
                p -> p.thresholds().equals(thresholds), "the warning thresholds");
        if (same.isPresent()) {
            return Contracts.json(same.get());
        }
        Ledger ledger = ctx.ledger();
        PublishedThresholds published = new PublishedThresholds(caller.mspId(), thresholds, ledger.now().toString(),
                ledger.txId(), caller.id());
        ctx.thresholds().put(published);
        ledger.emit("WarningThresholdsPublished", Map.of("version", thresholds.version()));
        return Contracts.json(published);
    }

    /** Every version of the warning thresholds, oldest first; the last one is in force. */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String listThresholds(LedgerContext ctx) {
        Caller.of(ctx).mustRead();
        return Contracts.json(ctx.thresholds().all());
    }

    // ------------------------------------------------------------------ helpers

    private static DemandRequest parseDemand(String json) {
        DemandRequest request = Contracts.parse(json, DemandRequest.class);
        Refusal.throwIfAny(request.validate());
        return request;
    }

    private static void requireOpen(TalentDemand demand) {
        if (demand.status() != DemandStatus.OPEN) {
            throw Refusal.of(ErrorCode.INVALID_STATUS_TRANSITION, "talent demand " + demand.id()
                    + " is withdrawn; publish a new one");
        }
    }

    private static void emit(Ledger ledger, TalentDemand d) {
        ledger.emit("TalentDemandChanged", Map.of("id", d.id(), "enterprise", d.enterprise(), "version", d.version(),
                "status", d.status()));
    }
}
