package org.creditbank.chaincode.outcome;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.creditbank.chaincode.Contracts;
import org.creditbank.chaincode.Refusal;
import org.creditbank.chaincode.access.Caller;
import org.creditbank.chaincode.institution.InstitutionContract;
import org.creditbank.chaincode.state.Keys;
import org.creditbank.chaincode.state.Ledger;
import org.creditbank.model.ErrorCode;
import org.creditbank.model.Violation;
import org.creditbank.model.Violations;
import org.creditbank.model.institution.Institution;
import org.creditbank.model.outcome.IssuedStatus;
import org.creditbank.model.outcome.Outcome;
import org.creditbank.model.outcome.OutcomeDraft;
import org.creditbank.model.outcome.OutcomeStatus;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;

/**
 * Learning outcomes (学习成果): issuance one by one or in batches of up to {@value #MAX_BATCH},
 * status changes by the issuer, reads and history. The issuer is always the caller's organisation,
 * and each record can afterwards be endorsed only by the issuer's peers.
 */
@Contract(name = "outcome", info = @Info(title = "CreditBank learning outcomes", version = "1"))
public final class OutcomeContract implements ContractInterface {

    public static final int MAX_BATCH = 500;
    private static final int MAX_REASON = 500;

    /**
     * Issues one outcome. Issuing the same content under the same local id again returns the
     * existing record and writes nothing; different content under that id is a conflict.
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String issue(Context ctx, String draftJson) {
        Caller caller = Caller.of(ctx).mustWrite();
        Ledger ledger = new Ledger(ctx.getStub());
        Institution issuer = InstitutionContract.require(ledger, caller.mspId());
        OutcomeDraft draft = Contracts.parse(draftJson, OutcomeDraft.class);
        Refusal.throwIfAny(IssuanceRules.check(issuer.profile().type(), draft, today(ledger)));

        Outcome outcome = newOutcome(ledger, caller, draft);
        Optional<Outcome> existing = ledger.get(key(ledger, outcome), Outcome.class);
        if (existing.isPresent()) {
            return Contracts.json(sameOrConflict(existing.get(), outcome));
        }
        requireAccount(ledger, draft.learner());
        write(ledger, outcome);
        recordIssuance(ledger, caller.mspId(), List.of(outcome.id()));
        ledger.emit("OutcomeIssued", event(caller.mspId(), List.of(outcome.id()), OutcomeStatus.ACTIVE, null));
        return Contracts.json(outcome);
    }

    /**
     * Issues up to {@value #MAX_BATCH} outcomes in one transaction, all or nothing. When any item
     * is invalid nothing is written and the refusal lists every failing item by index. Items that
     * already exist with identical content are returned as they are (a retried batch is harmless).
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String issueBatch(Context ctx, String draftsJson) {
        Caller caller = Caller.of(ctx).mustWrite();
        Ledger ledger = new Ledger(ctx.getStub());
        Institution issuer = InstitutionContract.require(ledger, caller.mspId());
        // Arrays.asList keeps null items, which the per-item report names.
        List<OutcomeDraft> drafts = Arrays.asList(Contracts.parse(draftsJson, OutcomeDraft[].class));
        if (drafts.isEmpty() || drafts.size() > MAX_BATCH) {
            throw Refusal.invalid(List.of(new Violation(ErrorCode.INVALID_FIELD, "items",
                    "a batch holds 1 to " + MAX_BATCH + " outcomes; this one has " + drafts.size())));
        }
        LocalDate today = today(ledger);
        List<Violation> report = new ArrayList<>();
        List<Outcome> results = new ArrayList<>();
        List<Outcome> fresh = new ArrayList<>();
        Set<String> seenLocalIds = new HashSet<>();
        Map<String, Boolean> accounts = new HashMap<>();
        int rejected = 0;
        for (int i = 0; i < drafts.size(); i++) {
            List<Violation> problems = itemProblems(ledger, caller, issuer, drafts.get(i), today, seenLocalIds,
                    accounts, results, fresh);
            if (!problems.isEmpty()) {
                rejected++;
                final int index = i;
                problems.forEach(p -> report.add(p.atIndex(index)));
            }
        }
        if (!report.isEmpty()) {
            throw Refusal.batch(rejected, drafts.size(), report);
        }
        fresh.forEach(outcome -> write(ledger, outcome));
        if (!fresh.isEmpty()) {
            recordIssuance(ledger, caller.mspId(), fresh.stream().map(Outcome::id).toList());
            ledger.emit("OutcomesIssued", event(caller.mspId(), fresh.stream().map(Outcome::id).toList(),
                    OutcomeStatus.ACTIVE, null));
        }
        return Contracts.json(results);
    }

    private List<Violation> itemProblems(Ledger ledger, Caller caller, Institution issuer, OutcomeDraft draft,
                                         LocalDate today, Set<String> seenLocalIds, Map<String, Boolean> accounts,
                                         List<Outcome> results, List<Outcome> fresh) {
        if (draft == null) {
            return List.of(new Violation(ErrorCode.INVALID_FIELD, null, "item is null"));
        }
        List<Violation> problems = new ArrayList<>(IssuanceRules.check(issuer.profile().type(), draft, today));
        if (!problems.isEmpty()) {
            return problems;
        }
        if (!seenLocalIds.add(draft.localId())) {
            return List.of(new Violation(ErrorCode.CONFLICT, "localId",
                    "localId " + draft.localId() + " appears more than once in this batch"));
        }
        Outcome outcome = newOutcome(ledger, caller, draft);
        Optional<Outcome> existing = ledger.get(key(ledger, outcome), Outcome.class);
        if (existing.isPresent()) {
            if (!existing.get().contentHash().equals(outcome.contentHash())) {
                return List.of(conflictViolation(outcome.id()));
            }
            results.add(existing.get());
            return List.of();
        }
        boolean accountExists = accounts.computeIfAbsent(draft.learner(),
                learner -> ledger.exists(ledger.key(Keys.ACCOUNT, learner)));
        if (!accountExists) {
            return List.of(new Violation(ErrorCode.ACCOUNT_NOT_FOUND, "learner", "no learner account " + draft.learner()));
        }
        results.add(outcome);
        fresh.add(outcome);
        return List.of();
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String get(Context ctx, String id) {
        Caller.of(ctx).mustRead();
        return Contracts.json(require(new Ledger(ctx.getStub()), id));
    }

    /** Every version of the record: who changed what, in which transaction, when. */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String history(Context ctx, String id) {
        Caller.of(ctx).mustRead();
        Ledger ledger = new Ledger(ctx.getStub());
        require(ledger, id);
        return Contracts.json(ledger.history(key(ledger, require(ledger, id))));
    }

