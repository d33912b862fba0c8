package org.creditbank.model.outcome;

import java.time.LocalDate;
import org.creditbank.model.RecordId;
import org.creditbank.model.json.CanonicalJson;

/**
 * A learning outcome as recorded on the ledger.
 *
 * @param id              {@code <issuer MSP>:<localId>}, see {@link RecordId}
 * @param issuer          MSP id of the issuing institution, taken from the registrar's identity
 * @param draft           what the registrar submitted
 * @param contentHash     SHA-256 of the canonical JSON of {@link #content()}
 * @param awardedAt       transaction timestamp of the issuance (ISO-8601 UTC)
 * @param awardTxId       transaction that issued it
 * @param status          current status
 * @param statusReason    why the status last changed (null while never changed)
 * @param statusChangedAt when it last changed
 * @param changedBy       identity of the registrar who made the last change
 */
public record Outcome(
        String id,
        String issuer,
        OutcomeDraft draft,
        String contentHash,
        String awardedAt,
        String awardTxId,
        OutcomeStatus status,
        String statusReason,
        String statusChangedAt,
        String changedBy) {

    /** The hashed part of the record. */
    public OutcomeContent content() {
        return new OutcomeContent(id, issuer, draft);
    }

    /** The content hash a draft gets when {@code issuer} issues it. */
    public static String hashOf(String issuer, OutcomeDraft draft) {
        return CanonicalJson.sha256Hex(new OutcomeContent(RecordId.outcome(issuer, draft.localId()).toString(), issuer,
                draft));
    }

    /**
     * Whether this record stands on {@code day}: ACTIVE and not past its last valid day. What the
     * chaincode's verification answers VALID for, and what a signed transcript may hold.
     */
    public boolean inForceOn(LocalDate day) {
        return status == OutcomeStatus.ACTIVE && Validity.inForceOn(draft.validUntil(), day);
    }

    /** This record after a status change. */
    public Outcome withStatus(OutcomeStatus next, String reason, String at, String by) {
        return new Outcome(id, issuer, draft, contentHash, awardedAt, awardTxId, next, reason, at, by);
    }
}
