package org.creditbank.gateway.credential;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.creditbank.credentials.CredentialVerifier;
import org.creditbank.credentials.VerificationReport;
import org.creditbank.credentials.VerificationReport.Check;
import org.creditbank.credentials.VerificationReport.Status;
import org.creditbank.gateway.credential.CredentialVerdict.Line;
import org.creditbank.gateway.verification.VerificationService;
import org.creditbank.model.RecordId;
import org.creditbank.model.Violation;
import org.creditbank.model.json.CanonicalJson;
import org.creditbank.model.verification.Verdict;
import org.creditbank.model.verification.Verification;

/**
 * A credential check backed by the ledger: everything the offline {@link CredentialVerifier}
 * checks, then the one thing only the ledger can add, the {@code LEDGER_RECORD} check, which asks
 * the chaincode's verification ({@link VerificationService}) whether each record the document names
 * still exists with the same content and is in force (not revoked, suspended or expired; for a
 * recognition, every source outcome still active). The ledger is the last word on status. Named for
 * what it adds, so it is not taken for another of the "verifiers" (the offline one it wraps, or the
 * chaincode's verdict it asks for).
 */
final class LedgerBackedCredentialCheck {

    static final String LEDGER_RECORD = "LEDGER_RECORD";

    private final CredentialVerifier offline;
    private final VerificationService ledger;

    LedgerBackedCredentialCheck(CredentialVerifier offline, VerificationService ledger) {
        this.offline = offline;
        this.ledger = ledger;
    }

    /**
     * Verifies a credential, or a transcript presentation (a JSON object with a {@code transcript}).
     *
     * @param document    {@code json} parsed, or null when it is not JSON
     * @param statusLists this institution's own fresh status lists; others' are not fetched, the
     *                    ledger check covers their status
     */
    CredentialVerdict check(String json, JsonNode document, List<String> statusLists, Instant at, String link) {
        boolean transcript = document != null && document.has("transcript");
        VerificationReport report = transcript ? offline.verifyTranscript(json, at) : offline.verify(json, statusLists, at);
        List<Verification> answers = new ArrayList<>();
        List<Line> checks = new ArrayList<>(report.checks().stream()
                .map(c -> new Line(c.check().name(), c.status(), c.reason())).toList());
        boolean signed = passed(report, Check.WELL_FORMED) && passed(report, Check.SIGNATURE)
                && (!transcript || passed(report, Check.DISCLOSED_ENTRIES));
        if (!signed) {
            checks.add(new Line(LEDGER_RECORD, Status.NOT_CHECKED, "the document failed an earlier check, so the record it"
                    + " names cannot be trusted to ask the ledger about"));
        } else if (transcript) {
            document.path("disclosures").forEach(d -> checks.add(entryOnLedger(d.path("entry"), answers)));
        } else {
            checks.add(credentialOnLedger(document, answers));
        }
        boolean valid = report.valid() && checks.stream().noneMatch(c -> c.status() == Status.FAILED)
                && checks.stream().anyMatch(c -> c.check().equals(LEDGER_RECORD) && c.status() == Status.PASSED);
        String summary = checks.stream().filter(c -> c.status() == Status.FAILED).findFirst()
                .map(Line::reason)
                .orElse(valid ? "signed by a trusted institution, unchanged, and in force on the ledger"
                        : "the document could not be fully checked");
        return new CredentialVerdict(valid ? "VALID" : "INVALID", transcript ? "transcript" : "credential", summary,
                checks, at.toString(), link, answers, null);
    }

    private Line credentialOnLedger(JsonNode vc, List<Verification> answers) {
        for (JsonNode evidence : vc.path("evidence")) {
            if (evidence.has("ledgerRecordId")) {
                String recordId = evidence.path("ledgerRecordId").asText();
                String issuer = vc.path("issuer").path("mspId").asText();
                if (!RecordId.parse(recordId).map(RecordId::institution).filter(issuer::equals).isPresent()) {
                    return failed("the credential is signed by " + issuer + " but names record " + recordId
                            + " of another institution");
                }
                return onLedger(recordId, evidence.path("contentHash").asText(), answers);
            }
        }
        return failed("the credential names no ledger record (evidence with ledgerRecordId and contentHash)");
    }

    /** A disclosed transcript entry: its content must hash to its contentHash, which the ledger must hold. */
    private Line entryOnLedger(JsonNode entry, List<Verification> answers) {
        String recordId = entry.path("recordId").asText();
        String hash = entry.path("contentHash").asText();
        if (!CanonicalJson.sha256Hex(entry.path("content")).equals(hash)) {
            return failed(recordId + ": the disclosed content does not hash to the entry's contentHash");
        }
        return onLedger(recordId, hash, answers);
    }

    /** The LEDGER_RECORD check of one record; the ledger's answer is added to {@code answers}. */
    private Line onLedger(String recordId, String contentHash, List<Verification> answers) {
        List<Violation> notAQuestion = Verification.questionViolations(recordId, contentHash);
        if (!notAQuestion.isEmpty()) {
            return failed(recordId + ": not a ledger record id and content hash (" + notAQuestion.get(0).message() + ")");
        }
        Verification answer = ledger.verify(new VerificationService.Question(recordId, contentHash));
        answers.add(answer);
        String reason = recordId + ": " + answer.reason();
        return answer.verdict() == Verdict.VALID ? new Line(LEDGER_RECORD, Status.PASSED, reason)
                : failed(reason + " (" + answer.verdict() + ")");
    }

    private static boolean passed(VerificationReport report, Check check) {
        return report.result(check).map(c -> c.status() == Status.PASSED).orElse(false);
    }

    private static Line failed(String reason) {
        return new Line(LEDGER_RECORD, Status.FAILED, reason);
    }
}
