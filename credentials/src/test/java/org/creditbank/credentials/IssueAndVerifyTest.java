package org.creditbank.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class IssueAndVerifyTest {

    @Test
    void freshCredentialVerifies() {
        TestInstitution college = TestInstitution.create("Org1MSP", "Example Vocational College", "college.example");
        CredentialIssuer issuer = new CredentialIssuer(college.identity,
                Clock.fixed(Instant.parse("2026-07-11T00:00:00Z"), ZoneOffset.UTC));
        String credential = issuer.issueAchievement(college.outcome(TestInstitution.learner()), null, 7);
        try {
            java.nio.file.Files.writeString(java.nio.file.Path.of("/tmp/cred.json"), credential);
            java.nio.file.Files.writeString(java.nio.file.Path.of("/tmp/did.json"), issuer.controllerDocument());
            java.nio.file.Files.writeString(java.nio.file.Path.of("/tmp/rev.json"), issuer.issueStatusList(StatusPurpose.REVOCATION, new java.util.BitSet(), java.time.Duration.ofDays(1)));
            java.nio.file.Files.writeString(java.nio.file.Path.of("/tmp/sus.json"), issuer.issueStatusList(StatusPurpose.SUSPENSION, new java.util.BitSet(), java.time.Duration.ofDays(1)));
        } catch (Exception e) { throw new RuntimeException(e); }
        VerificationReport report = new CredentialVerifier(college.trustBundle())
                .verify(credential, List.of(), Instant.parse("2026-12-01T00:00:00Z"));
        System.out.println(report.describe());
        assertThat(report.valid()).isTrue();
    }
}
