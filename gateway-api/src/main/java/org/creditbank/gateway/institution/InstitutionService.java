package org.creditbank.gateway.institution;

import java.util.List;
import org.creditbank.gateway.ApiException;
import org.creditbank.gateway.auth.Principal;
import org.creditbank.gateway.ledger.LedgerCall;
import org.creditbank.gateway.ledger.LedgerClient;
import org.creditbank.model.RecordId;
import org.creditbank.model.institution.Institution;
import org.creditbank.model.json.CanonicalJson;

/** The consortium's members and the gateway's own institution. */
public final class InstitutionService {

    private final LedgerClient ledger;
    private final String ownMspId;

    public InstitutionService(LedgerClient ledger, String ownMspId) {
        this.ledger = ledger;
        this.ownMspId = ownMspId;
    }

    public List<Institution> list(Principal caller) {
        return List.of(CanonicalJson.read(ledger.evaluate(caller.identity(), LedgerCall.of("institution:list")),
                Institution[].class));
    }

    public Institution own(Principal caller) {
        return CanonicalJson.read(ledger.evaluate(caller.identity(), LedgerCall.of("institution:get", ownMspId)),
                Institution.class);
    }

    /** Any member by its MSP id: the name and type a page shows beside the records it issued. */
    public Institution byId(Principal caller, String mspId) {
        RecordId.institutionViolation("mspId", mspId).ifPresent(v -> {
            throw ApiException.of(v);
        });
        return CanonicalJson.read(ledger.evaluate(caller.identity(), LedgerCall.of("institution:get", mspId)),
                Institution.class);
    }
}
