package org.creditbank.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.BitSet;
import java.util.List;
import org.creditbank.credentials.VerificationReport.Check;
import org.creditbank.credentials.VerificationReport.Status;
import org.creditbank.model.outcome.Outcome;
import org.creditbank.model.outcome.OutcomeStatus;
import org.creditbank.model.outcome.Validity;
import org.junit.jupiter.api.Test;

/** A credential as issued, checked by our own verifier, with every status list current. */
class IssueAndVerifyTest {

    static final Instant ISSUED = Instant.parse("2026-07-11T00:00:00Z");
    static final Instant CHECKED = Instant.parse("2026-12-01T00:00:00Z");

    private final TestInstitution college =
            TestInstitution.create("Org1MSP", "Example Vocational College", "college.example");
    private final CredentialIssuer issuer =
            new CredentialIssuer(college.identity, Clock.fixed(ISSUED, ZoneOffset.UTC));
    private final CredentialIssuer listPublisher =
            new CredentialIssuer(college.identity, Clock.fixed(CHECKED.minus(Duration.ofHours(1)), ZoneOffset.UTC));

    @Test
    void freshCredentialPassesEveryCheck() {
        String credential = issuer.issueAchievement(college.outcome(TestInstitution.learner()), null, 7);

        VerificationReport report = new CredentialVerifier(college.trustBundle())
                .verify(credential, currentLists(new BitSet(), new BitSet()), CHECKED);

        assertThat(report.valid()).as(report.describe()).isTrue();
        assertThat(report.checks()).filteredOn(c -> c.check() != Check.SUSPENSION)
                .extracting(VerificationReport.CheckResult::status).containsOnly(Status.PASSED);
        assertThat(report.describe()).contains("ISSUER_TRUSTED", "Org1MSP", "VALID");
    }

    @Test
    void aSuspensionIsLeftToTheLedgerAndTheReportSaysSo() {
        String credential = issuer.issueAchievement(college.outcome(TestInstitution.learner()), null, 7);
        BitSet suspended = new BitSet();
        suspended.set(7);

        // Even a suspension list with its bit set: the credential names no suspension list.
        VerificationReport report = new CredentialVerifier(college.trustBundle())
                .verify(credential, currentLists(new BitSet(), suspended), CHECKED);

        assertThat(report.valid()).as(report.describe()).isTrue();
        assertThat(report.result(Check.SUSPENSION).orElseThrow().status()).isEqualTo(Status.NOT_CHECKED);
        assertThat(report.result(Check.SUSPENSION).orElseThrow().reason()).isEqualTo("the credential has no"
                + " suspension status entry: Open Badges 3.0 allows one status entry, which is for revocation;"
                + " whether the record is suspended only the ledger says, and online verification asks it"
                + " (LEDGER_RECORD)");
    }

    @Test
    void aCredentialIsValidInTheSameSecondItsOutcomeWasAwarded() {
        Outcome fresh = college.outcome(TestInstitution.learner());
        Outcome awardedMidSecond = new Outcome(fresh.id(), fresh.issuer(), fresh.draft(), fresh.contentHash(),
                "2026-07-10T08:00:00.468001521Z", fresh.awardTxId(), fresh.status(), null, null, fresh.changedBy());
        String credential = issuer.issueAchievement(awardedMidSecond, null, 7);
        VerificationReport report = new CredentialVerifier(college.trustBundle())
                .verify(credential, List.of(), Instant.parse("2026-07-10T08:00:00Z"));
        assertThat(report.result(Check.VALIDITY_PERIOD).orElseThrow().status()).isEqualTo(Status.PASSED);
    }

    @Test
    void aCredentialIsValidOnEveryDayItsOutcomeIsInForceAndNoLonger() {
        Outcome outcome = college.outcome(TestInstitution.learner());
        String lastDay = outcome.draft().validUntil();
        assertThat(lastDay).isEqualTo("2030-06-30");
        String credential = issuer.issueAchievement(outcome, null, 7);
        CredentialVerifier verifier = new CredentialVerifier(college.trustBundle());
        for (String at : List.of("2030-06-29T12:00:00Z", "2030-06-30T00:00:00Z", "2030-06-30T23:59:59Z",
                "2030-07-01T00:00:00Z", "2030-07-01T12:00:00Z")) {
            boolean inForce = Validity.inForceOn(lastDay, LocalDate.parse(at.substring(0, 10)));
            Status period = verifier.verify(credential, List.of(), Instant.parse(at))
                    .result(Check.VALIDITY_PERIOD).orElseThrow().status();
            assertThat(period).as(at).isEqualTo(inForce ? Status.PASSED : Status.FAILED);
        }
    }

