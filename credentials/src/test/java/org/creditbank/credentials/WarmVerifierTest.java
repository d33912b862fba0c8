package org.creditbank.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.creditbank.credentials.VerificationReport.Check;
import org.creditbank.credentials.VerificationReport.Status;
import org.junit.jupiter.api.Test;

/**
 * A verifier that has already accepted credentials of an issuer keeps that issuer's key and
 * certificate chain ({@link VerificationKeys}, {@link CertifiedKeys}). It must still reject exactly
 * what a fresh verifier rejects, with the same reasons: other content, other organisation, another
 * key, a signing time outside the certificates' validity.
 */
class WarmVerifierTest {

    private static final Instant CHECKED = Instant.parse("2026-12-01T00:00:00Z");

    private final TestInstitution college =
            TestInstitution.create("Org1MSP", "Example Vocational College", "college.example");
    private final TestInstitution university = TestInstitution.create("Org2MSP", "Other University", "uni.example");
    private final TrustBundle bothOrgs = new TrustBundle(Map.of(
            "Org1MSP", List.of(college.caCertificate), "Org2MSP", List.of(university.caCertificate)));

    @Test
    void warmVerifierReportsWhatAFreshOneReports() {
        String valid = issuedAt(college, "2026-07-11T00:00:00Z");
        String universitys = issuedAt(university, "2026-07-11T00:00:00Z");
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("valid", valid);
        cases.put("another valid one", issuedAt(college, "2026-08-01T00:00:00Z"));
        cases.put("signed before the certificate was valid", issuedAt(college, "2025-12-31T23:59:59Z"));
        cases.put("signed after the certificate expired", issuedAt(college, "2037-01-01T00:00:00Z"));
        cases.put("tampered credits", edit(valid, vc -> ((ObjectNode) vc.path("credentialSubject"))
                .put("creditsEarned", 25)));
        cases.put("tampered signature", edit(valid, vc -> {
            ObjectNode proof = (ObjectNode) vc.path("proof").path(0); // the ecdsa-rdfc-2019 proof of the set
            String value = proof.path("proofValue").asText();
            proof.put("proofValue", value.substring(0, value.length() - 1) + (value.endsWith("A") ? "B" : "A"));
        }));
        cases.put("claims the other organisation", edit(valid, vc -> ((ObjectNode) vc.path("issuer"))
                .put("mspId", "Org2MSP")));
        cases.put("the university's key in the college's credential", edit(valid, vc -> ((ObjectNode) vc.path("issuer"))
                .set("issuerKey", CredentialJson.parseObject(universitys, "u").path("issuer").path("issuerKey"))));
        cases.put("the college's chain under the university's name", edit(universitys, vc -> ((ObjectNode) vc.at(
                "/issuer/issuerKey")).set("publicKeyJwk", CredentialJson.parseObject(valid, "c")
                .at("/issuer/issuerKey/publicKeyJwk"))));

        cases.put("the university's certificate for the college's key", edit(valid, vc -> ((ObjectNode) vc.at(
                "/issuer/issuerKey/publicKeyJwk")).set("x5c", CredentialJson.parseObject(universitys, "u")
                .at("/issuer/issuerKey/publicKeyJwk/x5c"))));

        CredentialVerifier warm = new CredentialVerifier(bothOrgs);
        assertThat(warm.verify(valid, List.of(), CHECKED).valid()).isTrue();
        assertThat(warm.verify(universitys, List.of(), CHECKED).valid()).isTrue();
        cases.forEach((name, credential) -> {
            VerificationReport fresh = new CredentialVerifier(bothOrgs).verify(credential, List.of(), CHECKED);
            VerificationReport again = warm.verify(credential, List.of(), CHECKED);
            assertThat(again.describe()).as(name).isEqualTo(fresh.describe());
        });
        assertThat(warm.verify(cases.get("signed after the certificate expired"), List.of(), CHECKED)
                .result(Check.ISSUER_TRUSTED).orElseThrow().status()).isEqualTo(Status.FAILED);
        assertThat(warm.verify(cases.get("signed before the certificate was valid"), List.of(), CHECKED)
                .result(Check.ISSUER_TRUSTED).orElseThrow().status()).isEqualTo(Status.FAILED);
        assertThat(warm.verify(cases.get("tampered signature"), List.of(), CHECKED).valid()).isFalse();
    }

    private static String issuedAt(TestInstitution institution, String time) {
        return new CredentialIssuer(institution.identity, Clock.fixed(Instant.parse(time), ZoneOffset.UTC))
                .issueAchievement(institution.outcome(TestInstitution.learner()), null, 1);
    }

    private static String edit(String json, Consumer<ObjectNode> change) {
        ObjectNode vc = CredentialJson.parseObject(json, "credential");
        change.accept(vc);
        return CredentialJson.write(vc);
    }
}
