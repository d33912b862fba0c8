package org.creditbank.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.creditbank.credentials.VerificationReport.Check;
import org.creditbank.credentials.VerificationReport.Status;
import org.creditbank.model.institution.SigningKey;
import org.creditbank.model.key.Ed25519Multikey;
import org.junit.jupiter.api.Test;

/**
 * Every credential carries a proof set, an ecdsa-rdfc-2019 proof (the CA-certified P-256 key) and
 * an eddsa-rdfc-2022 proof (the ledger-registered Ed25519 key), and the offline verifier checks and
 * reports each; a credential from before proof sets still verifies.
 */
class ProofSetTest {

    static final Instant ISSUED = Instant.parse("2026-07-11T00:00:00Z");
    static final Instant CHECKED = Instant.parse("2026-12-01T00:00:00Z");

    private final TestInstitution college = TestInstitution.create("Org1MSP", "Example Vocational College",
            "college.example");
    private final CredentialIssuer issuer = new CredentialIssuer(college.identity, Clock.fixed(ISSUED, ZoneOffset.UTC));
    private final String credential = issuer.issueAchievement(college.outcome(TestInstitution.learner()), null, 3);

    private VerificationReport verify(String json, TrustBundle trust) {
        return new CredentialVerifier(trust).verify(json, List.of(), CHECKED);
    }

    private static Status status(VerificationReport report, Check check) {
        return report.result(check).orElseThrow().status();
    }

    private static String reason(VerificationReport report, Check check) {
        return report.result(check).orElseThrow().reason();
    }

    private static String edit(String json, Consumer<ObjectNode> change) {
        ObjectNode vc = CredentialJson.parseObject(json, "vc");
        change.accept(vc);
        return CredentialJson.write(vc);
    }

    private TrustBundle bundleWith(SigningKey key) {
        return new TrustBundle(Map.of("Org1MSP", List.of(college.caCertificate)), Map.of("Org1MSP", List.of(key)));
    }

    @Test
    void aCredentialCarriesOneProofPerSuiteEachNamingItsKey() {
        JsonNode proofs = CredentialJson.parseObject(credential, "vc").get("proof");

        assertThat(proofs.isArray()).isTrue();
        assertThat(proofs.findValuesAsText("cryptosuite")).containsExactly("ecdsa-rdfc-2019", "eddsa-rdfc-2022");
        assertThat(proofs.path(0).path("verificationMethod").asText()).isEqualTo(college.identity.verificationMethodId());
        String multikey = college.identity.eddsaKey().publicKeyMultibase();
        assertThat(multikey).startsWith("z6Mk");
        assertThat(Ed25519Multikey.decode(multikey)).hasSize(32);
        assertThat(proofs.path(1).path("verificationMethod").asText()).isEqualTo("did:web:college.example#" + multikey);
        assertThat(proofs.findValuesAsText("proofPurpose")).containsOnly("assertionMethod");
        assertThat(proofs.findValuesAsText("created")).containsOnly("2026-07-11T00:00:00Z");
    }

    @Test
    void bothProofsAreCheckedAndReported() {
        VerificationReport report = verify(credential, college.trustBundle());

        assertThat(report.valid()).as(report.describe()).isTrue();
        assertThat(status(report, Check.SIGNATURE)).isEqualTo(Status.PASSED);
        assertThat(status(report, Check.EDDSA_SIGNATURE)).isEqualTo(Status.PASSED);
        assertThat(status(report, Check.EDDSA_KEY_REGISTERED)).isEqualTo(Status.PASSED);
        assertThat(reason(report, Check.EDDSA_KEY_REGISTERED)).contains("registered by Org1MSP");
    }

    @Test
    void aChangedFieldBreaksBothProofs() {
        VerificationReport report = verify(edit(credential, vc -> ((ObjectNode) vc.get("credentialSubject"))
                .put("creditsEarned", 25)), college.trustBundle());

        assertThat(report.valid()).isFalse();
        assertThat(status(report, Check.SIGNATURE)).isEqualTo(Status.FAILED);
        assertThat(status(report, Check.EDDSA_SIGNATURE)).isEqualTo(Status.FAILED);
        assertThat(reason(report, Check.EDDSA_SIGNATURE)).contains("altered after signing");
    }

