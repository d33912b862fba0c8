package org.creditbank.gateway.credential;

import java.util.List;
import org.creditbank.credentials.VerificationReport.Status;
import org.creditbank.model.verification.Verification;

/**
 * The answer of {@code POST /api/v1/credentials/verify}: a verdict a person can act on, the reason
 * behind it, and every check with its own result, so nobody has to take "invalid" on trust.
 *
 * @param verdict   VALID or INVALID
 * @param kind      {@code credential} or {@code transcript} (a selective-disclosure presentation)
 * @param summary   why, in one sentence: the first failed check's reason, or what was confirmed
 * @param link      the verification page for this document (its QR code comes from
 *                  {@code POST /api/v1/credentials/qr})
 * @param ledger    the ledger's answer on each record the document names (one for a credential, one
 *                  per disclosed transcript entry) when it was asked: whether the record is revoked,
 *                  suspended or expired and the issuer's reason, for a page to say so in plain words
 *                  instead of parsing the checks' reasons
 * @param issuerName the name the ledger registers for the issuer's organisation, once the issuer is
 *                  trusted; null otherwise. The name inside a credential is whatever its signer
 *                  wrote; what is verified is the organisation (its MSP), so a page shows this one
 */
public record CredentialVerdict(String verdict, String kind, String summary, List<Line> checks, String checkedAt,
                                String link, List<Verification> ledger, String issuerName) {

    /** This verdict naming the issuer as the ledger registers it. */
    CredentialVerdict withIssuerName(String name) {
        return new CredentialVerdict(verdict, kind, summary, checks, checkedAt, link, ledger, name);
    }

    /** One check (a {@code VerificationReport.Check} name or {@code LEDGER_RECORD}), its result and the reason. */
    public record Line(String check, Status status, String reason) {
    }
}
