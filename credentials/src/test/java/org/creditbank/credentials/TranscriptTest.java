package org.creditbank.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.creditbank.credentials.VerificationReport.Check;
import org.creditbank.credentials.VerificationReport.Status;
import org.creditbank.model.RecordId;
import org.creditbank.model.json.CanonicalJson;
import org.creditbank.model.outcome.Outcome;
import org.creditbank.model.outcome.OutcomeDraft;
import org.creditbank.model.outcome.OutcomeStatus;
import org.creditbank.model.recognition.CreditTarget;
import org.creditbank.model.recognition.Recognition;
import org.creditbank.model.recognition.RecognitionRequest;
import org.creditbank.model.recognition.RecognitionView;
import org.junit.jupiter.api.Test;

/** A learner shows an employer two lines of a five-line transcript, and nothing else. */
class TranscriptTest {

    static final Instant CHECKED = Instant.parse("2026-12-01T00:00:00Z");
    static final TestInstitution COLLEGE = TestInstitution.create("Org1MSP", "College", "college.example");

    private final TestInstitution bank = TestInstitution.create("CreditBankMSP", "CreditBank", "creditbank.example");
    private final CredentialIssuer issuer =
            new CredentialIssuer(bank.identity, Clock.fixed(Instant.parse("2026-11-01T00:00:00Z"), ZoneOffset.UTC));
    private final CredentialVerifier verifier = new CredentialVerifier(bank.trustBundle());
    private final String learner = TestInstitution.learner();
    private final SignedTranscript transcript = issuer.issueTranscript(learner, outcomes(),
            List.of(standing(recognition())), new SecureRandom());

    @Test
    void chosenEntriesVerifyAgainstTheSignedRoot() {
        VerificationReport report = verifier.verifyTranscript(transcript.present(List.of(1, 4)), CHECKED);

        assertThat(report.valid()).as(report.describe()).isTrue();
        assertThat(report.result(Check.DISCLOSED_ENTRIES).orElseThrow().reason())
                .contains("2 of 5 entries", "Org1MSP:L-1", "Org2MSP:rec:R-1");
    }

    @Test
    void everySingleEntryCanBeShownAlone() {
        for (int i = 0; i < transcript.entries().size(); i++) {
            assertThat(verifier.verifyTranscript(transcript.present(List.of(i)), CHECKED).valid()).isTrue();
        }
    }

    @Test
    void undisclosedEntriesDoNotAppearInThePresentation() {
        String presentation = transcript.present(List.of(1));

        assertThat(presentation).contains("Org1MSP:L-1").doesNotContain("Org1MSP:L-0", "Org1MSP:L-2", "Org2MSP:rec:R-1");
        transcript.entries().stream().filter(e -> !e.entry().get("recordId").equals("Org1MSP:L-1"))
                .forEach(e -> assertThat(presentation).doesNotContain(e.salt()));
    }

    @Test
    void signedEnvelopeHoldsOnlyTheRootNotTheEntries() {
        ObjectNode envelope = CredentialJson.parseObject(transcript.credential(), "transcript");

        assertThat(envelope.path("type").toString()).contains("ClrCredential");
        assertThat(envelope.path("credentialSubject").path("entryCount").asInt()).isEqualTo(5);
        assertThat(transcript.credential()).doesNotContain("Org1MSP:L-0");
    }

    @Test
    void alteredEntryIsNotInTheTranscript() {
        ObjectNode presentation = CredentialJson.parseObject(transcript.present(List.of(1)), "p");
        ObjectNode entry = (ObjectNode) presentation.path("disclosures").path(0).path("entry");
        ((ObjectNode) entry.path("content").path("draft")).put("credits", 30);

        VerificationReport report = verifier.verifyTranscript(CredentialJson.write(presentation), CHECKED);

        assertRejected(report, "entry 1 (Org1MSP:L-1) is not in the signed transcript");
    }

    @Test
    void entryFromAnotherTranscriptIsRejected() {
        SignedTranscript other = issuer.issueTranscript(learner, List.of(extraOutcome()), List.of(), new SecureRandom());
        ObjectNode mine = CredentialJson.parseObject(transcript.present(List.of(0)), "p");
        ObjectNode theirs = CredentialJson.parseObject(other.present(List.of(0)), "p");
        mine.withArray("disclosures").add(theirs.path("disclosures").path(0));

        assertRejected(verifier.verifyTranscript(CredentialJson.write(mine), CHECKED), "Org1MSP:EXTRA");
    }