    @Test
    void aForgedEddsaProofMakesTheCredentialInvalidEvenWithAGoodEcdsaProof() {
        String otherCredential = issuer.issueAchievement(college.outcome(TestInstitution.learner()), null, 4);
        String forged = edit(credential, vc -> ((ArrayNode) vc.get("proof")).set(1,
                CredentialJson.parseObject(otherCredential, "other").get("proof").get(1)));

        VerificationReport report = verify(forged, college.trustBundle());

        assertThat(status(report, Check.SIGNATURE)).isEqualTo(Status.PASSED);
        assertThat(status(report, Check.EDDSA_SIGNATURE)).isEqualTo(Status.FAILED);
        assertThat(report.valid()).isFalse();
    }

    @Test
    void anEddsaProofByAnotherKeyOfAnotherIssuerIsRefused() {
        TestInstitution impostor = TestInstitution.create("Org1MSP", "Impostor", "impostor.example");
        String signedByOther = new CredentialIssuer(impostor.identity, Clock.fixed(ISSUED, ZoneOffset.UTC))
                .issueAchievement(impostor.outcome(TestInstitution.learner()), null, 3);
        String mixed = edit(credential, vc -> ((ArrayNode) vc.get("proof")).set(1,
                CredentialJson.parseObject(signedByOther, "other").get("proof").get(1)));

        VerificationReport report = verify(mixed, college.trustBundle());

        assertThat(status(report, Check.EDDSA_SIGNATURE)).isEqualTo(Status.FAILED);
        assertThat(reason(report, Check.EDDSA_SIGNATURE)).contains("not a key of the issuer did:web:college.example");
    }

    @Test
    void aCredentialWithOnlyTheOldEcdsaProofStillVerifies() {
        String old = new CredentialIssuer(college.ecdsaOnly(), Clock.fixed(ISSUED, ZoneOffset.UTC))
                .issueAchievement(college.outcome(TestInstitution.learner()), null, 3);
        assertThat(CredentialJson.parseObject(old, "vc").get("proof").isObject()).isTrue();

        VerificationReport report = verify(old, college.trustBundle());

        assertThat(report.valid()).as(report.describe()).isTrue();
        assertThat(status(report, Check.EDDSA_SIGNATURE)).isEqualTo(Status.NOT_CHECKED);
        assertThat(reason(report, Check.EDDSA_SIGNATURE)).contains("no eddsa-rdfc-2022 proof");
        assertThat(status(report, Check.EDDSA_KEY_REGISTERED)).isEqualTo(Status.NOT_CHECKED);
    }

    @Test
    void aKeyTheLedgerDoesNotListForTheIssuerFailsTheRegistrationCheck() {
        TestInstitution other = TestInstitution.create("Org1MSP", "Same org, other key", "college.example");

        VerificationReport report = verify(credential, bundleWith(other.signingKey()));

        assertThat(status(report, Check.EDDSA_KEY_REGISTERED)).isEqualTo(Status.FAILED);
        assertThat(reason(report, Check.EDDSA_KEY_REGISTERED)).contains("is not registered on the ledger for Org1MSP");
        assertThat(report.valid()).isFalse();
    }

    @Test
    void aCredentialSignedBeforeItsKeyWasRetiredKeepsVerifyingAndOneSignedAfterDoesNot() {
        SigningKey key = college.signingKey();

        VerificationReport retiredLater = verify(credential, bundleWith(key.retire("2026-08-01T00:00:00Z")));
        VerificationReport retiredBefore = verify(credential, bundleWith(key.retire("2026-07-10T23:59:59Z")));
        VerificationReport registeredAfter = verify(credential,
                bundleWith(new SigningKey("Org1MSP", key.publicKeyMultibase(), "2026-07-11T00:00:01Z", null)));

        assertThat(retiredLater.valid()).as(retiredLater.describe()).isTrue();
        assertThat(reason(retiredLater, Check.EDDSA_KEY_REGISTERED)).contains("retired at 2026-08-01T00:00:00Z");
        assertThat(status(retiredBefore, Check.EDDSA_KEY_REGISTERED)).isEqualTo(Status.FAILED);
        assertThat(reason(retiredBefore, Check.EDDSA_KEY_REGISTERED)).contains("retired it at 2026-07-10T23:59:59Z");
        assertThat(status(registeredAfter, Check.EDDSA_KEY_REGISTERED)).isEqualTo(Status.FAILED);
    }

