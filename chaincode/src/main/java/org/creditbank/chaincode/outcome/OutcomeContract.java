package org.creditbank.chaincode.outcome;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.creditbank.chaincode.Contracts;
import org.creditbank.chaincode.Refusal;
import org.creditbank.chaincode.access.Caller;
import org.creditbank.chaincode.state.Ledger;
import org.creditbank.chaincode.state.LedgerContext;
import org.creditbank.chaincode.state.LedgerContract;
import org.creditbank.chaincode.state.OutcomeStore;
import org.creditbank.model.ErrorCode;
import org.creditbank.model.RecordId;
import org.creditbank.model.Violation;
import org.creditbank.model.StatusReason;
import org.creditbank.model.institution.Institution;
import org.creditbank.model.outcome.IssuedRecord;
import org.creditbank.model.outcome.IssuedStatus;
import org.creditbank.model.outcome.OutcomeBatch;
import org.creditbank.model.outcome.Outcome;
import org.creditbank.model.outcome.OutcomeDraft;
import org.creditbank.model.outcome.OutcomeStatus;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;

/**
 * Learning outcomes (学习成果): issuance one by one or in batches of up to
 * {@value org.creditbank.model.outcome.OutcomeBatch#MAX_ITEMS},
 * status changes by the issuer, reads and history. The issuer is always the caller's organisation,
 * and each record can afterwards be endorsed only by the issuer's peers.
 */
@Contract(name = "outcome", info = @Info(title = "CreditBank learning outcomes", version = "1"))
public final class OutcomeContract implements LedgerContract {

    /**
     * Issues one outcome. Issuing the same content under the same local id again returns the
     * existing record and writes nothing; different content under that id is a conflict.
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String issue(LedgerContext ctx, String draftJson) {
        Caller caller = Caller.of(ctx).mustWrite();
        Ledger ledger = ctx.ledger();
        OutcomeStore outcomes = ctx.outcomes();
        Institution issuer = ctx.institutions().require(caller.mspId());
        OutcomeDraft draft = Contracts.parse(draftJson, OutcomeDraft.class);
        Refusal.throwIfAny(IssuanceRules.check(issuer.profile().type(), draft, today(ledger)));

        Outcome outcome = newOutcome(ledger, caller, draft);
        Optional<Outcome> existing = outcomes.stored(outcome);
        if (existing.isPresent()) {
            return Contracts.json(sameOrConflict(existing.get(), outcome));
        }
        ctx.accounts().requireExists(draft.learner());
        outcomes.add(outcome);
        outcomes.recordIssuance(caller.mspId(), List.of(outcome.id()));
        ledger.emit("OutcomeIssued", event(caller.mspId(), List.of(outcome.id()), OutcomeStatus.ACTIVE, null));
        return Contracts.json(outcome);
    }

    /**
     * Issues up to {@value OutcomeBatch#MAX_ITEMS} outcomes in one transaction, all or nothing. When any item
     * is invalid nothing is written and the refusal lists every failing item by index. Items that
     * already exist with identical content are reported as they are (a retried batch is harmless).
     * The answer has one {@link IssuedRecord} per draft, in order.
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String issueBatch(LedgerContext ctx, String draftsJson) {
        Caller caller = Caller.of(ctx).mustWrite();
        Ledger ledger = ctx.ledger();
        OutcomeStore outcomes = ctx.outcomes();
        Institution issuer = ctx.institutions().require(caller.mspId());
        // Arrays.asList keeps null items, which the per-item report names.
        List<OutcomeDraft> drafts = Arrays.asList(Contracts.parse(draftsJson, OutcomeDraft[].class));
        OutcomeBatch.sizeViolation(drafts.size()).ifPresent(v -> {
            throw Refusal.of(v);
        });
        LocalDate today = today(ledger);
        List<List<Violation>> problems = new ArrayList<>();
        List<Outcome> candidates = new ArrayList<>();
        Set<String> seenLocalIds = new HashSet<>();
        for (OutcomeDraft draft : drafts) {
            List<Violation> itemProblems = draft == null
                    ? List.of(OutcomeBatch.NULL_ITEM)
                    : IssuanceRules.check(issuer.profile().type(), draft, today);
            if (itemProblems.isEmpty() && !seenLocalIds.add(draft.localId())) {
                itemProblems = List.of(new Violation(ErrorCode.CONFLICT, "localId",
                        "localId " + draft.localId() + " appears more than once in this batch"));
            }
            problems.add(itemProblems);
            candidates.add(itemProblems.isEmpty() ? newOutcome(ledger, caller, draft) : null);
        }
        // Two reads for the whole batch: the records under the candidates' keys, then the accounts
        // of the learners that new records go to.
        List<Optional<Outcome>> existing = outcomes.storedAll(candidates);
        Set<String> accounts = ctx.accounts().existing(learnersOfNew(candidates, existing));

        List<Violation> report = new ArrayList<>();
        List<Outcome> results = new ArrayList<>();
        List<Outcome> fresh = new ArrayList<>();
        int rejected = 0;
        for (int i = 0; i < drafts.size(); i++) {
            List<Violation> itemProblems = problems.get(i);
            Outcome outcome = candidates.get(i);
            if (outcome != null && existing.get(i).isPresent()) {
                if (existing.get(i).get().contentHash().equals(outcome.contentHash())) {
                    results.add(existing.get(i).get());
                } else {
                    itemProblems = List.of(conflictViolation(outcome.id()));
                }
            } else if (outcome != null && !accounts.contains(outcome.draft().learner())) {
                itemProblems = List.of(new Violation(ErrorCode.ACCOUNT_NOT_FOUND, "learner",
                        "no learner account " + outcome.draft().learner()));
            } else if (outcome != null) {
                results.add(outcome);
                fresh.add(outcome);
            }
            if (!itemProblems.isEmpty()) {
                rejected++;
                final int index = i;
                itemProblems.forEach(p -> report.add(p.atIndex(index)));
            }
        }
        if (!report.isEmpty()) {
            throw Refusal.batch(rejected, drafts.size(), report);
        }
        fresh.forEach(outcomes::add);
        if (!fresh.isEmpty()) {
            outcomes.recordIssuance(caller.mspId(), fresh.stream().map(Outcome::id).toList());
            ledger.emit("OutcomesIssued", event(caller.mspId(), fresh.stream().map(Outcome::id).toList(),
                    OutcomeStatus.ACTIVE, null));
        }
        return Contracts.json(results.stream().map(IssuedRecord::of).toList());
    }

    /** The learner of every candidate that is not stored yet: the accounts a batch must find. */
    private static List<String> learnersOfNew(List<Outcome> candidates, List<Optional<Outcome>> existing) {
        List<String> learners = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            if (candidates.get(i) != null && existing.get(i).isEmpty()) {
                learners.add(candidates.get(i).draft().learner());
            }
        }
        return learners;
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String get(LedgerContext ctx, String id) {
        Caller.of(ctx).mustRead();
        return Contracts.json(ctx.outcomes().require(id));
    }

