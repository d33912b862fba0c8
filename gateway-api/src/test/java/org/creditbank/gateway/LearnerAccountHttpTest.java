package org.creditbank.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.creditbank.chaincode.testing.Drafts;
import org.creditbank.chaincode.testing.InMemoryLedger;
import org.creditbank.chaincode.testing.TestIdentity;
import org.creditbank.credentials.TrustBundle;
import org.creditbank.gateway.TestGateway.Reply;
import org.creditbank.gateway.auth.TokenRole;
import org.creditbank.model.json.CanonicalJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A learner signs in with a one-time code from their college and reads their own account, and the
 * chaincode capabilities that had no route (qualifications, personal data, a single rule, a
 * recognition's history, an institution by id) answer over HTTP with the roles they document.
 */
class LearnerAccountHttpTest {

    private final InMemoryLedger chain = new InMemoryLedger();
    private final TestClock clock = new TestClock(Instant.parse("2026-09-01T08:00:00Z"));
    private final TestGateway college;
    private final TestGateway university;
    private final String registrar;
    private final String universityRegistrar;
    private final String verifier;

    LearnerAccountHttpTest() throws IOException {
        register("CollegeMSP", "广州五金职业技术学院");
        register("UniversityMSP", "应用技术大学");
        college = new TestGateway(ledger("CollegeMSP"), "CollegeMSP", "gateway", TestGateway.freePort(), null,
                new TrustBundle(Map.of()), clock);
        university = new TestGateway(ledger("UniversityMSP"), "UniversityMSP", "gateway", 1 << 20);
        registrar = college.token(TokenRole.REGISTRAR, "registrar1", null);
        universityRegistrar = university.token(TokenRole.REGISTRAR, "registrar1", null);
        verifier = college.token(TokenRole.VERIFIER, "gateway", null);
    }

    @AfterEach
    void stop() {
        college.close();
        university.close();
    }

    private void register(String mspId, String name) {
        assertThat(chain.submit(TestIdentity.admin(mspId), "institution:register",
                CanonicalJson.toJson(Map.of("name", name, "type", "SCHOOL"))).ok()).isTrue();
    }

    private InProcessLedger ledger(String mspId) {
        return new InProcessLedger(chain).enroll("registrar1", TestIdentity.withRole(mspId, "registrar1", "registrar"))
                .enroll("gateway", TestIdentity.withRole(mspId, "gateway", "verifier"));
    }

    private String openAccount() {
        Reply r = college.post("/api/v1/learners", registrar, "");
        assertThat(r.status()).isEqualTo(201);
        return r.json().at("/record/accountNo").asText();
    }

    private JsonNode activation(String account) {
        Reply r = college.post("/api/v1/learners/" + account + "/activations", registrar, "");
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json();
    }

    private Reply redeem(String code) {
        return college.post("/api/v1/activations/redeem", null, CanonicalJson.toJson(Map.of("code", code)));
    }

    private static void assertProblem(Reply r, int status, String code) {
        assertThat(r.status()).as(r.text()).isEqualTo(status);
        assertThat(r.json().get("code").asText()).isEqualTo(code);
    }

    @Test
    void aLearnerRedeemsTheCodeOnceForTheirOwnTokenAndReadsOnlyTheirOwnAccount() {
        String account = openAccount();
        String other = openAccount();
        JsonNode activation = activation(account);
        String code = activation.get("code").asText();
        assertThat(code).matches("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}");
        assertThat(activation.get("link").asText()).isEqualTo(college.url("/activate#" + code.replace("-", "")))
                .hasSizeLessThan(200);
        assertThat(activation.get("expiresAt").asText()).isEqualTo("2026-09-08T08:00:00Z");

        // Typed in lower case with spaces, as a learner might.
        Reply signIn = redeem(code.toLowerCase(java.util.Locale.ROOT).replace("-", " "));
        assertThat(signIn.status()).as(signIn.text()).isEqualTo(201);
        assertThat(signIn.json().get("accountNo").asText()).isEqualTo(account);
        String token = signIn.json().get("token").asText();

        assertThat(college.get("/api/v1/learners/" + account + "/transcript", token).status()).isEqualTo(200);
        assertProblem(college.get("/api/v1/learners/" + other + "/transcript", token), 404, "NOT_FOUND");
        assertProblem(college.post("/api/v1/outcomes", token, CanonicalJson.toJson(Drafts.course("X", account))), 403,
                "FORBIDDEN");

        // One-time: the same code again, and a code nobody made, are refused alike.
        assertProblem(redeem(code), 400, "ACTIVATION_NOT_VALID");
        assertProblem(redeem("ZZZZ-ZZZZ-ZZZZ-ZZZZ"), 400, "ACTIVATION_NOT_VALID");
        assertProblem(redeem(""), 400, "ACTIVATION_NOT_VALID");
    }

    @Test
    void aCodeExpiresAfterSevenDaysAndANewCodeVoidsTheLastOne() {
        String account = openAccount();
        String late = activation(account).get("code").asText();
        clock.advance(Duration.ofDays(7));
        assertProblem(redeem(late), 400, "ACTIVATION_NOT_VALID");

        String first = activation(account).get("code").asText();
        String second = activation(account).get("code").asText();
        assertProblem(redeem(first), 400, "ACTIVATION_NOT_VALID");
        assertThat(redeem(second).status()).isEqualTo(201);
    }

    @Test
    void codesAreStoredOnlyAsHashesAndSurviveARestart() throws IOException {
        String account = openAccount();
        String code = activation(account).get("code").asText();
        String stored = Files.readString(college.tokensFile.resolveSibling("activations.json"));
        assertThat(stored).contains(account).doesNotContain(code).doesNotContain(code.replace("-", ""));

        // A second gateway process on the same data directory redeems it.
        college.close();
        try (TestGateway restarted = new TestGateway(ledger("CollegeMSP"), "CollegeMSP", "gateway", college.tokensFile, clock)) {
            Reply signIn = restarted.post("/api/v1/activations/redeem", null, CanonicalJson.toJson(Map.of("code", code)));
            assertThat(signIn.status()).as(signIn.text()).isEqualTo(201);
        }
    }

    @Test
    void wrongCodesAreLimitedPerClientSoThatGuessingIsHopeless() {
        String code = activation(openAccount()).get("code").asText();
        for (int i = 0; i < 10; i++) {
            assertProblem(redeem("AAAA-AAAA-AAAA-AAA" + i), 400, "ACTIVATION_NOT_VALID");
        }
        Reply limited = redeem(code); // even the right code: over budget nothing is compared
        assertProblem(limited, 429, "RATE_LIMITED");
        assertThat(Integer.parseInt(limited.retryAfter())).isBetween(1, 15 * 60);
        clock.advance(Duration.ofMinutes(15));
        assertThat(redeem(code).status()).isEqualTo(201);
    }

    @Test
    void aLearnerRevokesTheirOwnTokenAndItStopsWorking() {
        String account = openAccount();
        String token = redeem(activation(account).get("code").asText()).json().get("token").asText();
        Reply revoked = college.post("/api/v1/tokens/me/revoke", token, "");
        assertThat(revoked.status()).as(revoked.text()).isEqualTo(200);
        assertThat(revoked.json().get("revoked").asBoolean()).isTrue();
        assertProblem(college.get("/api/v1/learners/" + account + "/transcript", token), 401, "UNAUTHENTICATED");
    }

    @Test
    void onlyARegistrarCreatesCodesAndOnlyForAnAccountThatExists() {
        String account = openAccount();
        assertProblem(college.post("/api/v1/learners/" + account + "/activations", verifier, ""), 403, "FORBIDDEN");
        assertProblem(college.post("/api/v1/learners/CB0000000000000000/activations", registrar, ""), 404,
                "ACCOUNT_NOT_FOUND");
        assertProblem(college.post("/api/v1/learners/student-42/activations", registrar, ""), 400, "INVALID_FIELD");
    }

    @Test
    void aQualificationIsPublishedReadAndALearnerSeesTheirProgressTowardsIt() {
        String account = openAccount();
        String other = openAccount();
        assertThat(college.post("/api/v1/outcomes", registrar, CanonicalJson.toJson(Drafts.course("Q-1", account))).status())
                .isEqualTo(201);
        Map<String, Object> terms = Map.of("code", "AD-MECH", "title", "机电一体化 大专", "totalCredits", 10,
                "minimumsByCategory", Map.of("专业核心", 6));
        Reply published = college.post("/api/v1/qualifications", registrar, CanonicalJson.toJson(terms));
        assertThat(published.status()).as(published.text()).isEqualTo(201);
        assertThat(college.post("/api/v1/qualifications", registrar, CanonicalJson.toJson(terms)).status()).isEqualTo(200);
        assertProblem(college.post("/api/v1/qualifications", registrar, CanonicalJson.toJson(Map.of("code", "X"))), 400,
                "INVALID_FIELD");

        String token = redeem(activation(account).get("code").asText()).json().get("token").asText();
        Reply read = college.get("/api/v1/qualifications/CollegeMSP/AD-MECH", token);
        assertThat(read.json().at("/terms/title").asText()).isEqualTo("机电一体化 大专");
        JsonNode progress = college.get("/api/v1/qualifications/CollegeMSP/AD-MECH/progress/" + account, token).json();
        assertThat(progress.get("totalCredits").asInt()).isEqualTo(3);
        assertThat(progress.get("complete").asBoolean()).isFalse();
        assertThat(progress.get("missing")).isNotEmpty();
        assertProblem(college.get("/api/v1/qualifications/CollegeMSP/AD-MECH/progress/" + other, token), 404, "NOT_FOUND");
        assertProblem(college.get("/api/v1/qualifications/CollegeMSP/NOPE", token), 404, "NOT_FOUND");
    }

    @Test
    void personalDataIsKeptReadAndErasedWhileTheRecordsStillVerify() {
        String account = openAccount();
        JsonNode outcome = college.post("/api/v1/outcomes", registrar, CanonicalJson.toJson(Drafts.course("P-1", account)))
                .json().get("record");
        String path = "/api/v1/learners/" + account + "/personal-data";
        Reply kept = college.post(path, registrar, CanonicalJson.toJson(Map.of("name", "李小明", "birthDate", "2005-04-01")));
        assertThat(kept.status()).as(kept.text()).isEqualTo(201);
        assertThat(kept.json().at("/record/collection").asText()).isEqualTo("PII_CollegeMSP");
        assertThat(kept.text()).doesNotContain("李小明");
        assertThat(college.get(path, registrar).json().get("name").asText()).isEqualTo("李小明");
        // Another institution holds nothing for the learner, and a learner's token may not ask.
        assertProblem(university.get(path, universityRegistrar), 404, "NOT_FOUND");
        String token = redeem(activation(account).get("code").asText()).json().get("token").asText();
        assertProblem(college.get(path, token), 403, "FORBIDDEN");
        assertProblem(college.post(path, registrar, CanonicalJson.toJson(Map.of("birthDate", "2005-04-01"))), 400,
                "INVALID_FIELD");

        Reply purged = college.post(path + "/purge", registrar, "");
        assertThat(purged.status()).as(purged.text()).isEqualTo(201);
        assertProblem(college.get(path, registrar), 404, "NOT_FOUND");
        assertProblem(college.post(path + "/purge", registrar, ""), 404, "NOT_FOUND");
        Reply verdict = college.post("/api/v1/verify", null, CanonicalJson.toJson(Map.of("recordId",
                outcome.get("id").asText(), "contentHash", outcome.get("contentHash").asText())));
        assertThat(verdict.json().get("verdict").asText()).isEqualTo("VALID");
    }

    @Test
    void aSingleRuleARecognitionsHistoryAndAnInstitutionAreReadable() {
        String account = openAccount();
        String outcome = college.post("/api/v1/outcomes", registrar, CanonicalJson.toJson(Drafts.course("R-1", account)))
                .json().at("/record/id").asText();
        assertThat(university.post("/api/v1/rules", universityRegistrar,
                CanonicalJson.toJson(Drafts.transferRule("CNC-T"))).status()).isEqualTo(201);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("localId", "REC-1");
        request.put("learner", account);
        request.put("sourceOutcomeIds", List.of(outcome));
        request.put("method", "RULE");
        request.put("ruleCode", "CNC-T");
        request.put("ruleVersion", 1);
        String recognition = university.post("/api/v1/recognitions", universityRegistrar, CanonicalJson.toJson(request))
                .json().at("/record/recognition/id").asText();

        JsonNode rule = college.get("/api/v1/rules/CNC-T/versions/1?owner=UniversityMSP", verifier).json();
        assertThat(rule.at("/terms/target/courseCode").asText()).isEqualTo("ME210");
        assertProblem(college.get("/api/v1/rules/CNC-T/versions/2?owner=UniversityMSP", verifier), 404, "NOT_FOUND");
        assertProblem(college.get("/api/v1/rules/CNC-T/versions/1", verifier), 400, "INVALID_FIELD");

        JsonNode history = college.get("/api/v1/recognitions/" + recognition + "/history", verifier).json();
        assertThat(history).hasSize(1);

        String token = redeem(activation(account).get("code").asText()).json().get("token").asText();
        assertThat(college.get("/api/v1/institutions/UniversityMSP", token).json().at("/profile/name").asText())
                .isEqualTo("应用技术大学");
        assertProblem(college.get("/api/v1/institutions/NobodyMSP", token), 422, "INSTITUTION_NOT_REGISTERED");
        assertThat(college.get("/api/v1/institutions/me", verifier).json().get("mspId").asText()).isEqualTo("CollegeMSP");
    }

    /**
     * The account page reads the whole account in one transcript request; for 1,000 records it
     * answers within 500 ms. Timed with a plain client: {@link TestGateway} also checks each answer
     * against openapi.json, which is the test's work, not the gateway's.
     */
    @Test
    void aLearnerWithAThousandRecordsGetsTheAccountInOneRequestWithinHalfASecond() throws Exception {
        String account = openAccount();
        for (int batch = 0; batch < 2; batch++) {
            List<Map<String, Object>> items = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                items.add(Drafts.course("K-" + batch + "-" + i, account));
            }
            Reply issued = college.post("/api/v1/outcomes/batch", registrar, CanonicalJson.toJson(Map.of("items", items)));
            assertThat(issued.status()).as(issued.text()).isEqualTo(201);
        }
        String token = redeem(activation(account).get("code").asText()).json().get("token").asText();
        String path = "/api/v1/learners/" + account + "/transcript";
        assertThat(college.get(path, token).json().get("outcomes")).hasSize(1000);
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(college.url(path))).header("Authorization", "Bearer " + token)
                .build();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) { // the best of five: a running gateway's JIT is warm, this one warms up here
            long start = System.nanoTime();
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            best = Math.min(best, System.nanoTime() - start);
            assertThat(r.statusCode()).isEqualTo(200);
        }
        assertThat(Duration.ofNanos(best)).isLessThan(Duration.ofMillis(500));
    }
}