    @Test
    void movedEntryIsRejected() {
        ObjectNode presentation = CredentialJson.parseObject(transcript.present(List.of(2)), "p");
        ((ObjectNode) presentation.path("disclosures").path(0)).put("index", 3);

        assertRejected(verifier.verifyTranscript(CredentialJson.write(presentation), CHECKED), "not in the signed");
    }

    @Test
    void extraDataInThePresentationIsRejected() {
        ObjectNode presentation = CredentialJson.parseObject(transcript.present(List.of(2)), "p");
        presentation.put("allEntries", "...");

        assertRejected(verifier.verifyTranscript(CredentialJson.write(presentation), CHECKED), "allEntries");
    }

    @Test
    void tamperedRootBreaksTheEnvelopeSignature() {
        ObjectNode presentation = CredentialJson.parseObject(transcript.present(List.of(2)), "p");
        ((ObjectNode) presentation.path("transcript").path("credentialSubject")).put("entriesRoot", "00".repeat(32));

        VerificationReport report = verifier.verifyTranscript(CredentialJson.write(presentation), CHECKED);

        assertThat(report.valid()).isFalse();
        assertThat(report.result(Check.SIGNATURE).orElseThrow().status()).isEqualTo(Status.FAILED);
    }

    /**
     * Only what is in force when the transcript is signed goes into it: a revoked, a suspended and
     * an expired outcome, and a recognition whose source was revoked, are left out, so no verifier
     * can be shown one of them as part of a signed transcript. Each entry says it was ACTIVE.
     */
    @Test
    void recordsNotInForceWhenSignedAreLeftOutOfTheTranscript() {
        Outcome active = outcome("L-A", "3");
        Outcome revoked = outcome("L-R", "2").withStatus(OutcomeStatus.REVOKED, "作弊 misconduct",
                "2026-10-01T00:00:00Z", "registrar");
        Outcome suspended = outcome("L-S", "2").withStatus(OutcomeStatus.SUSPENDED, "复核中",
                "2026-10-01T00:00:00Z", "registrar");
        Outcome expired = outcome("L-E", "2", "2026-10-31");
        RecognitionView fallen = RecognitionView.of(recognition(), Map.of("Org1MSP:L-0", OutcomeStatus.REVOKED));

        SignedTranscript signed = issuer.issueTranscript(learner, List.of(active, revoked, suspended, expired),
                List.of(fallen), new SecureRandom());

        assertThat(signed.entries()).extracting(e -> e.entry().get("recordId")).containsExactly("Org1MSP:L-A");
        assertThat(signed.entries().get(0).entry()).containsEntry("status", "ACTIVE");
        assertThat(CredentialJson.parseObject(signed.credential(), "t").at("/credentialSubject/entryCount").asInt())
                .isEqualTo(1);
        VerificationReport report = verifier.verifyTranscript(signed.present(List.of(0)), CHECKED);
        assertThat(report.valid()).as(report.describe()).isTrue();
        assertThat(report.describe()).doesNotContain("L-R", "L-S", "L-E", "rec:R-1");
    }

    @Test
    void aLearnerWithNothingInForceGetsNoTranscript() {
        Outcome revoked = outcome("L-R", "2").withStatus(OutcomeStatus.REVOKED, "作弊", "2026-10-01T00:00:00Z", "r");

        assertThatThrownBy(() -> issuer.issueTranscript(learner, List.of(revoked), List.of(), new SecureRandom()))
                .isInstanceOf(CredentialException.class)
                .hasMessageContaining("nothing in force");
    }

    /**
     * A transcript signed over a revoked record without its status (as gateways did before inactive
     * records were left out) is not valid offline: an entry that does not say it was in force when
     * signed proves nothing about that record.
     */
    @Test
    void anEntrySignedWithoutItsStatusIsNotValid() {
        Outcome revoked = outcome("L-R", "2").withStatus(OutcomeStatus.REVOKED, "作弊", "2026-10-01T00:00:00Z", "r");
        SignedTranscript legacy = bank.transcriptSignedOver(learner, List.of(TestInstitution.entryWithoutStatus(revoked)),
                Instant.parse("2026-11-01T00:00:00Z"));

        assertRejected(verifier.verifyTranscript(legacy.present(List.of(0)), CHECKED),
                "entry 0 (Org1MSP:L-R) does not say it was in force when the transcript was signed");
    }