    /** Every version of the record: who changed what, in which transaction, when. */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String history(LedgerContext ctx, String id) {
        Caller.of(ctx).mustRead();
        return Contracts.json(ctx.outcomes().history(id));
    }

    /**
     * The id, award time and status of each outcome that transaction {@code txId} of the caller's
     * own organisation issued, in issuance order: one status list for the credentials of those
     * outcomes (a credential's status index is its outcome's place here). Its cost is that
     * transaction's size, at most {@value OutcomeBatch#MAX_ITEMS} records, whatever the institution issued before.
     */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String issuanceStatuses(LedgerContext ctx, String txId) {
        Caller caller = Caller.of(ctx).mustRead();
        List<String> ids = ctx.outcomes().issuedIn(caller.mspId(), txId)
                .orElseThrow(() -> Refusal.of(ErrorCode.NOT_FOUND, caller.mspId() + " issued nothing in transaction " + txId));
        return Contracts.json(ctx.outcomes().requireAll(ids).stream()
                .map(o -> new IssuedStatus(o.id(), o.awardedAt(), o.status())).toList());
    }

    /** Suspends an ACTIVE outcome (reversible), e.g. while a complaint is investigated. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String suspend(LedgerContext ctx, String id, String reason) {
        return changeStatus(ctx, id, OutcomeStatus.SUSPENDED, reason);
    }

    /** Returns a SUSPENDED outcome to ACTIVE. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String reinstate(LedgerContext ctx, String id, String reason) {
        return changeStatus(ctx, id, OutcomeStatus.ACTIVE, reason);
    }

    /** Revokes an outcome for good. The record stays, marked REVOKED with the reason. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String revoke(LedgerContext ctx, String id, String reason) {
        return changeStatus(ctx, id, OutcomeStatus.REVOKED, reason);
    }

    private String changeStatus(LedgerContext ctx, String id, OutcomeStatus next, String reason) {
        Caller caller = Caller.of(ctx).mustWrite();
        Refusal.throwIfAny(StatusReason.validate(reason));
        Ledger ledger = ctx.ledger();
        Outcome outcome = ctx.outcomes().require(id);
        caller.mustOwn(outcome.issuer(), "outcome " + id);
        if (!outcome.status().canBecome(next)) {
            throw Refusal.of(ErrorCode.INVALID_STATUS_TRANSITION,
                    "outcome " + id + " is " + outcome.status() + " and cannot become " + next);
        }
        Outcome changed = outcome.withStatus(next, reason, ledger.now().toString(), caller.id());
        ctx.outcomes().update(changed);
        ledger.emit("OutcomeStatusChanged", event(caller.mspId(), List.of(id), next, reason));
        return Contracts.json(changed);
    }

    private static Outcome newOutcome(Ledger ledger, Caller caller, OutcomeDraft draft) {
        String id = RecordId.outcome(caller.mspId(), draft.localId()).toString();
        return new Outcome(id, caller.mspId(), draft, Outcome.hashOf(caller.mspId(), draft),
                ledger.now().toString(), ledger.txId(), OutcomeStatus.ACTIVE, null, null, caller.id());
    }

    private static Outcome sameOrConflict(Outcome existing, Outcome candidate) {
        if (existing.contentHash().equals(candidate.contentHash())) {
            return existing;
        }
        Violation conflict = conflictViolation(existing.id());
        throw Refusal.of(ErrorCode.CONFLICT, conflict.message());
    }

    private static Violation conflictViolation(String id) {
        return new Violation(ErrorCode.CONFLICT, "localId",
                "outcome " + id + " already exists with different content; use a new localId for a new record");
    }

    private static LocalDate today(Ledger ledger) {
        return ledger.now().atOffset(ZoneOffset.UTC).toLocalDate();
    }

    private static Map<String, Object> event(String issuer, List<String> ids, OutcomeStatus status, String reason) {
        Map<String, Object> event = new TreeMap<>();
        event.put("issuer", issuer);
        event.put("ids", ids);
        event.put("status", status);
        if (reason != null) {
            event.put("reason", reason);
        }
        return event;
    }
}
