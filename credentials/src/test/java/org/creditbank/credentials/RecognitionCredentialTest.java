package org.creditbank.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.creditbank.credentials.VerificationReport.Check;
import org.creditbank.credentials.VerificationReport.Status;
import org.creditbank.model.RecordId;
import org.creditbank.model.outcome.Outcome;
import org.creditbank.model.outcome.OutcomeStatus;
import org.creditbank.model.recognition.CreditTarget;
import org.creditbank.model.recognition.Recognition;
import org.creditbank.model.recognition.RecognitionRequest;
import org.creditbank.model.recognition.RecognitionView;
import org.junit.jupiter.api.Test;

/**
 * A recognition as a credential of the recognising institution: what it counts the learner's
 * outcomes from elsewhere as, pointing at those outcomes, and in force only while they all are.
 */
class RecognitionCredentialTest {

    private static final Instant RECOGNISED = Instant.parse("2026-09-01T10:00:00Z");
    private static final Instant CHECKED = Instant.parse("2026-12-01T00:00:00Z");

    private final TestInstitution college = TestInstitution.create("Org1MSP", "Example Vocational College", "college.example");
    private final TestInstitution university = TestInstitution.create("Org2MSP", "Example University", "uni.example");
    private final CredentialIssuer universityIssuer =
            new CredentialIssuer(university.identity, Clock.fixed(RECOGNISED.plusSeconds(60), ZoneOffset.UTC));
    private final CredentialIssuer listPublisher =
            new CredentialIssuer(university.identity, Clock.fixed(CHECKED.minus(Duration.ofHours(1)), ZoneOffset.UTC));
    private final TrustBundle trust = new TrustBundle(
            Map.of("Org1MSP", List.of(college.caCertificate), "Org2MSP", List.of(university.caCertificate)),
            Map.of("Org1MSP", List.of(college.signingKey()), "Org2MSP", List.of(university.signingKey())));
    private final String learner = TestInstitution.learner();
    private final Outcome cnc = college.outcome(learner, "L-0");
    private final Outcome lathe = college.outcome(learner, "L-1");
    private final Recognition recognition = ruleRecognition(List.of(cnc.id(), lathe.id()));
    private final List<RecognisedSource> sources = List.of(new RecognisedSource(cnc, "示范学院 (Example Vocational College)"),
            new RecognisedSource(lathe, "示范学院 (Example Vocational College)"));

    private Recognition ruleRecognition(List<String> sourceIds) {
        RecognitionRequest request = new RecognitionRequest("R-7", learner, sourceIds, RecognitionRequest.Method.RULE,
                "CNC-TRANSFER", 2, null, null, null);
        return Recognition.decided(RecordId.recognition("Org2MSP", "R-7").toString(), "Org2MSP", request,
                new CreditTarget("ME210", "数控加工技术", "专业核心"), new BigDecimal("4"), "Org2MSP", RECOGNISED.toString(),
                "tx-r7", "registrar");
    }

    private static RecognitionView withSources(Recognition recognition, OutcomeStatus second) {
        List<String> ids = recognition.request().sourceOutcomeIds();
        return RecognitionView.of(recognition, Map.of(ids.get(0), OutcomeStatus.ACTIVE, ids.get(1), second));
    }

    private List<String> lists(RecognitionView view) {
        return List.of(listPublisher.issueRecognitionStatusList(StatusPurpose.REVOCATION, view, Duration.ofDays(1)),
                listPublisher.issueRecognitionStatusList(StatusPurpose.SUSPENSION, view, Duration.ofDays(1)));
    }

    private String issued() {
        return universityIssuer.issueRecognition(withSources(recognition, OutcomeStatus.ACTIVE), sources);
    }

