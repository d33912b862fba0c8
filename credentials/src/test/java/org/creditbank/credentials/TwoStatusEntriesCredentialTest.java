package org.creditbank.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.creditbank.credentials.VerificationReport.Check;
import org.creditbank.credentials.VerificationReport.CheckResult;
import org.creditbank.credentials.VerificationReport.Status;
import org.junit.jupiter.api.Test;

/**
 * A credential issued before achievement credentials carried one status entry: its
 * {@code credentialStatus} is an array of a revocation and a suspension entry. Holders keep such
 * credentials, and the suspension list route still serves their lists, so the verifier checks
 * both entries exactly as it did when they were issued.
 *
 * <p>The files in {@code two-status-entries/} are real output of the issuer of that time (a
 * {@link TestInstitution}, status index 7 of transaction {@code tx-0001}, signed at 2026-07-11):
 * the credential, its institution's trust bundle, and its revocation and suspension lists signed
 * at 2026-07-11T12:00:00Z with a ttl of one day, once with no bit set and once with bit 7 set.
 * Re-signing an edited credential could not stand in for them: it would show what today's code
 * makes of a document, not that a credential signed then still verifies.
 */
class TwoStatusEntriesCredentialTest {

    static final Instant CHECKED = Instant.parse("2026-07-12T00:00:00Z");
    static final Instant LISTS_STALE = Instant.parse("2026-07-13T00:00:00Z");

    private final CredentialVerifier verifier = new CredentialVerifier(TrustBundle.parse(fixture("trust-bundle.json")));
    private final String credential = fixture("credential.json");

    @Test
    void itHasBothEntriesAndPassesEveryCheck() {
        assertThat(CredentialJson.parseObject(credential, "vc").path("credentialStatus")
                .findValuesAsText("statusPurpose")).containsExactly("revocation", "suspension");

        VerificationReport report = verifier.verify(credential,
                List.of(fixture("revocation.json"), fixture("suspension.json")), CHECKED);

        assertThat(report.valid()).as(report.describe()).isTrue();
        assertThat(report.checks()).as(report.describe()).extracting(CheckResult::status).containsOnly(Status.PASSED);
        assertThat(report.result(Check.SUSPENSION).orElseThrow().reason()).startsWith("not suspended as of");
    }

    @Test
    void itsSuspensionBitMakesItInvalid() {
        VerificationReport report = verifier.verify(credential,
                List.of(fixture("revocation.json"), fixture("suspension-7-set.json")), CHECKED);

        assertThat(report.valid()).isFalse();
        assertThat(report.result(Check.SUSPENSION).orElseThrow())
                .extracting(CheckResult::status, CheckResult::reason)
                .containsExactly(Status.FAILED, "suspended by the issuer (status list of 2026-07-11T12:00:00Z, index 7)");
        assertThat(report.result(Check.REVOCATION).orElseThrow().status()).isEqualTo(Status.PASSED);
    }

    @Test
    void itsRevocationBitMakesItInvalid() {
        VerificationReport report = verifier.verify(credential,
                List.of(fixture("revocation-7-set.json"), fixture("suspension.json")), CHECKED);

        assertThat(report.valid()).isFalse();
        assertThat(report.result(Check.REVOCATION).orElseThrow())
                .extracting(CheckResult::status, CheckResult::reason)
                .containsExactly(Status.FAILED, "revoked by the issuer (status list of 2026-07-11T12:00:00Z, index 7)");
        assertThat(report.result(Check.SUSPENSION).orElseThrow().status()).isEqualTo(Status.PASSED);
    }

    @Test
    void aStaleSuspensionListProvesNothingButAStaleRevocationListStillDoes() {
        // A suspension can be lifted, so a list older than its ttl says nothing; a revocation is final.
        VerificationReport suspended = verifier.verify(credential,
                List.of(fixture("revocation.json"), fixture("suspension-7-set.json")), LISTS_STALE);
        assertThat(suspended.result(Check.SUSPENSION).orElseThrow())
                .extracting(CheckResult::status).isEqualTo(Status.NOT_CHECKED);
        assertThat(suspended.result(Check.SUSPENSION).orElseThrow().reason()).contains("older than its ttl");
        assertThat(suspended.valid()).isTrue();

        VerificationReport revoked = verifier.verify(credential,
                List.of(fixture("revocation-7-set.json"), fixture("suspension.json")), LISTS_STALE);
        assertThat(revoked.result(Check.REVOCATION).orElseThrow().status()).isEqualTo(Status.FAILED);
    }

    @Test
    void withoutItsSuspensionListTheSuspensionIsNotChecked() {
        VerificationReport report = verifier.verify(credential, List.of(fixture("revocation.json")), CHECKED);

        assertThat(report.valid()).isTrue();
        assertThat(report.result(Check.SUSPENSION).orElseThrow())
                .extracting(CheckResult::status, CheckResult::reason)
                .containsExactly(Status.NOT_CHECKED,
                        "no status list https://college.example/credentials/status/tx-0001/suspension was supplied");
    }

    static String fixture(String name) {
        try (InputStream in = TwoStatusEntriesCredentialTest.class.getResourceAsStream("/two-status-entries/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test fixture two-status-entries/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
