package org.creditbank.model.verification;

/**
 * The ledger's answer to a verification query, with the reason a verifier can show a person.
 *
 * @param status       the record's status (outcome status, or a recognition's effective status)
 * @param statusReason the issuer's reason for the last status change, if any
 * @param checkedAt    transaction timestamp the answer was computed at
 */
public record Verification(String recordId, Verdict verdict, String reason, String status, String statusReason,
                           String checkedAt) {
}
