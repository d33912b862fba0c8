package org.creditbank.gateway.recognition;

import com.fasterxml.jackson.databind.JsonNode;
import org.creditbank.gateway.ApiException;
import org.creditbank.gateway.auth.Principal;
import org.creditbank.gateway.ledger.LedgerCall;
import org.creditbank.gateway.ledger.LedgerClient;
import org.creditbank.gateway.ledger.LedgerResult;
import org.creditbank.gateway.ledger.Receipt;
import org.creditbank.model.StatusReason;
import org.creditbank.model.RecordId;
import org.creditbank.model.json.CanonicalJson;
import org.creditbank.model.recognition.RecognitionRequest;
import org.creditbank.model.recognition.RuleTerms;

/** Transfer rules and recognition decisions of the gateway's own institution. */
public final class RecognitionService {

    private final LedgerClient ledger;

    public RecognitionService(LedgerClient ledger) {
        this.ledger = ledger;
    }

    public Receipt publishRule(Principal registrar, RuleTerms terms) {
        ApiException.throwIfAny(terms.validate());
        LedgerResult r = ledger.submit(registrar.identity(), LedgerCall.of("recognition:publishRule", CanonicalJson.toJson(terms)));
        return Receipt.of(r);
    }

    public Receipt retireRule(Principal registrar, String code, int version, String reason) {
        ApiException.throwIfAny(StatusReason.validate(reason));
        LedgerResult r = ledger.submit(registrar.identity(),
                LedgerCall.of("recognition:retireRule", code, Integer.toString(version), reason));
        return Receipt.of(r);
    }

    public JsonNode rules(Principal caller, String owner) {
        RecordId.institutionViolation("owner", owner).ifPresent(v -> {
            throw ApiException.of(v);
        });
        return CanonicalJson.read(ledger.evaluate(caller.identity(), LedgerCall.of("recognition:listRules", owner)), JsonNode.class);
    }

    public Receipt recognise(Principal registrar, RecognitionRequest request) {
        ApiException.throwIfAny(request.validate());
        LedgerResult r = ledger.submit(registrar.identity(), LedgerCall.of("recognition:recognise", CanonicalJson.toJson(request)));
        return Receipt.of(r, view -> r.committedAs(view.at("/recognition/txId").asText()));
    }

    public JsonNode get(Principal caller, String id) {
        return CanonicalJson.read(ledger.evaluate(caller.identity(), LedgerCall.of("recognition:get", id)), JsonNode.class);
    }
}
