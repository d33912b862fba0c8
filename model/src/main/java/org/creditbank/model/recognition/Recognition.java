package org.creditbank.model.recognition;

import java.math.BigDecimal;
import org.creditbank.model.RecordId;
import org.creditbank.model.json.CanonicalJson;

/**
 * A recognition decision on the ledger (学分互认): which outcomes institution {@code recogniser}
 * counted, as what, and for how many credits. Decided once and never edited; whether it still
 * stands depends on its sources, see {@link RecognitionView}.
 *
 * @param id          {@code <recogniser MSP>:rec:<localId>}, see {@link RecordId}
 * @param ruleOwner   owner of the applied rule, null for MANUAL. Nothing reads it: a rule is always
 *                    the recogniser's own, so it equals {@code recogniser}. It stays because every
 *                    stored RULE recognition carries it and strict reading refuses unknown fields
 *                    (removing it would make those records unreadable) and the API shows it; it
 *                    is not part of the content hash.
 * @param contentHash SHA-256 of the canonical JSON of {@link #content()}
 */
public record Recognition(
        String id,
        String recogniser,
        RecognitionRequest request,
        CreditTarget target,
        BigDecimal credits,
        String ruleOwner,
        String contentHash,
        String recognisedAt,
        String txId,
        String changedBy) {

    /** A new decision, its content hash computed over {@link #content()}. */
    public static Recognition decided(String id, String recogniser, RecognitionRequest request, CreditTarget target,
                                      BigDecimal credits, String ruleOwner, String recognisedAt, String txId,
                                      String changedBy) {
        String hash = CanonicalJson.sha256Hex(new Content(id, recogniser, request, target, credits));
        return new Recognition(id, recogniser, request, target, credits, ruleOwner, hash, recognisedAt, txId, changedBy);
    }

    /** The hashed part: what was decided, by whom, without timestamps. */
    public Content content() {
        return new Content(id, recogniser, request, target, credits);
    }

    /** The exact object whose canonical JSON is hashed into {@code contentHash}. */
    public record Content(String id, String recogniser, RecognitionRequest request, CreditTarget target,
                          BigDecimal credits) {
    }
}
