package org.creditbank.gateway.institution;

import com.fasterxml.jackson.databind.JsonNode;
import org.creditbank.gateway.auth.Principal;
import org.creditbank.gateway.ledger.LedgerCall;
import org.creditbank.gateway.ledger.LedgerClient;
import org.creditbank.model.json.CanonicalJson;

/** The consortium's members and the gateway's own institution. */
public final class InstitutionService {

    private final LedgerClient ledger;
    private final String ownMspId;

    public InstitutionService(LedgerClient ledger, String ownMspId) {
        this.ledger = ledger;
        this.ownMspId = ownMspId;
    }

    public JsonNode list(Principal caller) {
        return CanonicalJson.read(ledger.evaluate(caller.identity(), LedgerCall.of("institution:list")), JsonNode.class);
    }

    public JsonNode own(Principal caller) {
        return CanonicalJson.read(ledger.evaluate(caller.identity(), LedgerCall.of("institution:get", ownMspId)), JsonNode.class);
    }
}
