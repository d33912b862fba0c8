package org.creditbank.model.verification;

import java.util.List;
import org.creditbank.model.Violation;
import org.creditbank.model.Violations;

/**
 * The ledger's answer to a verification query, with the reason a verifier can show a person.
 *
 * @param status       the record's status (outcome status, or a recognition's effective status);
 *                     null for {@link Verdict#NO_MATCH}, which says nothing about any record
 * @param statusReason the issuer's reason for the last status change, if any (never for NO_MATCH)
 * @param checkedAt    transaction timestamp the answer was computed at
 */
public record Verification(String recordId, Verdict verdict, String reason, String status, String statusReason,
                           String checkedAt) {

    /**
     * Every rule the question "is record {@code recordId} with this content hash genuine and in
     * force?" breaks: the gateway refuses such a question before asking, the chaincode again.
     */
    public static List<Violation> questionViolations(String recordId, String contentHash) {
        Violations v = new Violations();
        v.recordId(recordId, "recordId");
        v.sha256(contentHash, "contentHash", true);
        return v.list();
    }
}
