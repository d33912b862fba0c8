package org.creditbank.gateway.outcome;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.creditbank.gateway.ApiException;
import org.creditbank.gateway.auth.Principal;
import org.creditbank.gateway.ledger.LedgerCall;
import org.creditbank.gateway.ledger.LedgerClient;
import org.creditbank.gateway.ledger.LedgerResult;
import org.creditbank.gateway.ledger.Receipt;
import org.creditbank.model.ErrorCode;
import org.creditbank.model.Violation;
import org.creditbank.model.StatusReason;
import org.creditbank.model.history.HistoryEntry;
import org.creditbank.model.json.CanonicalJson;
import org.creditbank.model.outcome.IssuedRecord;
import org.creditbank.model.outcome.Outcome;
import org.creditbank.model.outcome.OutcomeBatch;
import org.creditbank.model.outcome.OutcomeDraft;

/**
 * Registrars' work on learning outcomes: issue one or a batch, read, history, status changes.
 * Input is checked with the same rules the chaincode applies, so most mistakes get a 400 without a
 * round trip; the chaincode still decides.
 */
public final class OutcomeService {

    /** A status change a registrar can make. */
    public enum StatusChange {
        SUSPEND("outcome:suspend"), REINSTATE("outcome:reinstate"), REVOKE("outcome:revoke");

        private final String function;

        StatusChange(String function) {
            this.function = function;
        }
    }

    private final LedgerClient ledger;

    public OutcomeService(LedgerClient ledger) {
        this.ledger = ledger;
    }

    public Receipt<Outcome> issue(Principal registrar, OutcomeDraft draft) {
        ApiException.throwIfAny(draft.validate());
        LedgerResult result = ledger.submit(registrar.identity(), LedgerCall.repeatable("outcome:issue", CanonicalJson.toJson(draft)));
        return Receipt.of(result, Outcome.class, outcome -> issuedIn(outcome.awardTxId(), result.commit()));
    }

    /**
     * Issues up to {@value OutcomeBatch#MAX_ITEMS} outcomes in one transaction; all or nothing. The
     * receipt holds, in the order of the drafts, what the chaincode answers for each (not the whole
     * record: the caller sent its content).
     */
    public Receipt<IssuedRecord[]> issueBatch(Principal registrar, List<OutcomeDraft> drafts) {
        requireValidBatch(drafts);
        LedgerResult result = ledger.submit(registrar.identity(),
                LedgerCall.repeatable("outcome:issueBatch", CanonicalJson.toJson(drafts)));
        return Receipt.of(result, IssuedRecord[].class,
                issued -> Arrays.stream(issued).anyMatch(o -> issuedIn(o.awardTxId(), result.commit())));
    }

    /**
     * What {@link #issueBatch} would do right now, without doing it: for each draft, whether its
     * record is already on the ledger. Refused exactly as the real batch would be (the chaincode
     * decides), so a dry run finds conflicts with existing records and missing accounts.
     */
    public List<Boolean> checkBatch(Principal registrar, List<OutcomeDraft> drafts) {
        requireValidBatch(drafts);
        LedgerClient.Simulation s = ledger.simulate(registrar.identity(),
                LedgerCall.of("outcome:issueBatch", CanonicalJson.toJson(drafts)));
        return Arrays.stream(CanonicalJson.read(s.payload(), IssuedRecord[].class))
                .map(o -> !s.txId().equals(o.awardTxId())).toList();
    }

    private static void requireValidBatch(List<OutcomeDraft> drafts) {
        OutcomeBatch.sizeViolation(drafts.size()).ifPresent(v -> {
            throw ApiException.of(v);
        });
        List<Violation> report = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            final int index = i;
            OutcomeDraft draft = drafts.get(i);
            (draft == null ? List.of(OutcomeBatch.NULL_ITEM) : draft.validate()).forEach(v -> report.add(v.atIndex(index)));
        }
        if (!report.isEmpty()) {
            long bad = report.stream().map(Violation::index).distinct().count();
            throw new ApiException(ErrorCode.BATCH_REJECTED, bad + " of " + drafts.size()
                    + " items are invalid; nothing was issued", report, null, null);
        }
    }

    /**
     * Whether the outcome with {@code awardTxId} was issued by the transaction of {@code commit}
     * (not found there by a retry; a call that committed nothing issued nothing).
     */
    public static boolean issuedIn(String awardTxId, Optional<LedgerResult.Commit> commit) {
        return commit.map(c -> c.txId().equals(awardTxId)).orElse(false);
    }

    /** An outcome; a learner sees only their own (anything else looks absent to them). */
    public Outcome get(Principal caller, String id) {
        Outcome outcome = CanonicalJson.read(ledger.evaluate(caller.identity(), LedgerCall.of("outcome:get", id)), Outcome.class);
        if (!caller.mayReadRecordsOf(outcome.draft().learner())) {
            throw ApiException.notFound("no outcome " + id);
        }
        return outcome;
    }

    /** Every version of an outcome, oldest first (a route for staff). */
    public List<HistoryEntry> history(Principal caller, String id) {
        return List.of(CanonicalJson.read(ledger.evaluate(caller.identity(), LedgerCall.of("outcome:history", id)),
                HistoryEntry[].class));
    }

    public Receipt<Outcome> changeStatus(Principal registrar, String id, StatusChange change, String reason) {
        ApiException.throwIfAny(StatusReason.validate(reason));
        LedgerResult result = ledger.submit(registrar.identity(), LedgerCall.of(change.function, id, reason));
        return Receipt.of(result, Outcome.class);
    }
}
