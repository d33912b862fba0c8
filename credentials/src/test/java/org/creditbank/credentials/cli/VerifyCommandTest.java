package org.creditbank.credentials.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.BitSet;
import java.util.List;
import org.creditbank.credentials.CredentialIssuer;
import org.creditbank.credentials.SignedTranscript;
import org.creditbank.credentials.StatusPurpose;
import org.creditbank.credentials.TestInstitution;
import org.creditbank.model.outcome.Outcome;
import org.creditbank.model.outcome.OutcomeStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The offline verifier as an employer runs it: files in, one line per check, exit status. */
class VerifyCommandTest {

    static final Clock NOW = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final TestInstitution college =
            TestInstitution.create("Org1MSP", "Example Vocational College", "college.example");
    private final CredentialIssuer issuer =
            new CredentialIssuer(college.identity, Clock.fixed(Instant.parse("2026-07-11T00:00:00Z"), ZoneOffset.UTC));
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private Path credential;
    private Path trust;

    @BeforeEach
    void writeFiles() throws Exception {
        credential = write("cred.json", issuer.issueAchievement(college.outcome(TestInstitution.learner()), null, 3));
        trust = write("trust-bundle.json", college.trustBundle().toJson());
    }

    @Test
    void validCredentialExitsZeroAndPrintsEachCheck() throws Exception {
        BitSet none = new BitSet();
        CredentialIssuer publisher = new CredentialIssuer(college.identity, NOW);
        Path revocation = write("rev.json", publisher.issueStatusList(StatusPurpose.REVOCATION, "tx-0001", none, Duration.ofDays(1)));

        int status = run("--credential", credential.toString(), "--trust", trust.toString(),
                "--status-list", revocation.toString());

        assertThat(status).as(err()).isZero();
        assertThat(out()).contains("WELL_FORMED", "SIGNATURE", "ISSUER_TRUSTED", "VALIDITY_PERIOD")
                .containsPattern("REVOCATION +PASSED +not revoked")
                .containsPattern("SUSPENSION +NOT_CHECKED +the credential has no suspension status entry")
                .endsWith("VALID" + System.lineSeparator()).doesNotContain("FAILED");
    }

    @Test
    void bothProofsOfTheSetAreReportedOneLineEach() {
        int status = run("--credential", credential.toString(), "--trust", trust.toString());

        assertThat(status).as(err()).isZero();
        assertThat(out()).containsPattern("EDDSA_SIGNATURE +PASSED +eddsa-rdfc-2022 signature by did:web:college.example#z6Mk")
                .containsPattern("EDDSA_KEY_REGISTERED +PASSED +Ed25519 key registered by Org1MSP");
    }

    @Test
    void aCredentialFromBeforeProofSetsStillVerifiesWithAnOldTrustBundle() throws Exception {
        Path old = write("old.json", new CredentialIssuer(college.ecdsaOnly(),
                Clock.fixed(Instant.parse("2026-07-11T00:00:00Z"), ZoneOffset.UTC))
                .issueAchievement(college.outcome(TestInstitution.learner()), null, 3));
        Path oldTrust = write("old-trust.json", new org.creditbank.credentials.TrustBundle(
                college.trustBundle().caCertificates()).toJson());

        int status = run("--credential", old.toString(), "--trust", oldTrust.toString());

        assertThat(status).as(out()).isZero();
        assertThat(out()).containsPattern("EDDSA_SIGNATURE +NOT_CHECKED +the credential has no eddsa-rdfc-2022 proof");
    }

    @Test
    void expiredCredentialExitsOne() {
        int status = run("--credential", credential.toString(), "--trust", trust.toString(),
                "--at", "2031-01-01T00:00:00Z");

        assertThat(status).isEqualTo(1);
        assertThat(out()).contains("VALIDITY_PERIOD", "FAILED", "expired at").contains("INVALID");
    }

    @Test
    void credentialFromAnUntrustedOrganisationExitsOne() throws Exception {
        Path otherTrust = write("other.json",
                TestInstitution.create("Org2MSP", "Other", "uni.example").trustBundle().toJson());

        assertThat(run("--credential", credential.toString(), "--trust", otherTrust.toString())).isEqualTo(1);
        assertThat(out()).contains("Org1MSP is not in the trust bundle");
    }

    @Test
    void transcriptPresentationIsVerified() throws Exception {
        String learner = TestInstitution.learner();
        SignedTranscript transcript = issuer.issueTranscript(learner, List.of(college.outcome(learner)), List.of(),
                new SecureRandom());
        Path presentation = write("presentation.json", transcript.present(List.of(0)));

        int status = run("--credential", presentation.toString(), "--trust", trust.toString(), "--transcript");

        assertThat(status).as(out() + err()).isZero();
        assertThat(out()).contains("DISCLOSED_ENTRIES", "1 of 1 entries");
    }

    /**
     * The defect as an employer met it: a transcript signed over a record the college had already
     * revoked, which {@code --transcript} used to answer VALID.
     */
    @Test
    void aTranscriptEntryForARevokedRecordIsInvalid() throws Exception {
        String learner = TestInstitution.learner();
        Outcome revoked = college.outcome(learner).withStatus(OutcomeStatus.REVOKED, "成绩录入错误",
                "2026-07-10T09:00:00Z", "registrar");
        SignedTranscript legacy = college.transcriptSignedOver(learner, List.of(TestInstitution.entryWithoutStatus(revoked)),
                Instant.parse("2026-07-11T00:00:00Z"));
        Path presentation = write("legacy.json", legacy.present(List.of(0)));

        int status = run("--credential", presentation.toString(), "--trust", trust.toString(), "--transcript");

        assertThat(status).as(out() + err()).isEqualTo(1);
        assertThat(out()).contains("DISCLOSED_ENTRIES", "FAILED", revoked.id()).endsWith("INVALID" + System.lineSeparator());
    }

    /** Today's issuer leaves the revoked record out, and the report says a later change is the ledger's to tell. */
    @Test
    void aTranscriptHoldsOnlyWhatWasInForceAndSaysSo() throws Exception {
        String learner = TestInstitution.learner();
        Outcome revoked = college.outcome(learner).withStatus(OutcomeStatus.REVOKED, "成绩录入错误",
                "2026-07-10T09:00:00Z", "registrar");
        Outcome mine = college.outcome(learner, "2026-CNC-0002");
        SignedTranscript transcript = issuer.issueTranscript(learner, List.of(revoked, mine), List.of(),
                new SecureRandom());
        assertThat(transcript.entries()).hasSize(1);
        Path presentation = write("presentation.json", transcript.present(List.of(0)));

        int status = run("--credential", presentation.toString(), "--trust", trust.toString(), "--transcript");

        assertThat(status).as(out() + err()).isZero();
        assertThat(out()).contains("1 of 1 entries", mine.id(), "REVOCATION", "NOT_CHECKED", "in force when the transcript"
                + " was signed").doesNotContain(revoked.id());
    }

    @Test
    void missingArgumentsExitTwoWithUsage() {
        assertThat(run("--credential", credential.toString())).isEqualTo(2);
        assertThat(err()).contains("--trust are required", "usage:");
    }

    @Test
    void unreadableFileExitsTwo() {
        assertThat(run("--credential", dir.resolve("missing.json").toString(), "--trust", trust.toString()))
                .isEqualTo(2);
    }

    @Test
    void badInstantExitsTwo() {
        assertThat(run("--credential", credential.toString(), "--trust", trust.toString(), "--at", "tomorrow"))
                .isEqualTo(2);
    }

    private int run(String... args) {
        return VerifyCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), NOW);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }
}