    @Test
    void theCredentialIsTheRecognisedCreditAtTheRecogniserPointingAtEachSource() {
        ObjectNode vc = CredentialJson.parseObject(issued(), "vc");

        assertThat(vc.path("type").toString()).contains("AchievementCredential");
        assertThat(vc.at("/issuer/mspId").asText()).isEqualTo("Org2MSP");
        assertThat(vc.path("validFrom").asText()).isEqualTo(RECOGNISED.toString());
        JsonNode subject = vc.path("credentialSubject");
        assertThat(subject.path("id").asText()).isEqualTo("urn:creditbank:account:" + learner);
        assertThat(subject.path("creditsEarned").decimalValue()).isEqualByComparingTo("4");
        JsonNode achievement = subject.path("achievement");
        assertThat(achievement.path("id").asText()).isEqualTo("urn:creditbank:achievement:Org2MSP:ME210");
        assertThat(achievement.path("name").asText()).isEqualTo("数控加工技术");
        assertThat(achievement.path("humanCode").asText()).isEqualTo("ME210");
        assertThat(achievement.path("fieldOfStudy").asText()).isEqualTo("专业核心");
        assertThat(achievement.path("creditsAvailable").decimalValue()).isEqualByComparingTo("4");
        assertThat(achievement.at("/criteria/narrative").asText()).contains("CNC-TRANSFER", "version 2", recognition.id());

        JsonNode decision = vc.path("evidence").path(0);
        assertThat(decision.path("ledgerRecordId").asText()).isEqualTo(recognition.id());
        assertThat(decision.path("contentHash").asText()).isEqualTo(recognition.contentHash());
        assertThat(decision.path("recognitionMethod").asText()).isEqualTo("RULE");
        assertThat(decision.path("ruleCode").asText()).isEqualTo("CNC-TRANSFER");
        assertThat(decision.path("ruleVersion").asInt()).isEqualTo(2);

        // Each source by record id, issuer and content hash, under the id its own credential gives it.
        JsonNode sourceCredential = CredentialJson.parseObject(new CredentialIssuer(college.identity,
                Clock.fixed(RECOGNISED, ZoneOffset.UTC)).issueAchievement(cnc, null, 0), "source");
        JsonNode first = vc.path("evidence").path(1);
        assertThat(first.path("id").asText()).isEqualTo(sourceCredential.at("/evidence/0/id").asText());
        assertThat(first.path("sourceRecordId").asText()).isEqualTo(cnc.id());
        assertThat(first.path("sourceIssuer").asText()).isEqualTo("Org1MSP");
        assertThat(first.path("contentHash").asText()).isEqualTo(cnc.contentHash());
        assertThat(first.path("description").asText()).contains("Example Vocational College", "CNC101");
        assertThat(vc.path("evidence").path(2).path("sourceRecordId").asText()).isEqualTo(lathe.id());
        assertThat(vc.path("evidence")).hasSize(3);

        // Its one status entry is the recognition's own revocation list: one bit, the first.
        assertThat(vc.path("credentialStatus").isObject()).isTrue();
        assertThat(vc.at("/credentialStatus/statusListCredential").asText())
                .isEqualTo(university.identity.statusListUrl(StatusPurpose.REVOCATION, recognition.id()));
        assertThat(vc.at("/credentialStatus/statusListIndex").asText()).isEqualTo("0");
    }

    @Test
    void aFreshRecognitionCredentialPassesEveryCheckOffline() {
        VerificationReport report = new CredentialVerifier(trust).verify(issued(),
                lists(withSources(recognition, OutcomeStatus.ACTIVE)), CHECKED);

        assertThat(report.valid()).as(report.describe()).isTrue();
        assertThat(report.checks()).filteredOn(c -> c.check() != Check.SUSPENSION)
                .extracting(VerificationReport.CheckResult::status).containsOnly(Status.PASSED);
        assertThat(report.result(Check.SUSPENSION).orElseThrow().status()).isEqualTo(Status.NOT_CHECKED);
    }

    @Test
    void aChangedCreditOrSourceBreaksTheSignature() {
        String credential = issued();
        List<java.util.function.Consumer<ObjectNode>> forgeries = List.of(
                vc -> ((ObjectNode) vc.get("credentialSubject")).put("creditsEarned", 40),
                vc -> ((ObjectNode) vc.get("evidence").get(2)).put("sourceRecordId", "Org1MSP:L-9"),
                vc -> ((ObjectNode) vc.get("evidence").get(1)).put("sourceIssuer", "Org3MSP"),
                vc -> ((ObjectNode) vc.get("evidence").get(1)).put("contentHash", "0".repeat(64)));
        for (java.util.function.Consumer<ObjectNode> forgery : forgeries) {
            ObjectNode vc = CredentialJson.parseObject(credential, "vc");
            forgery.accept(vc);
            String forged = CredentialJson.write(vc);
            VerificationReport report = new CredentialVerifier(trust).verify(forged, List.of(), CHECKED);
            assertThat(report.result(Check.SIGNATURE).orElseThrow().status()).as(forged).isEqualTo(Status.FAILED);
        }
    }

