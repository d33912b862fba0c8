package org.creditbank.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.creditbank.model.outcome.Outcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our credentials as the Digital Credentials Consortium's {@code @digitalcredentials/verifier-core}
 * (the verifier of the Learner Credential Wallet and VerifierPlus) sees them, run by
 * {@code interop/dcc-verify.mjs} offline: it serves the issuer's DID document, our context and the
 * status lists, and refuses any other URL. verifier-core checks {@code eddsa-rdfc-2022} (and
 * Ed25519Signature2020) proofs only: it skips the {@code ecdsa-rdfc-2019} proof of our set, which is
 * why every issuer needs its Ed25519 key for these wallets. It takes no clock, so these credentials
 * are valid through a day relative to today. With no registry given, {@code registered_issuer} is
 * always false, which is not a signature failure.
 */
class DccVerifierInteropTest {

    static final Instant ISSUED = Instant.parse("2026-07-11T00:00:00Z");

    private final TestInstitution college =
            TestInstitution.create("Org1MSP", "Example Vocational College", "college.example");
    private final CredentialIssuer issuer = new CredentialIssuer(college.identity, Clock.fixed(ISSUED, ZoneOffset.UTC));

    @TempDir
    Path dir;

    @BeforeAll
    static void installVerifierCore() throws Exception {
        InteropScripts.requireInstalled();
    }

    @Test
    void freshAchievementIsValidWithItsRevocationStatus() throws Exception {
        ObjectNode verdict = verify(issuer, fresh(), new BitSet(), new BitSet());

        assertThat(verdict.path("verified").asBoolean()).as(verdict.toString()).isTrue();
        assertThat(steps(verdict)).containsExactlyInAnyOrder("valid_signature", "revocation_status", "expiration",
                "registered_issuer");
        assertThat(step(verdict, "valid_signature").path("valid").asBoolean()).isTrue();
        assertThat(step(verdict, "revocation_status").path("valid").asBoolean()).isTrue();
        assertThat(step(verdict, "expiration").path("valid").asBoolean()).isTrue();
        // No registry lists a test college; verifier-core says so and still checks everything else.
        assertThat(step(verdict, "registered_issuer").path("valid").asBoolean()).isFalse();
        assertThat(verdict.path("refused")).as("URLs it wanted that were not served").isEmpty();
    }

    @Test
    void itsSignatureCheckIsTheEddsaProof() throws Exception {
        ObjectNode forged = withForgedProof(fresh(), "eddsa-rdfc-2022");

        ObjectNode verdict = verify(issuer, CredentialJson.write(forged), new BitSet(), new BitSet());

        assertThat(verdict.path("verified").asBoolean()).isFalse();
        assertThat(verdict.path("errors").findValuesAsText("name")).containsExactly("invalid_signature");
    }

    @Test
    void itSkipsTheEcdsaProofOfTheSet() throws Exception {
        ObjectNode forged = withForgedProof(fresh(), "ecdsa-rdfc-2019");

        ObjectNode verdict = verify(issuer, CredentialJson.write(forged), new BitSet(), new BitSet());

        // A broken ECDSA proof goes unnoticed: verifier-core has no ecdsa-rdfc-2019 suite, and a
        // proof set passes when one proof it can check verifies (our verifier and verify.mjs catch it).
        assertThat(verdict.path("verified").asBoolean()).as(verdict.toString()).isTrue();
    }

    @Test
    void aCredentialWithOnlyAnEcdsaProofIsRefused() throws Exception {
        CredentialIssuer ecdsaOnly = new CredentialIssuer(college.ecdsaOnly(), Clock.fixed(ISSUED, ZoneOffset.UTC));
        String credential = ecdsaOnly.issueAchievement(college.outcomeValidThrough(TestInstitution.learner(),
                inFiveYears()), null, 9);

        ObjectNode verdict = verify(ecdsaOnly, credential, new BitSet(), new BitSet());

        // No suite of verifier-core matches the proof, so nothing is verified; it reports that as
        // an invalid signature, without fetching the DID document.
        assertThat(verdict.path("verified").asBoolean()).isFalse();
        assertThat(verdict.path("errors").findValuesAsText("name")).containsExactly("invalid_signature");
        assertThat(verdict.path("fetched")).isEmpty();
    }

    @Test
    void tamperedCopyIsRejected() throws Exception {
        ObjectNode credential = CredentialJson.parseObject(fresh(), "vc");
        ((ObjectNode) credential.path("credentialSubject")).put("creditsEarned", 25);

        ObjectNode verdict = verify(issuer, CredentialJson.write(credential), new BitSet(), new BitSet());

        assertThat(verdict.path("verified").asBoolean()).isFalse();
        assertThat(verdict.path("errors").findValuesAsText("name")).containsExactly("invalid_signature");
        assertThat(verdict.path("log")).isEmpty();
    }

