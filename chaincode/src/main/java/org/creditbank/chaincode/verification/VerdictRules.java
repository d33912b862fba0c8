package org.creditbank.chaincode.verification;

import java.time.LocalDate;
import org.creditbank.model.outcome.Outcome;
import org.creditbank.model.outcome.OutcomeStatus;
import org.creditbank.model.outcome.Validity;
import org.creditbank.model.recognition.RecognitionView;
import org.creditbank.model.verification.Verdict;
import org.creditbank.model.verification.Verification;

/**
 * The rules that decide the ledger's verification verdict from what it holds: first whether a
 * record with this id has the presented content (if not, nothing more is said), then whether it is
 * still in force. Pure. Named for what it is, rules like {@code IssuanceRules}, and not a
 * "verifier": the credentials module's {@code CredentialVerifier} checks a credential offline and
 * the gateway's {@code OnlineVerifier} adds this verdict to that check.
 */
public final class VerdictRules {

    private VerdictRules() {
    }

    /**
     * The answer to a question that names no record with this content: an unknown id and a wrong
     * hash get the same one, with neither status nor reason, so a stranger guessing ids learns
     * nothing (see {@link Verdict#NO_MATCH}).
     */
    public static Verification noMatch(String id, String at) {
        return new Verification(id, Verdict.NO_MATCH, "no record with this id and this content is on the ledger:"
                + " the id is unknown or the content is not what was recorded", null, null, at);
    }

    public static Verification outcome(Outcome o, String presentedHash, String at) {
        if (!o.contentHash().equals(presentedHash)) {
            return noMatch(o.id(), at);
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
            return noMatch(r.id(), at);
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

    private static Verification byStatus(String id, OutcomeStatus status, String reason, String at) {
        return switch (status) {
            case ACTIVE -> null;
            case SUSPENDED -> new Verification(id, Verdict.SUSPENDED, "suspended: " + reason, status.name(), reason, at);
            case REVOKED -> new Verification(id, Verdict.REVOKED, "revoked: " + reason, status.name(), reason, at);
        };
    }
}
