package org.creditbank.credentials;

import java.util.Objects;
import org.creditbank.model.outcome.Outcome;

/**
 * One outcome a recognition stands on, as the recognition's credential names it: the ledger record
 * (its id, issuer and content hash go into the credential) and the issuing institution's name as
 * registered, so a reader sees where the credit was earned without asking the ledger.
 */
public record RecognisedSource(Outcome outcome, String issuerName) {

    public RecognisedSource {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(issuerName, "issuerName");
    }
}