    @Test
    void anEntryThatSaysItWasRevokedIsNotValid() {
        Outcome revoked = outcome("L-R", "2").withStatus(OutcomeStatus.REVOKED, "作弊", "2026-10-01T00:00:00Z", "r");
        Map<String, Object> entry = new java.util.HashMap<>(TestInstitution.entryWithoutStatus(revoked));
        entry.put("status", "REVOKED");
        SignedTranscript signed = bank.transcriptSignedOver(learner, List.of(entry), Instant.parse("2026-11-01T00:00:00Z"));

        assertRejected(verifier.verifyTranscript(signed.present(List.of(0)), CHECKED), "was REVOKED when");
    }

    /** An outcome in force when signed but past its last valid day when checked is expired offline too. */
    @Test
    void anEntryPastItsValidUntilDayIsExpired() {
        SignedTranscript signed = issuer.issueTranscript(learner, List.of(outcome("L-V", "2", "2026-11-30")), List.of(),
                new SecureRandom());
        String presentation = signed.present(List.of(0));

        assertThat(verifier.verifyTranscript(presentation, Instant.parse("2026-11-30T23:59:59Z")).valid()).isTrue();
        assertRejected(verifier.verifyTranscript(presentation, CHECKED),
                "entry 0 (Org1MSP:L-V) expired at 2026-12-01T00:00:00Z");
    }

    /** Offline, nobody can see a revocation made after signing: the report says so instead of passing it. */
    @Test
    void theStatusSinceSigningIsReportedNotChecked() {
        VerificationReport report = verifier.verifyTranscript(transcript.present(List.of(0)), CHECKED);

        for (Check check : List.of(Check.REVOCATION, Check.SUSPENSION)) {
            assertThat(report.result(check).orElseThrow().status()).isEqualTo(Status.NOT_CHECKED);
            assertThat(report.result(check).orElseThrow().reason())
                    .contains("in force when the transcript was signed at 2026-11-01T00:00:00Z", "ledger");
        }
    }

    @Test
    void anotherLearnersRecordCannotBePutInATranscript() {
        String stranger = TestInstitution.learner();

        assertThatThrownBy(() -> issuer.issueTranscript(stranger, outcomes(), List.of(), new SecureRandom()))
                .isInstanceOf(CredentialException.class)
                .hasMessageContaining("belongs to another learner");
    }

    private List<Outcome> outcomes() {
        return List.of(outcome("L-0", "3"), outcome("L-1", "2.5"), outcome("L-2", "4"), outcome("L-3", "1"));
    }

    private Outcome extraOutcome() {
        return outcome("EXTRA", "60");
    }

    private Outcome outcome(String localId, String credits) {
        return outcome(localId, credits, COLLEGE.outcome(learner).draft().validUntil());
    }

    private Outcome outcome(String localId, String credits, String validUntil) {
        OutcomeDraft base = COLLEGE.outcome(learner).draft();
        OutcomeDraft draft = new OutcomeDraft(localId, learner, base.kind(), base.achievementCode(),
                base.achievementTitle(), base.category(), new BigDecimal(credits), base.hours(), base.level(),
                base.result(), base.activityStart(), base.activityEnd(), validUntil, base.evidenceHash(),
                base.evidenceUri());
        return new Outcome(RecordId.outcome("Org1MSP", localId).toString(), "Org1MSP", draft, Outcome.hashOf("Org1MSP", draft),
                TestInstitution.AWARDED.toString(), "tx-" + localId, OutcomeStatus.ACTIVE, null, null, "registrar");
    }

    private static RecognitionView standing(Recognition recognition) {
        return RecognitionView.of(recognition, Map.of("Org1MSP:L-0", OutcomeStatus.ACTIVE));
    }

    private Recognition recognition() {
        RecognitionRequest request = new RecognitionRequest("R-1", learner, List.of("Org1MSP:L-0"),
                RecognitionRequest.Method.MANUAL, null, null, new CreditTarget("MECH201", "机械制造基础", null),
                new BigDecimal("3"), "same syllabus");
        Recognition.Content content = new Recognition.Content(RecordId.recognition("Org2MSP", "R-1").toString(), "Org2MSP", request,
                request.target(), new BigDecimal("3"));
        return new Recognition(content.id(), "Org2MSP", request, request.target(), content.credits(), null,
                CanonicalJson.sha256Hex(content), "2026-09-01T00:00:00Z", "tx-r1",
                "registrar");
    }

    private static void assertRejected(VerificationReport report, String reason) {
        assertThat(report.valid()).as(report.describe()).isFalse();
        assertThat(report.result(Check.DISCLOSED_ENTRIES).orElseThrow().status()).isEqualTo(Status.FAILED);
        assertThat(report.result(Check.DISCLOSED_ENTRIES).orElseThrow().reason()).contains(reason);
    }
}
