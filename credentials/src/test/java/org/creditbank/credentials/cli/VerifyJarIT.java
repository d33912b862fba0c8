package org.creditbank.credentials.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.creditbank.credentials.CredentialIssuer;
import org.creditbank.credentials.TestInstitution;
import org.creditbank.model.outcome.Outcome;
import org.creditbank.model.outcome.OutcomeStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped jar, run as a person would: {@code java -jar creditbank-verify.jar ...}. */
class VerifyJarIT {

    static final Path JAR = Path.of(System.getProperty("creditbank.verify.jar", "target/creditbank-verify.jar"));

    @TempDir
    Path dir;

    @Test
    void jarVerifiesACredentialAndExitsZero() throws Exception {
        TestInstitution college = TestInstitution.create("Org1MSP", "Example Vocational College", "college.example");
        String credential = new CredentialIssuer(college.identity, Clock.fixed(Instant.parse("2026-07-11T00:00:00Z"),
                ZoneOffset.UTC)).issueAchievement(college.outcome(TestInstitution.learner()), null, 1);
        Path cred = Files.writeString(dir.resolve("cred.json"), credential);
        Path trust = Files.writeString(dir.resolve("trust.json"), college.trustBundle().toJson());

        Run valid = java("--credential", cred.toString(), "--trust", trust.toString(), "--at", "2026-12-01T00:00:00Z");
        Run expired = java("--credential", cred.toString(), "--trust", trust.toString(), "--at", "2031-01-01T00:00:00Z");

        assertThat(valid.exitCode).as(valid.output).isZero();
        assertThat(valid.output).containsPattern("(?m)^SIGNATURE +PASSED").containsPattern("(?m)^EDDSA_SIGNATURE +PASSED").contains("VALID");
        assertThat(expired.exitCode).as(expired.output).isEqualTo(1);
        assertThat(expired.output).contains("expired at", "INVALID");
    }

    /** The shipped jar refuses a transcript entry for a revoked record, signed as gateways used to sign it. */
    @Test
    void jarRefusesATranscriptEntryForARevokedRecord() throws Exception {
        TestInstitution college = TestInstitution.create("Org1MSP", "Example Vocational College", "college.example");
        String learner = TestInstitution.learner();
        Outcome revoked = college.outcome(learner).withStatus(OutcomeStatus.REVOKED, "成绩录入错误",
                "2026-07-10T09:00:00Z", "registrar");
        String presentation = college.transcriptSignedOver(learner, List.of(TestInstitution.entryWithoutStatus(revoked)),
                Instant.parse("2026-07-11T00:00:00Z")).present(List.of(0));
        Path file = Files.writeString(dir.resolve("presentation.json"), presentation);
        Path trust = Files.writeString(dir.resolve("trust.json"), college.trustBundle().toJson());

        Run run = java("--transcript", "--credential", file.toString(), "--trust", trust.toString(),
                "--at", "2026-12-01T00:00:00Z");

        assertThat(run.exitCode).as(run.output).isEqualTo(1);
        assertThat(run.output).contains("DISCLOSED_ENTRIES", "FAILED", revoked.id(), "INVALID");
    }

    @Test
    void jarWithoutArgumentsExitsTwo() throws Exception {
        Run run = java();

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.output).contains("usage:");
    }

    private record Run(int exitCode, String output) {
    }

    private Run java(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path output = dir.resolve("output.txt");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }
}