    @Test
    void onceASourceIsRevokedTheRecognitionsListSaysSoAndASuspensionIsLeftToTheLedger() {
        String credential = issued();
        VerificationReport revoked = new CredentialVerifier(trust).verify(credential,
                lists(withSources(recognition, OutcomeStatus.REVOKED)), CHECKED);
        assertThat(revoked.valid()).isFalse();
        assertThat(revoked.result(Check.REVOCATION).orElseThrow().status()).isEqualTo(Status.FAILED);

        VerificationReport suspended = new CredentialVerifier(trust).verify(credential,
                lists(withSources(recognition, OutcomeStatus.SUSPENDED)), CHECKED);
        assertThat(suspended.result(Check.REVOCATION).orElseThrow().status()).isEqualTo(Status.PASSED);
        assertThat(suspended.result(Check.SUSPENSION).orElseThrow().status()).isEqualTo(Status.NOT_CHECKED);
        assertThat(suspended.result(Check.SUSPENSION).orElseThrow().reason()).contains("only the ledger says");
    }

    @Test
    void aRecognitionNotInForceGetsNoCredential() {
        assertThatThrownBy(() -> universityIssuer.issueRecognition(withSources(recognition, OutcomeStatus.REVOKED), sources))
                .isInstanceOf(CredentialException.class)
                .hasMessageContaining("REVOKED")
                .hasMessageContaining(lathe.id());
    }

    @Test
    void onlyTheRecogniserSignsAndOnlyOverTheRecognitionsOwnSources() {
        CredentialIssuer collegeIssuer = new CredentialIssuer(college.identity, Clock.fixed(RECOGNISED, ZoneOffset.UTC));
        assertThatThrownBy(() -> collegeIssuer.issueRecognition(withSources(recognition, OutcomeStatus.ACTIVE), sources))
                .isInstanceOf(CredentialException.class).hasMessageContaining("Org2MSP");
        assertThatThrownBy(() -> universityIssuer.issueRecognition(withSources(recognition, OutcomeStatus.ACTIVE),
                sources.subList(0, 1))).isInstanceOf(CredentialException.class).hasMessageContaining("sources");
        Outcome someoneElses = college.outcome(TestInstitution.learner(), "L-1");
        assertThatThrownBy(() -> universityIssuer.issueRecognition(withSources(recognition, OutcomeStatus.ACTIVE),
                List.of(sources.get(0), new RecognisedSource(someoneElses, "x"))))
                .isInstanceOf(CredentialException.class).hasMessageContaining("another learner");
    }

    @Test
    void aManualRecognitionCarriesItsJustificationAndACategoryOnlyCreditIsTheDecisionsOwn() {
        RecognitionRequest request = new RecognitionRequest("M-1", learner, List.of(cnc.id()),
                RecognitionRequest.Method.MANUAL, null, null, new CreditTarget(null, "选修学分", "公共选修"),
                new BigDecimal("1.5"), "课程内容一致\n经教务处审核");
        Recognition manual = Recognition.decided(RecordId.recognition("Org2MSP", "M-1").toString(), "Org2MSP", request,
                request.target(), request.credits(), null, RECOGNISED.toString(), "tx-m1", "registrar");
        String credential = universityIssuer.issueRecognition(RecognitionView.of(manual, Map.of(cnc.id(), OutcomeStatus.ACTIVE)),
                sources.subList(0, 1));
        ObjectNode vc = CredentialJson.parseObject(credential, "vc");
        assertThat(vc.at("/credentialSubject/achievement/id").asText()).isEqualTo("urn:creditbank:recognition:" + manual.id());
        assertThat(vc.at("/credentialSubject/achievement/humanCode").isMissingNode()).isTrue();
        assertThat(vc.at("/evidence/0/recognitionMethod").asText()).isEqualTo("MANUAL");
        assertThat(vc.at("/evidence/0/narrative").asText()).isEqualTo("课程内容一致\n经教务处审核");
        assertThat(vc.at("/evidence/0/ruleCode").isMissingNode()).isTrue();
        VerificationReport report = new CredentialVerifier(trust).verify(credential,
                lists(RecognitionView.of(manual, Map.of(cnc.id(), OutcomeStatus.ACTIVE))), CHECKED);
        assertThat(report.valid()).as(report.describe()).isTrue();
    }
}