    @Test
    void revokedCredentialShowsAsRevokedThroughOurStatusList() throws Exception {
        BitSet revoked = new BitSet();
        revoked.set(9);

        ObjectNode verdict = verify(issuer, fresh(), revoked, new BitSet());

        assertThat(verdict.path("verified").asBoolean()).isFalse();
        assertThat(step(verdict, "valid_signature").path("valid").asBoolean()).isTrue();
        assertThat(step(verdict, "revocation_status").path("valid").asBoolean()).isFalse();
    }

    @Test
    void aSuspensionIsNotSeenForTheCredentialNamesNoSuspensionList() throws Exception {
        // One status entry, revocation, as Open Badges 3.0 allows: the suspension list is served
        // with this credential's bit set, but verifier-core never asks for it.
        BitSet suspended = new BitSet();
        suspended.set(9);

        ObjectNode verdict = verify(issuer, fresh(), new BitSet(), suspended);

        assertThat(verdict.path("verified").asBoolean()).as(verdict.toString()).isTrue();
        assertThat(steps(verdict)).doesNotContain("suspension_status");
        List<String> fetched = new ArrayList<>();
        verdict.path("fetched").forEach(url -> fetched.add(url.asText()));
        assertThat(fetched).contains(college.identity.statusListUrl(StatusPurpose.REVOCATION, "tx-0001"))
                .doesNotContain(college.identity.statusListUrl(StatusPurpose.SUSPENSION, "tx-0001"));
    }

    @Test
    void expiredCredentialFails() throws Exception {
        // Valid through 2026-07-02, so its validUntil (2026-07-03T00:00Z) is past on any clock now.
        Outcome expired = college.outcomeValidThrough(TestInstitution.learner(), LocalDate.parse("2026-07-02"));

        ObjectNode verdict = verify(issuer, issuer.issueAchievement(expired, null, 9), new BitSet(), new BitSet());

        assertThat(verdict.path("verified").asBoolean()).isFalse();
        assertThat(step(verdict, "valid_signature").path("valid").asBoolean()).isTrue();
        assertThat(step(verdict, "expiration").path("valid").asBoolean()).isFalse();
    }

    @Test
    void transcriptIsValid() throws Exception {
        String learner = TestInstitution.learner();
        SignedTranscript transcript = issuer.issueTranscript(learner,
                List.of(college.outcomeValidThrough(learner, inFiveYears())), List.of(), new SecureRandom());

        ObjectNode verdict = verify(issuer, transcript.credential(), new BitSet(), new BitSet());

        assertThat(verdict.path("verified").asBoolean()).as(verdict.toString()).isTrue();
        // A transcript has no status entries: only the signature and its dates are checked.
        assertThat(steps(verdict)).containsExactlyInAnyOrder("valid_signature", "expiration", "registered_issuer");
    }

    private String fresh() {
        return issuer.issueAchievement(college.outcomeValidThrough(TestInstitution.learner(), inFiveYears()), null, 9);
    }

    private static LocalDate inFiveYears() {
        return LocalDate.now(ZoneOffset.UTC).plusYears(5);
    }

    private static ObjectNode withForgedProof(String credential, String cryptosuite) {
        ObjectNode vc = CredentialJson.parseObject(credential, "vc");
        for (JsonNode proof : vc.path("proof")) {
            if (cryptosuite.equals(proof.path("cryptosuite").asText())) {
                String value = proof.path("proofValue").asText();
                ((ObjectNode) proof).put("proofValue",
                        value.substring(0, value.length() - 1) + (value.endsWith("A") ? "B" : "A"));
                return vc;
            }
        }
        throw new AssertionError("no " + cryptosuite + " proof in " + credential);
    }

    private static List<String> steps(ObjectNode verdict) {
        List<String> ids = new ArrayList<>();
        verdict.path("log").forEach(step -> ids.add(step.path("id").asText()));
        return ids;
    }

    private static JsonNode step(ObjectNode verdict, String id) {
        for (JsonNode step : verdict.path("log")) {
            if (id.equals(step.path("id").asText())) {
                return step;
            }
        }
        throw new AssertionError("verifier-core logged no " + id + ": " + verdict);
    }

    private ObjectNode verify(CredentialIssuer by, String credential, BitSet revoked, BitSet suspended)
            throws Exception {
        Path credentialFile = write("credential.json", credential);
        Path didDocument = write("did.json", by.controllerDocument());
        Path revocation = write("revocation.json",
                by.issueStatusList(StatusPurpose.REVOCATION, "tx-0001", revoked, Duration.ofDays(1)));
        Path suspension = write("suspension.json",
                by.issueStatusList(StatusPurpose.SUSPENSION, "tx-0001", suspended, Duration.ofDays(1)));
        return InteropScripts.verdict("verified", "dcc-verify.mjs", List.of(credentialFile.toString(),
                didDocument.toString(), revocation.toString(), suspension.toString()));
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }
}