    /**
     * The id, award time and status of each outcome that transaction {@code txId} of the caller's
     * own organisation issued, in issuance order: one status list for the credentials of those
     * outcomes (a credential's status index is its outcome's place here). Its cost is that
     * transaction's size, at most {@value #MAX_BATCH} records, whatever the institution issued before.
     */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String issuanceStatuses(Context ctx, String txId) {
        Caller caller = Caller.of(ctx).mustRead();
        Ledger ledger = new Ledger(ctx.getStub());
        String[] ids = ledger.get(ledger.key(Keys.ISSUANCE, caller.mspId(), txId), String[].class)
                .orElseThrow(() -> Refusal.of(ErrorCode.NOT_FOUND, caller.mspId() + " issued nothing in transaction " + txId));
        return Contracts.json(Stream.of(ids).map(id -> require(ledger, id))
                .map(o -> new IssuedStatus(o.id(), o.awardedAt(), o.status())).toList());
    }

    /** Suspends an ACTIVE outcome (reversible), e.g. while a complaint is investigated. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String suspend(Context ctx, String id, String reason) {
        return changeStatus(ctx, id, OutcomeStatus.SUSPENDED, reason);
    }

    /** Returns a SUSPENDED outcome to ACTIVE. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String reinstate(Context ctx, String id, String reason) {
        return changeStatus(ctx, id, OutcomeStatus.ACTIVE, reason);
    }

    /** Revokes an outcome for good. The record stays, marked REVOKED with the reason. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String revoke(Context ctx, String id, String reason) {
        return changeStatus(ctx, id, OutcomeStatus.REVOKED, reason);
    }

    private String changeStatus(Context ctx, String id, OutcomeStatus next, String reason) {
        Caller caller = Caller.of(ctx).mustWrite();
        Violations v = new Violations();
        v.text(reason, "reason", MAX_REASON, true);
        Refusal.throwIfAny(v.list());
        Ledger ledger = new Ledger(ctx.getStub());
        Outcome outcome = require(ledger, id);
        caller.mustOwn(outcome.issuer(), "outcome " + id);
        if (!outcome.status().canBecome(next)) {
            throw Refusal.of(ErrorCode.INVALID_STATUS_TRANSITION,
                    "outcome " + id + " is " + outcome.status() + " and cannot become " + next);
        }
        Outcome changed = outcome.withStatus(next, reason, ledger.now().toString(), caller.id());
        ledger.put(key(ledger, changed), changed);
        ledger.emit("OutcomeStatusChanged", event(caller.mspId(), List.of(id), next, reason));
        return Contracts.json(changed);
    }

    /** The outcome with this id, or a NOT_FOUND refusal. */
    public static Outcome require(Ledger ledger, String id) {
        return find(ledger, id).orElseThrow(() -> Refusal.of(ErrorCode.NOT_FOUND, "no outcome " + id));
    }

