package org.creditbank.gateway.recognition;

import java.util.List;
import org.creditbank.gateway.ApiException;
import org.creditbank.gateway.auth.Principal;
import org.creditbank.gateway.ledger.LedgerCall;
import org.creditbank.gateway.ledger.LedgerClient;
import org.creditbank.gateway.ledger.LedgerResult;
import org.creditbank.gateway.ledger.Receipt;
import org.creditbank.model.StatusReason;
import org.creditbank.model.history.HistoryEntry;
import org.creditbank.model.RecordId;
import org.creditbank.model.json.CanonicalJson;
import org.creditbank.model.recognition.RecognitionRequest;
import org.creditbank.model.recognition.RecognitionRule;
import org.creditbank.model.recognition.RecognitionView;
import org.creditbank.model.recognition.RuleTerms;

/** Transfer rules and recognition decisions of the gateway's own institution. */
public final class RecognitionService {

    private final LedgerClient ledger;

    public RecognitionService(LedgerClient ledger) {
        this.ledger = ledger;
    }

    public Receipt<RecognitionRule> publishRule(Principal registrar, RuleTerms terms) {
        ApiException.throwIfAny(terms.validate());
        LedgerResult r = ledger.submit(registrar.identity(), LedgerCall.of("recognition:publishRule", CanonicalJson.toJson(terms)));
        return Receipt.of(r, RecognitionRule.class);
    }

    public Receipt<RecognitionRule> retireRule(Principal registrar, String code, int version, String reason) {
        ApiException.throwIfAny(StatusReason.validate(reason));
        LedgerResult r = ledger.submit(registrar.identity(),
                LedgerCall.of("recognition:retireRule", code, Integer.toString(version), reason));
        return Receipt.of(r, RecognitionRule.class);
    }

    public List<RecognitionRule> rules(Principal caller, String owner) {
        RecordId.institutionViolation("owner", owner).ifPresent(v -> {
            throw ApiException.of(v);
        });
        return List.of(CanonicalJson.read(ledger.evaluate(caller.identity(), LedgerCall.of("recognition:listRules", owner)),
                RecognitionRule[].class));
    }

    /** One version of a rule of {@code owner}'s. */
    public RecognitionRule rule(Principal caller, String owner, String code, int version) {
        RecordId.institutionViolation("owner", owner).ifPresent(v -> {
            throw ApiException.of(v);
        });
        return CanonicalJson.read(ledger.evaluate(caller.identity(),
                LedgerCall.of("recognition:getRule", owner, code, Integer.toString(version))), RecognitionRule.class);
    }

    public Receipt<RecognitionView> recognise(Principal registrar, RecognitionRequest request) {
        ApiException.throwIfAny(request.validate());
        LedgerResult r = ledger.submit(registrar.identity(), LedgerCall.of("recognition:recognise", CanonicalJson.toJson(request)));
        return Receipt.of(r, RecognitionView.class, view -> r.committedAs(view.recognition().txId()));
    }

    /** A recognition; a learner sees only their own (anything else looks absent to them, as for outcomes). */
    public RecognitionView get(Principal caller, String id) {
        RecognitionView view = CanonicalJson.read(ledger.evaluate(caller.identity(), LedgerCall.of("recognition:get", id)),
                RecognitionView.class);
        if (!caller.mayReadRecordsOf(view.recognition().request().learner())) {
            throw ApiException.notFound("no recognition " + id);
        }
        return view;
    }

    /** Every version of a recognition: transaction, time, who, which fields changed. */
    public List<HistoryEntry> history(Principal caller, String id) {
        return List.of(CanonicalJson.read(ledger.evaluate(caller.identity(), LedgerCall.of("recognition:history", id)),
                HistoryEntry[].class));
    }
}
