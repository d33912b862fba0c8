package org.creditbank.model.points;

import org.creditbank.model.RecordId;
import org.creditbank.model.json.CanonicalJson;

/**
 * A school's confirmation on the ledger. Withdrawing it (e.g. the enterprise did not keep the
 * graduate's contract) takes back the points it earned, see docs/industry-education.md.
 *
 * @param id          {@code <school MSP>:conf:<localId>}, see {@link RecordId}
 * @param contentHash SHA-256 of the canonical JSON of {@link #content()}
 */
public record SchoolConfirmation(
        String id,
        String school,
        ConfirmationRequest request,
        String contentHash,
        String confirmedAt,
        String txId,
        ConfirmationStatus status,
        String statusReason,
        String statusChangedAt,
        String changedBy) {

    public static SchoolConfirmation confirmed(String id, String school, ConfirmationRequest request, String at,
                                               String txId, String by) {
        return new SchoolConfirmation(id, school, request, CanonicalJson.sha256Hex(new Content(id, school, request)),
                at, txId, ConfirmationStatus.CONFIRMED, null, null, by);
    }

    /** The hashed part: what the school confirmed, without timestamps. */
    public Content content() {
        return new Content(id, school, request);
    }

    public SchoolConfirmation withdrawn(String reason, String at, String by) {
        return new SchoolConfirmation(id, school, request, contentHash, confirmedAt, txId, ConfirmationStatus.WITHDRAWN,
                reason, at, by);
    }

    public record Content(String id, String school, ConfirmationRequest request) {
    }
}