    public static Optional<Outcome> find(Ledger ledger, String id) {
        String issuer = Outcome.issuerOf(id);
        if (issuer == null || issuer.length() + 1 >= id.length()) {
            return Optional.empty();
        }
        return ledger.get(ledger.key(Keys.OUTCOME, issuer, id.substring(issuer.length() + 1)), Outcome.class);
    }

    /** All outcomes of a learner, in id order, found through the learner's own index entries. */
    public static List<Outcome> forLearner(Ledger ledger, String learner) {
        return ledger.indexValues(Keys.LEARNER_OUTCOME, learner).stream().map(id -> require(ledger, id)).toList();
    }

    private static Outcome newOutcome(Ledger ledger, Caller caller, OutcomeDraft draft) {
        String id = Outcome.idOf(caller.mspId(), draft.localId());
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

    /** What this transaction issued, in order; only the issuer's peers may ever change it. */
    private static void recordIssuance(Ledger ledger, String issuer, List<String> ids) {
        String key = ledger.key(Keys.ISSUANCE, issuer, ledger.txId());
        ledger.put(key, ids);
        ledger.restrictEndorsementTo(key, issuer);
    }

    private static void write(Ledger ledger, Outcome outcome) {
        String key = key(ledger, outcome);
        ledger.put(key, outcome);
        ledger.restrictEndorsementTo(key, outcome.issuer());
        ledger.putIndex(ledger.key(Keys.LEARNER_OUTCOME, outcome.draft().learner(), outcome.id()), outcome.id());
    }

    private static void requireAccount(Ledger ledger, String learner) {
        if (!ledger.exists(ledger.key(Keys.ACCOUNT, learner))) {
            throw Refusal.of(ErrorCode.ACCOUNT_NOT_FOUND, "no learner account " + learner);
        }
    }

    /** An outcome's key: (issuer, localId), so that one issuer's records form one range. */
    private static String key(Ledger ledger, Outcome outcome) {
        return ledger.key(Keys.OUTCOME, outcome.issuer(), outcome.draft().localId());
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
