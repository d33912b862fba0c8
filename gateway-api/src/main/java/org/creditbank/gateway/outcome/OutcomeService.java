package org.creditbank.gateway.outcome;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
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
import org.creditbank.model.json.CanonicalJson;
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

    public Receipt issue(Principal registrar, OutcomeDraft draft) {
        ApiException.throwIfAny(draft.validate());
        LedgerResult result = ledger.submit(registrar.identity(), LedgerCall.repeatable("outcome:issue", CanonicalJson.toJson(draft)));
        return Receipt.of(result, outcome -> issuedIn(outcome, result.commit()));
    }

    /** Issues up to {@value OutcomeBatch#MAX_ITEMS} outcomes in one transaction; all or nothing. */
    public Receipt issueBatch(Principal registrar, List<OutcomeDraft> drafts) {
        requireValidBatch(drafts);
        LedgerResult result = ledger.submit(registrar.identity(),
                LedgerCall.repeatable("outcome:issueBatch", CanonicalJson.toJson(drafts)));
        return Receipt.of(result, outcomes -> {
            for (JsonNode o : outcomes) {
                if (issuedIn(o, result.commit())) {
                    return true;
                }
            }
            return false;
        });
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
        List<Boolean> onLedger = new ArrayList<>();
        CanonicalJson.read(s.payload(), JsonNode.class).forEach(o -> onLedger.add(!s.txId().equals(o.path("awardTxId").asText())));
        return onLedger;
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
     * Whether {@code outcome} was issued by the transaction of {@code commit} (not found there by a
     * retry; a call that committed nothing issued nothing).
     */
    public static boolean issuedIn(JsonNode outcome, Optional<LedgerResult.Commit> commit) {
        return commit.map(c -> c.txId().equals(outcome.path("awardTxId").asText())).orElse(false);
    }

    /** An outcome; a learner sees only their own (anything else looks absent to them). */
    public JsonNode get(Principal caller, String id) {
        JsonNode outcome = CanonicalJson.read(ledger.evaluate(caller.identity(), LedgerCall.of("outcome:get", id)), JsonNode.class);
        if (!caller.mayReadRecordsOf(outcome.at("/draft/learner").asText())) {
            throw ApiException.notFound("no outcome " + id);
        }
        return outcome;
    }

    public JsonNode history(Principal caller, String id) {
        return CanonicalJson.read(ledger.evaluate(caller.identity(), LedgerCall.of("outcome:history", id)), JsonNode.class);
    }

    public Receipt changeStatus(Principal registrar, String id, StatusChange change, String reason) {
        ApiException.throwIfAny(StatusReason.validate(reason));
        LedgerResult result = ledger.submit(registrar.identity(), LedgerCall.of(change.function, id, reason));
        return Receipt.of(result);
    }
}
