package org.creditbank.gateway.verification;

import org.creditbank.gateway.ApiException;
import org.creditbank.gateway.ledger.LedgerCall;
import org.creditbank.gateway.ledger.LedgerClient;
import org.creditbank.model.json.CanonicalJson;
import org.creditbank.model.verification.Verification;

/**
 * Public verification: anyone holding a record id and content hash gets the ledger's verdict with
 * its reason. It needs no login; the gateway asks the ledger with its own verifier identity. Whoever
 * does not hold the content (a wrong hash) gets NO_MATCH and nothing else: the chaincode decides
 * that, and this class passes its answer on unchanged.
 */
public final class VerificationService {

    private final LedgerClient ledger;
    private final String serviceIdentity;

    public VerificationService(LedgerClient ledger, String serviceIdentity) {
        this.ledger = ledger;
        this.serviceIdentity = serviceIdentity;
    }

    /** The question a verifier asks: is record {@code recordId} with this content genuine and in force? */
    public record Question(String recordId, String contentHash) {
    }

    public Verification verify(Question q) {
        ApiException.throwIfAny(Verification.questionViolations(q.recordId(), q.contentHash()));
        return CanonicalJson.read(ledger.evaluate(serviceIdentity,
                LedgerCall.of("verification:verify", q.recordId(), q.contentHash())), Verification.class);
    }

    /** Whether the ledger answers at all: the readiness probe. */
    public boolean ledgerAnswers() {
        try {
            ledger.evaluate(serviceIdentity, LedgerCall.of("institution:list"));
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
