package org.creditbank.gateway.learner;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.SecureRandom;
import org.creditbank.gateway.ApiException;
import org.creditbank.gateway.auth.Principal;
import org.creditbank.gateway.auth.Role;
import org.creditbank.gateway.ledger.LedgerCall;
import org.creditbank.gateway.ledger.LedgerClient;
import org.creditbank.gateway.ledger.LedgerResult;
import org.creditbank.gateway.ledger.Receipt;
import org.creditbank.model.json.CanonicalJson;
import org.creditbank.model.learner.AccountNumber;

/**
 * Learner accounts and transcripts. The gateway draws the random account number (the chaincode
 * has no randomness); a learner may read only the transcript of the account their token is bound to.
 */
public final class LearnerService {

    private final LedgerClient ledger;
    private final SecureRandom random = new SecureRandom();

    public LearnerService(LedgerClient ledger) {
        this.ledger = ledger;
    }

    /** Opens a new account with a fresh random number. */
    public Receipt openAccount(Principal registrar) {
        String number = AccountNumber.random(random);
        LedgerResult r = ledger.submit(registrar.identity(), LedgerCall.of("learner:openAccount", number));
        return Receipt.of(r);
    }

    public JsonNode transcript(Principal caller, String accountNo) {
        if (caller.role() == Role.LEARNER && !accountNo.equals(caller.learner())) {
            throw ApiException.forbidden("a learner token may read only its own transcript");
        }
        return CanonicalJson.read(ledger.evaluate(caller.identity(), LedgerCall.of("transcript:transcript", accountNo)),
                JsonNode.class);
    }
}
