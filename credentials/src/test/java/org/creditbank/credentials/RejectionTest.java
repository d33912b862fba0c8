package org.creditbank.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.creditbank.credentials.VerificationReport.Check;
import org.creditbank.credentials.VerificationReport.CheckResult;
import org.creditbank.credentials.VerificationReport.Status;
import org.creditbank.model.outcome.Outcome;
import org.creditbank.model.outcome.OutcomeDraft;
import org.junit.jupiter.api.Test;

/**
 * Every way a credential can be wrong must be rejected by the right check with a reason a person
 * understands. If one of these passes, verification is broken.
 */
class RejectionTest {

    static final Instant ISSUED = Instant.parse("2026-07-11T00:00:00Z");
    static final Instant CHECKED = Instant.parse("2026-12-01T00:00:00Z");
    static final int INDEX = 4242;

    private final TestInstitution college =
            TestInstitution.create("Org1MSP", "Example Vocational College", "college.example");
    private final TestInstitution university = TestInstitution.create("Org2MSP", "Other University", "uni.example");
    private final CredentialIssuer issuer = new CredentialIssuer(college.identity, Clock.fixed(ISSUED, ZoneOffset.UTC));
    private final CredentialIssuer listPublisher = new CredentialIssuer(college.identity,
            Clock.fixed(CHECKED.minus(Duration.ofHours(1)), ZoneOffset.UTC));
    private final TrustBundle bothOrgs = new TrustBundle(Map.of(
            "Org1MSP", List.of(college.caCertificate), "Org2MSP", List.of(university.caCertificate)));
    private final CredentialVerifier verifier = new CredentialVerifier(bothOrgs);
    private final String credential = issuer.issueAchievement(college.outcome(TestInstitution.learner()), null, INDEX);

    @Test
    void anIssuerRefusesToSignANodeWhoseIdIsNotAWellFormedIri() {
        // JSON-LD's RDF step would drop the evidence node (its name and hash) from what is signed.
        Outcome good = college.outcome(TestInstitution.learner());
        OutcomeDraft d = good.draft();
        OutcomeDraft spaced = new OutcomeDraft(d.localId(), d.learner(), d.kind(), d.achievementCode(),
                d.achievementTitle(), d.category(), d.credits(), d.hours(), d.level(), d.result(), d.activityStart(),
                d.activityEnd(), d.validUntil(), d.evidenceHash(), "https://evidence.example/report 2026.pdf");
        Outcome bad = new Outcome(good.id(), good.issuer(), spaced, Outcome.hashOf(good.issuer(), spaced),
                good.awardedAt(), good.awardTxId(), good.status(), null, null, good.changedBy());

        assertThatThrownBy(() -> issuer.issueAchievement(bad, null, INDEX))
                .isInstanceOfSatisfying(CredentialException.class,
                        e -> assertThat(e.code()).isEqualTo(CredentialException.Code.CANONICALIZATION))
                .hasMessageContaining("not a well-formed IRI");
    }

    @Test
    void tamperedCreditsBreakTheSignature() {
        String tampered = edit(credential, vc -> ((ObjectNode) vc.path("credentialSubject")).put("creditsEarned", 25));

        assertRejected(verify(tampered), Check.SIGNATURE, "altered after signing");
    }

    @Test
    void tamperedSignatureIsRejected() {
        String tampered = edit(credential, vc -> {
            ObjectNode proof = (ObjectNode) vc.path("proof").path(0); // the ecdsa-rdfc-2019 proof of the set
            String value = proof.path("proofValue").asText();
            char last = value.charAt(value.length() - 1);
            proof.put("proofValue", value.substring(0, value.length() - 1) + (last == 'A' ? 'B' : 'A'));
        });

        assertRejected(verify(tampered), Check.SIGNATURE, "does not match");
    }

