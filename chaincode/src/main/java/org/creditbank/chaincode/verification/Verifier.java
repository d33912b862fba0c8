package org.creditbank.chaincode.verification;

import java.time.LocalDate;
import org.creditbank.model.outcome.Outcome;
import org.creditbank.model.outcome.OutcomeStatus;
import org.creditbank.model.outcome.Validity;
import org.creditbank.model.recognition.RecognitionView;
import org.creditbank.model.verification.Verdict;
import org.creditbank.model.verification.Verification;

/**
 * Decides a verification verdict from what the ledger holds. Checks in the order a verifier
 * cares about: does it exist, is it the content that was issued, is it still in force. Pure.
 */
public final class Verifier {

    private Verifier() {
    }

    public static Verification notFound(String id, String at) {
        return new Verification(id, Verdict.NOT_FOUND, "no record " + id + " exists on the ledger", null, null, at);
    }

    public static Verification outcome(Outcome o, String presentedHash, String at) {
        if (!o.contentHash().equals(presentedHash)) {
            return mismatch(o.id(), o.status().name(), at);
        }
        Verification byStatus = byStatus(o.id(), o.status(), o.statusReason(), at);
        if (byStatus != null) {
            return byStatus;
        }
        if (!Validity.inForceOn(o.draft().validUntil(), LocalDate.parse(at.substring(0, 10)))) {
            return new Verification(o.id(), Verdict.EXPIRED, "the record was valid until " + o.draft().validUntil(),
                    o.status().name(), o.statusReason(), at);
        }
        return new Verification(o.id(), Verdict.VALID, "issued by " + o.issuer() + " on " + o.awardedAt()
                + "; content matches; in force", o.status().name(), null, at);
    }

    public static Verification recognition(RecognitionView view, String presentedHash, String at) {
        var r = view.recognition();
        if (!r.contentHash().equals(presentedHash)) {
            return mismatch(r.id(), view.effectiveStatus().name(), at);
        }
        if (view.effectiveStatus() != OutcomeStatus.ACTIVE) {
            String sources = view.sourceStatus().entrySet().stream()
                    .filter(e -> e.getValue() != OutcomeStatus.ACTIVE)
                    .map(e -> e.getKey() + " is " + e.getValue()).sorted().reduce((a, b) -> a + ", " + b).orElse("");
            return byStatus(r.id(), view.effectiveStatus(), "a source outcome is no longer active: " + sources, at);
        }
        return new Verification(r.id(), Verdict.VALID, "recognised by " + r.recogniser() + " on " + r.recognisedAt()
                + "; content matches; every source outcome is active", OutcomeStatus.ACTIVE.name(), null, at);
    }

    private static Verification mismatch(String id, String status, String at) {
        return new Verification(id, Verdict.HASH_MISMATCH,
                "the presented content differs from what was recorded: it has been altered", status, null, at);
    }

    private static Verification byStatus(String id, OutcomeStatus status, String reason, String at) {
        return switch (status) {
            case ACTIVE -> null;
            case SUSPENDED -> new Verification(id, Verdict.SUSPENDED, "suspended: " + reason, status.name(), reason, at);
            case REVOKED -> new Verification(id, Verdict.REVOKED, "revoked: " + reason, status.name(), reason, at);
        };
    }
}