    @Test
    void credentialCarriesTheOutcomeAndLedgerReferences() {
        String learner = TestInstitution.learner();
        Outcome outcome = college.outcome(learner);
        ObjectNode vc = CredentialJson.parseObject(issuer.issueAchievement(outcome, null, 7), "vc");

        assertThat(vc.path("type").toString()).contains("AchievementCredential");
        assertThat(vc.path("credentialSubject").path("id").asText()).isEqualTo("urn:creditbank:account:" + learner);
        assertThat(vc.path("credentialSubject").has("name")).isFalse();
        assertThat(vc.path("credentialSubject").path("creditsEarned").decimalValue()).isEqualByComparingTo("2.5");
        assertThat(vc.path("credentialSubject").path("result").path(0).path("value").asText()).isEqualTo("86");
        assertThat(vc.path("evidence").path(0).path("contentHash").asText()).isEqualTo(outcome.contentHash());
        assertThat(vc.path("evidence").path(0).path("ledgerRecordId").asText()).isEqualTo(outcome.id());
        assertThat(vc.path("evidence").path(1).path("evidenceHash").asText()).isEqualTo("a".repeat(64));
        assertThat(vc.path("validUntil").asText()).isEqualTo("2030-07-01T00:00:00Z");
        // One status object, as Open Badges 3.0 allows: revocation, at the outcome's place in its issuing transaction.
        assertThat(vc.path("credentialStatus").isObject()).as(vc.path("credentialStatus").toString()).isTrue();
        assertThat(vc.path("credentialStatus").path("type").asText()).isEqualTo("BitstringStatusListEntry");
        assertThat(vc.path("credentialStatus").path("statusPurpose").asText()).isEqualTo("revocation");
        assertThat(vc.path("credentialStatus").path("statusListIndex").asText()).isEqualTo("7");
        assertThat(vc.path("credentialStatus").path("statusListCredential").asText())
                .isEqualTo("https://college.example/credentials/status/tx-0001/revocation");
        assertThat(vc.path("credentialStatus").path("id").asText())
                .isEqualTo("https://college.example/credentials/status/tx-0001/revocation#7");
    }

    @Test
    void learnerNameAppearsOnlyWhenPassed() {
        ObjectNode vc = CredentialJson.parseObject(
                issuer.issueAchievement(college.outcome(TestInstitution.learner()), "李华", 7), "vc");

        assertThat(vc.path("credentialSubject").path("name").asText()).isEqualTo("李华");
    }

    @Test
    void refusesToIssueForARevokedOutcome() {
        Outcome revoked = college.outcome(TestInstitution.learner())
                .withStatus(OutcomeStatus.REVOKED, "fraud", ISSUED.toString(), "registrar");

        assertThatThrownBy(() -> issuer.issueAchievement(revoked, null, 7))
                .isInstanceOf(CredentialException.class)
                .hasMessageContaining("REVOKED")
                .extracting(e -> ((CredentialException) e).code())
                .isEqualTo(CredentialException.Code.UNSUPPORTED_RECORD);
    }

    @Test
    void refusesToIssueAnotherInstitutionsOutcome() {
        TestInstitution other = TestInstitution.create("Org2MSP", "Other University", "uni.example");

        assertThatThrownBy(() -> issuer.issueAchievement(other.outcome(TestInstitution.learner()), null, 7))
                .isInstanceOf(CredentialException.class)
                .hasMessageContaining("Org2MSP");
    }

    @Test
    void reportsStatusAsNotCheckedWhenNoListIsSupplied() {
        String credential = issuer.issueAchievement(college.outcome(TestInstitution.learner()), null, 7);

        VerificationReport report = new CredentialVerifier(college.trustBundle()).verify(credential, List.of(), CHECKED);

        assertThat(report.valid()).isTrue();
        assertThat(report.result(Check.REVOCATION).orElseThrow().status()).isEqualTo(Status.NOT_CHECKED);
        assertThat(report.result(Check.REVOCATION).orElseThrow().reason()).contains("no status list");
    }

    private List<String> currentLists(BitSet revoked, BitSet suspended) {
        return List.of(listPublisher.issueStatusList(StatusPurpose.REVOCATION, "tx-0001", revoked, Duration.ofDays(1)),
                listPublisher.issueStatusList(StatusPurpose.SUSPENSION, "tx-0001", suspended, Duration.ofDays(1)));
    }
}