    @Test
    void tamperedLearnerIsRejected() {
        String someoneElse = "urn:creditbank:account:" + TestInstitution.learner();
        String tampered = edit(credential, vc -> ((ObjectNode) vc.path("credentialSubject")).put("id", someoneElse));

        assertRejected(verify(tampered), Check.SIGNATURE, "altered after signing");
    }

    @Test
    void tamperedIssuerNameIsRejected() {
        String tampered = edit(credential, vc -> ((ObjectNode) vc.path("issuer")).put("name", "Famous University"));

        assertRejected(verify(tampered), Check.SIGNATURE, "altered after signing");
    }

    @Test
    void claimingAnotherTrustedOrganisationIsRejected() {
        String tampered = edit(credential, vc -> ((ObjectNode) vc.path("issuer")).put("mspId", "Org2MSP"));

        VerificationReport report = verify(tampered);

        assertRejected(report, Check.SIGNATURE, "altered after signing");
        assertRejected(report, Check.ISSUER_TRUSTED, "does not chain to a CA of Org2MSP");
    }

    @Test
    void keyOfAnOrganisationOutsideTheTrustBundleIsRejected() {
        TestInstitution diplomaMill = TestInstitution.create("MillMSP", "Diploma Mill", "mill.example");
        String forged = new CredentialIssuer(diplomaMill.identity, Clock.fixed(ISSUED, ZoneOffset.UTC))
                .issueAchievement(diplomaMill.outcome(TestInstitution.learner()), null, INDEX);

        VerificationReport report = verify(forged);

        assertThat(report.result(Check.SIGNATURE).orElseThrow().status()).isEqualTo(Status.PASSED);
        assertRejected(report, Check.ISSUER_TRUSTED, "MillMSP is not in the trust bundle");
    }

    @Test
    void selfMadeCertificateClaimingATrustedOrganisationIsRejected() {
        // Same MSP id as the college, but its own CA: the key does not chain to the college's CA.
        TestInstitution impostor = TestInstitution.create("Org1MSP", "Example Vocational College", "college.example");
        String forged = new CredentialIssuer(impostor.identity, Clock.fixed(ISSUED, ZoneOffset.UTC))
                .issueAchievement(impostor.outcome(TestInstitution.learner()), null, INDEX);

        assertRejected(verify(forged), Check.ISSUER_TRUSTED, "does not chain to a CA of Org1MSP");
    }

    @Test
    void swappedInIssuerKeyIsRejected() {
        String otherKey = CredentialJson.parseObject(new CredentialIssuer(university.identity,
                Clock.fixed(ISSUED, ZoneOffset.UTC)).controllerDocument(), "did").path("verificationMethod").path(0)
                .toString();
        String tampered = edit(credential, vc -> ((ObjectNode) vc.path("issuer"))
                .set("issuerKey", CredentialJson.parseObject(otherKey, "key")));

        assertRejected(verify(tampered), Check.SIGNATURE, "the proof names key");
    }

    @Test
    void revokedCredentialIsRejected() {
        BitSet revoked = new BitSet();
        revoked.set(INDEX);

        VerificationReport report = verifier.verify(credential, lists(revoked, Duration.ofDays(1)), CHECKED);

        assertRejected(report, Check.REVOCATION, "revoked by the issuer");
        assertThat(report.result(Check.SUSPENSION).orElseThrow().status()).isEqualTo(Status.NOT_CHECKED);
        assertThat(report.result(Check.SUSPENSION).orElseThrow().reason())
                .startsWith("the credential has no suspension status entry");
    }

    @Test
    void otherCredentialsBitsDoNotAffectThisOne() {
        BitSet others = new BitSet();
        others.set(INDEX - 1);
        others.set(INDEX + 1);

        assertThat(verifier.verify(credential, lists(others, Duration.ofDays(1)), CHECKED).valid()).isTrue();
    }

