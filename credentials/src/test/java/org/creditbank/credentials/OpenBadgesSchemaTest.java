package org.creditbank.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our achievement credentials against the published 1EdTech Open Badges 3.0 JSON schema
 * ({@code ob_v3p0_achievementcredential_schema.json}, draft 2019-09), validated by ajv in
 * {@code interop/validate-schema.mjs}; the schema comes from a pinned registry package
 * ({@code interop/pypi-requirements.txt}), never from us.
 *
 * <p>OB 3.0 allows one {@code credentialStatus} object (multiplicity 0..1; 1EdTech's issue 623
 * proposes more for 3.1), so ours carries its revocation entry alone; credentials issued before
 * that carried a suspension entry too, in an array, which the schema refuses.
 */
class OpenBadgesSchemaTest {

    private final TestInstitution college =
            TestInstitution.create("Org1MSP", "Example Vocational College", "college.example");
    private final CredentialIssuer issuer = new CredentialIssuer(college.identity,
            Clock.fixed(Instant.parse("2026-07-11T00:00:00Z"), ZoneOffset.UTC));

    @TempDir
    Path dir;

    @BeforeAll
    static void installValidator() throws Exception {
        InteropScripts.requireInstalled();
    }

    @Test
    void aFreshAchievementIsValid() throws Exception {
        ObjectNode verdict = validate(fresh());

        assertThat(verdict.path("valid").asBoolean()).as(verdict.toString()).isTrue();
        assertThat(verdict.path("schema").asText())
                .isEqualTo("https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json");
    }

    @Test
    void anAchievementIssuedWithTwoStatusEntriesIsNot() throws Exception {
        ObjectNode verdict = validate(CredentialJson.parseObject(TwoStatusEntriesCredentialTest.fixture("credential.json"),
                "vc"));

        assertThat(verdict.path("valid").asBoolean()).isFalse();
        assertThat(verdict.path("errors")).as(verdict.toString()).hasSize(1);
        assertThat(verdict.path("errors").path(0).path("instancePath").asText()).isEqualTo("/credentialStatus");
        assertThat(verdict.path("errors").path(0).path("message").asText()).isEqualTo("must be object");
    }

    @Test
    void withoutARequiredFieldItIsNot() throws Exception {
        ObjectNode credential = fresh();
        credential.remove("validFrom");

        ObjectNode verdict = validate(credential);

        assertThat(verdict.path("valid").asBoolean()).isFalse();
        assertThat(verdict.path("errors").findValuesAsText("missingProperty")).containsExactly("validFrom");
    }

    @Test
    void withoutItsAchievementCriteriaItIsNot() throws Exception {
        ObjectNode credential = fresh();
        ((ObjectNode) credential.path("credentialSubject").path("achievement")).remove("criteria");

        ObjectNode verdict = validate(credential);

        assertThat(verdict.path("valid").asBoolean()).isFalse();
        assertThat(verdict.path("errors").findValuesAsText("missingProperty")).contains("criteria");
    }

    private ObjectNode fresh() {
        return CredentialJson.parseObject(issuer.issueAchievement(college.outcome(TestInstitution.learner()), null, 9),
                "vc");
    }

    private ObjectNode validate(ObjectNode credential) throws Exception {
        Path file = Files.writeString(dir.resolve("credential.json"), CredentialJson.write(credential),
                StandardCharsets.UTF_8);
        return InteropScripts.verdict("valid", "validate-schema.mjs", List.of(file.toString()));
    }
}
