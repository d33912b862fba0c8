package org.creditbank.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
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
import java.util.Map;
import org.creditbank.model.RecordId;
import org.creditbank.model.outcome.Outcome;
import org.creditbank.model.outcome.OutcomeStatus;
import org.creditbank.model.recognition.CreditTarget;
import org.creditbank.model.recognition.Recognition;
import org.creditbank.model.recognition.RecognitionRequest;
import org.creditbank.model.recognition.RecognitionView;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our credentials must verify, unmodified, in a W3C VC verifier nobody here wrote: Digital
 * Bazaar's {@code @digitalbazaar/vc} with the {@code ecdsa-rdfc-2019} and {@code eddsa-rdfc-2022}
 * cryptosuites (each proof of the set checked on its own) and their Bitstring Status List checker,
 * run by {@code interop/verify.mjs} with a document loader that serves only the npm-packaged
 * contexts, the issuer's DID document and the status lists. Needs node and npm; fails (never
 * skips) without them.
 */
class IndependentVerifierInteropTest {

    static final Instant ISSUED = Instant.parse("2026-07-11T00:00:00Z");
    /** The verifier's clock, fixed so the test does not expire with the fixture's validUntil. */
    static final Instant CHECKED = Instant.parse("2026-12-01T00:00:00Z");

    private final TestInstitution college =
            TestInstitution.create("Org1MSP", "Example Vocational College", "college.example");
    private final CredentialIssuer issuer = new CredentialIssuer(college.identity, Clock.fixed(ISSUED, ZoneOffset.UTC));

    @TempDir
    Path dir;

    @BeforeAll
    static void installIndependentVerifier() throws Exception {
        InteropScripts.requireInstalled();
    }

    @Test
    void freshCredentialIsVerifiedWithItsStatus() throws Exception {
        String credential = issuer.issueAchievement(college.outcome(TestInstitution.learner()), null, 9);

        ObjectNode verdict = verifyIndependently(credential, new BitSet());

        assertThat(verdict.path("verified").asBoolean()).as(verdict.toString()).isTrue();
        assertBothProofsVerified(verdict);
        assertThat(verdict.path("statuses").findValuesAsText("purpose")).containsExactly("revocation");
        assertThat(verdict.path("statuses").findValues("set")).allMatch(set -> !set.asBoolean());
    }

    @Test
    void aSuspensionIsNotTheirsToSeeForTheCredentialNamesNoSuspensionList() throws Exception {
        // An achievement carries one status entry, revocation (Open Badges 3.0 allows one); even with
        // the issuer's suspension list at hand and this credential's bit set in it, they check only that.
        BitSet suspended = new BitSet();
        suspended.set(9);
        String credential = issuer.issueAchievement(college.outcome(TestInstitution.learner()), null, 9);

        ObjectNode verdict = verifyIndependently(credential, new BitSet(), suspended, CHECKED);

        assertThat(verdict.path("verified").asBoolean()).as(verdict.toString()).isTrue();
        assertThat(verdict.path("statuses").findValuesAsText("purpose")).containsExactly("revocation");
        assertThat(verdict.path("statuses").path(0).path("set").asBoolean()).isFalse();
    }

    @Test
    void tamperedCopyIsRejected() throws Exception {
        ObjectNode credential = CredentialJson.parseObject(
                issuer.issueAchievement(college.outcome(TestInstitution.learner()), null, 9), "vc");
        ((ObjectNode) credential.path("credentialSubject")).put("creditsEarned", 25);

        ObjectNode verdict = verifyIndependently(CredentialJson.write(credential), new BitSet());

        assertThat(verdict.path("verified").asBoolean()).isFalse();
        assertThat(verdict.path("error").asText()).contains("Invalid signature");
        assertThat(verdict.path("proofs").findValuesAsText("cryptosuite"))
                .containsExactlyInAnyOrder("ecdsa-rdfc-2019", "eddsa-rdfc-2022");
        assertThat(verdict.path("proofs").findValues("verified")).noneMatch(JsonNode::asBoolean);
    }

    @Test
    void aForgedEddsaSignatureIsSeenByTheirEddsaSuite() throws Exception {
        ObjectNode credential = CredentialJson.parseObject(
                issuer.issueAchievement(college.outcome(TestInstitution.learner()), null, 9), "vc");
        ObjectNode eddsa = (ObjectNode) credential.path("proof").path(1);
        assertThat(eddsa.path("cryptosuite").asText()).isEqualTo("eddsa-rdfc-2022");
        String value = eddsa.path("proofValue").asText();
        eddsa.put("proofValue", value.substring(0, value.length() - 1) + (value.endsWith("A") ? "B" : "A"));

        ObjectNode verdict = verifyIndependently(CredentialJson.write(credential), new BitSet());

        assertThat(proofVerdict(verdict, "ecdsa-rdfc-2019").path("verified").asBoolean()).as(verdict.toString()).isTrue();
        assertThat(proofVerdict(verdict, "eddsa-rdfc-2022").path("verified").asBoolean()).as(verdict.toString()).isFalse();
    }

    private static void assertBothProofsVerified(ObjectNode verdict) {
        for (String suite : List.of("ecdsa-rdfc-2019", "eddsa-rdfc-2022")) {
            JsonNode proof = proofVerdict(verdict, suite);
            assertThat(proof.path("verified").asBoolean()).as("%s in %s", suite, verdict).isTrue();
        }
    }