    @Test
    void aBundleWithoutRegisteredKeysLeavesTheRegistrationNotCheckedAndTheCredentialValid() {
        VerificationReport report = verify(credential, new TrustBundle(Map.of("Org1MSP", List.of(college.caCertificate))));

        assertThat(report.valid()).as(report.describe()).isTrue();
        assertThat(status(report, Check.EDDSA_SIGNATURE)).isEqualTo(Status.PASSED);
        assertThat(status(report, Check.EDDSA_KEY_REGISTERED)).isEqualTo(Status.NOT_CHECKED);
    }

    @Test
    void aProofSetWithoutEcdsaOrWithAnUnknownSuiteIsNotWellFormed() {
        String eddsaOnly = edit(credential, vc -> ((ArrayNode) vc.get("proof")).remove(0));
        String unknown = edit(credential, vc -> ((ObjectNode) vc.get("proof").get(1)).put("cryptosuite", "bbs-2023"));

        assertThat(status(verify(eddsaOnly, college.trustBundle()), Check.WELL_FORMED)).isEqualTo(Status.FAILED);
        assertThat(status(verify(unknown, college.trustBundle()), Check.WELL_FORMED)).isEqualTo(Status.FAILED);
    }

    @Test
    void statusListsAndTranscriptsCarryTheProofSetToo() {
        String list = issuer.issueStatusList(StatusPurpose.REVOCATION, "tx-0001", new BitSet(), Duration.ofDays(1));
        String learner = TestInstitution.learner();
        SignedTranscript transcript = issuer.issueTranscript(learner, List.of(college.outcome(learner)), List.of(),
                new SecureRandom());

        for (String signed : List.of(list, transcript.credential())) {
            assertThat(CredentialJson.parseObject(signed, "signed").get("proof").findValuesAsText("cryptosuite"))
                    .containsExactly("ecdsa-rdfc-2019", "eddsa-rdfc-2022");
        }
        VerificationReport report = new CredentialVerifier(college.trustBundle())
                .verifyTranscript(transcript.present(List.of(0)), CHECKED);
        assertThat(report.valid()).as(report.describe()).isTrue();
        assertThat(status(report, Check.EDDSA_KEY_REGISTERED)).isEqualTo(Status.PASSED);
    }

    @Test
    void theDidDocumentListsBothKeysAsAssertionMethods() {
        JsonNode did = CredentialJson.parseObject(issuer.controllerDocument(), "did");

        assertThat(did.get("id").asText()).isEqualTo("did:web:college.example");
        assertThat(did.get("verificationMethod").findValuesAsText("type")).containsExactly("JsonWebKey", "Multikey");
        assertThat(did.get("verificationMethod").get(1).get("publicKeyMultibase").asText())
                .isEqualTo(college.identity.eddsaKey().publicKeyMultibase());
        assertThat(did.get("assertionMethod")).extracting(JsonNode::asText).containsExactly(
                college.identity.verificationMethodId(), college.identity.eddsaVerificationMethodId());
    }

    @Test
    void theTrustBundleCarriesRegisteredKeysAndStillReadsTheOldForm() {
        TrustBundle bundle = college.trustBundle();

        TrustBundle read = TrustBundle.parse(bundle.toJson());
        TrustBundle old = TrustBundle.parse(new TrustBundle(bundle.caCertificates()).toJson());

        assertThat(read.signingKeysOf("Org1MSP")).containsExactly(college.signingKey());
        assertThat(read.caCertificatesOf("Org1MSP")).containsExactlyElementsOf(bundle.caCertificatesOf("Org1MSP"));
        assertThat(old.signingKeysOf("Org1MSP")).isEmpty();
        assertThat(old.caCertificatesOf("Org1MSP")).hasSize(1);
        assertThatThrownBy(() -> TrustBundle.parse(bundle.toJson().replace("z6Mk", "z6Mx")))
                .isInstanceOf(CredentialException.class).hasMessageContaining("not an Ed25519 Multikey");
    }
}