    @Test
    void staleStatusListIsReportedAsNotChecked() {
        VerificationReport report = verifier.verify(credential, lists(new BitSet(), Duration.ofMinutes(5)), CHECKED);

        CheckResult status = report.result(Check.REVOCATION).orElseThrow();
        assertThat(status.status()).isEqualTo(Status.NOT_CHECKED);
        assertThat(status.reason()).contains("older than its ttl", "fetch a fresh one");
        assertThat(report.valid()).isTrue();
    }

    @Test
    void staleListStillProvesRevocationBecauseRevocationIsFinal() {
        BitSet revoked = new BitSet();
        revoked.set(INDEX);

        VerificationReport report = verifier.verify(credential, lists(revoked, Duration.ofMinutes(5)), CHECKED);

        assertRejected(report, Check.REVOCATION, "revoked by the issuer");
    }

    @Test
    void statusListFromAnotherIssuerIsRejected() {
        ObjectNode foreign = CredentialJson.parseObject(new CredentialIssuer(university.identity,
                Clock.fixed(CHECKED, ZoneOffset.UTC)).issueStatusList(StatusPurpose.REVOCATION, "tx-0001", new BitSet(),
                Duration.ofDays(1)), "list");
        String url = college.identity.statusListUrl(StatusPurpose.REVOCATION, "tx-0001");
        // The university's list, claiming to be the college's: its signature breaks.
        foreign.put("id", url);

        VerificationReport report = verifier.verify(credential, List.of(CredentialJson.write(foreign)), CHECKED);

        assertRejected(report, Check.REVOCATION, "not trustworthy");
    }

    @Test
    void expiredCredentialIsRejected() {
        assertRejected(verifier.verify(credential, List.of(), Instant.parse("2030-07-01T00:00:00Z")),
                Check.VALIDITY_PERIOD, "expired at 2030-07-01T00:00:00Z");
    }

    @Test
    void lastValidDayIsStillValid() {
        assertThat(verifier.verify(credential, List.of(), Instant.parse("2030-06-30T23:59:59Z")).valid()).isTrue();
    }

    @Test
    void unknownContextIsNeverFetched() {
        String tampered = edit(credential, vc -> vc.withArray("@context").add("https://evil.example/context.json"));

        assertRejected(verify(tampered), Check.SIGNATURE, "never fetched");
    }

    @Test
    void undefinedTermCannotSneakPastTheSignature() {
        String tampered = edit(credential, vc -> vc.put("unsignedClaim", "honours degree"));

        assertRejected(verify(tampered), Check.SIGNATURE, "cannot be checked");
    }

    @Test
    void notJsonIsRejectedAsMalformed() {
        VerificationReport report = verifier.verify("{not json", List.of(), CHECKED);

        assertRejected(report, Check.WELL_FORMED, "not JSON");
        assertThat(report.result(Check.SIGNATURE).orElseThrow().status()).isEqualTo(Status.NOT_CHECKED);
    }

    @Test
    void missingProofIsRejectedAsMalformed() {
        assertRejected(verify(edit(credential, vc -> vc.remove("proof"))), Check.WELL_FORMED, "proof must be");
    }

    private VerificationReport verify(String json) {
        return verifier.verify(json, lists(new BitSet(), Duration.ofDays(1)), CHECKED);
    }

    /** The credential's one status list (a fresh credential has no suspension entry). */
    private List<String> lists(BitSet revoked, Duration ttl) {
        return List.of(listPublisher.issueStatusList(StatusPurpose.REVOCATION, "tx-0001", revoked, ttl));
    }

    private static String edit(String json, Consumer<ObjectNode> change) {
        ObjectNode vc = CredentialJson.parseObject(json, "credential");
        change.accept(vc);
        return CredentialJson.write(vc);
    }

    private static void assertRejected(VerificationReport report, Check check, String reason) {
        assertThat(report.valid()).as(report.describe()).isFalse();
        CheckResult result = report.result(check).orElseThrow();
        assertThat(result.status()).as(report.describe()).isEqualTo(Status.FAILED);
        assertThat(result.reason()).contains(reason);
    }
}