    private static JsonNode proofVerdict(ObjectNode verdict, String cryptosuite) {
        for (JsonNode proof : verdict.path("proofs")) {
            if (cryptosuite.equals(proof.path("cryptosuite").asText())) {
                return proof;
            }
        }
        throw new AssertionError("their verifier checked no " + cryptosuite + " proof: " + verdict);
    }

    @Test
    void revokedCredentialShowsAsRevoked() throws Exception {
        BitSet revoked = new BitSet();
        revoked.set(9);
        String credential = issuer.issueAchievement(college.outcome(TestInstitution.learner()), null, 9);

        ObjectNode verdict = verifyIndependently(credential, revoked);

        assertThat(verdict.path("statuses")).hasSize(1);
        assertThat(verdict.path("statuses").path(0).path("purpose").asText()).isEqualTo("revocation");
        assertThat(verdict.path("statuses").path(0).path("set").asBoolean()).isTrue();
    }

    @Test
    void transcriptEnvelopeIsVerified() throws Exception {
        String learner = TestInstitution.learner();
        SignedTranscript transcript = issuer.issueTranscript(learner, List.of(college.outcome(learner)), List.of(),
                new SecureRandom());

        ObjectNode verdict = verifyIndependently(transcript.credential(), new BitSet());

        assertThat(verdict.path("verified").asBoolean()).as(verdict.toString()).isTrue();
        assertBothProofsVerified(verdict);
    }

    @Test
    void aRecognitionCredentialIsVerifiedAndItsListShowsARevokedSource() throws Exception {
        TestInstitution university = TestInstitution.create("Org2MSP", "Other University", "uni.example");
        String learner = TestInstitution.learner();
        Outcome source = university.outcome(learner, "U-1");
        RecognitionRequest request = new RecognitionRequest("R-1", learner, List.of(source.id()),
                RecognitionRequest.Method.RULE, "CNC-TRANSFER", 1, null, null, null);
        Recognition recognition = Recognition.decided(RecordId.recognition("Org1MSP", "R-1").toString(), "Org1MSP",
                request, new CreditTarget("ME210", "数控加工技术", "专业核心"), new BigDecimal("2"), "Org1MSP",
                ISSUED.toString(), "tx-r1", "registrar");
        RecognitionView active = RecognitionView.of(recognition, Map.of(source.id(), OutcomeStatus.ACTIVE));
        String credential = issuer.issueRecognition(active, List.of(new RecognisedSource(source, "Other University")));

        ObjectNode verdict = verifyIndependently(credential, recognitionLists(active), CHECKED);
        assertThat(verdict.path("verified").asBoolean()).as(verdict.toString()).isTrue();
        assertBothProofsVerified(verdict);
        assertThat(verdict.path("statuses").findValues("set")).allMatch(set -> !set.asBoolean());

        RecognitionView revoked = RecognitionView.of(recognition, Map.of(source.id(), OutcomeStatus.REVOKED));
        ObjectNode later = verifyIndependently(credential, recognitionLists(revoked), CHECKED);
        assertThat(later.path("statuses").path(0).path("purpose").asText()).isEqualTo("revocation");
        assertThat(later.path("statuses").path(0).path("set").asBoolean()).isTrue();
        assertThat(later.path("statuses").path(1).path("set").asBoolean()).isFalse();
    }

    private List<String> recognitionLists(RecognitionView view) {
        return List.of(issuer.issueRecognitionStatusList(StatusPurpose.REVOCATION, view, Duration.ofDays(1)),
                issuer.issueRecognitionStatusList(StatusPurpose.SUSPENSION, view, Duration.ofDays(1)));
    }

    @Test
    void expiredCredentialIsRejected() throws Exception {
        String credential = issuer.issueAchievement(college.outcome(TestInstitution.learner()), null, 9);

        ObjectNode verdict = verifyIndependently(credential, new BitSet(), new BitSet(),
                Instant.parse("2031-01-01T00:00:00Z"));

        assertThat(verdict.path("verified").asBoolean()).isFalse();
        assertThat(verdict.path("error").asText()).contains("is after \"validUntil\"");
    }

    private ObjectNode verifyIndependently(String credential, BitSet revoked) throws Exception {
        return verifyIndependently(credential, revoked, new BitSet(), CHECKED);
    }

    /** Their verdict, with the issuer's DID document and both of its status lists (revocation and suspension) at hand. */
    private ObjectNode verifyIndependently(String credential, BitSet revoked, BitSet suspended, Instant now)
            throws Exception {
        return verifyIndependently(credential, List.of(
                issuer.issueStatusList(StatusPurpose.REVOCATION, "tx-0001", revoked, Duration.ofDays(1)),
                issuer.issueStatusList(StatusPurpose.SUSPENSION, "tx-0001", suspended, Duration.ofDays(1))), now);
    }

    /** {@code statusLists}: the revocation list, then the suspension list. */
    private ObjectNode verifyIndependently(String credential, List<String> statusLists, Instant now) throws Exception {
        Path credentialFile = write("credential.json", credential);
        Path controller = write("controller.json", issuer.controllerDocument());
        Path revocation = write("revocation.json", statusLists.get(0));
        Path suspension = write("suspension.json", statusLists.get(1));
        return InteropScripts.verdict("verified", "verify.mjs", List.of("--now=" + now, credentialFile.toString(),
                controller.toString(), revocation.toString(), suspension.toString()));
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }
}
