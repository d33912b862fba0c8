package org.creditbank.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creditbank.gateway.CredentialNetwork.course;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.creditbank.chaincode.testing.TestIdentity;
import org.creditbank.gateway.TestGateway.Reply;
import org.creditbank.gateway.auth.TokenRole;
import org.creditbank.gateway.share.ShareRequest;
import org.creditbank.model.json.CanonicalJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A learner's shares over HTTP: a short link to chosen records that anyone holding it opens and
 * sees verified; only the learner lists and withdraws it; once withdrawn or expired it answers 404
 * SHARE_NOT_AVAILABLE; bad requests are 4xx problem+json with a stable code.
 */
class ShareHttpTest {

    private final CredentialNetwork net = new CredentialNetwork();
    private final String learner = net.openAccount();
    private final String learnerToken = net.college.token(TokenRole.LEARNER, "gateway", learner);
    private final String outcome = net.issue(course("SH-1", learner)).get("id").asText();

    ShareHttpTest() throws IOException {
    }

    @AfterEach
    void stop() {
        net.close();
    }

    private Reply share(String token, Map<String, Object> request) {
        return net.college.post("/api/v1/shares", token, CanonicalJson.toJson(request));
    }

    private JsonNode shareOutcome(Map<String, Object> more) {
        Map<String, Object> request = new HashMap<>(Map.of("outcomeIds", List.of(outcome)));
        request.putAll(more);
        Reply r = share(learnerToken, request);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json();
    }

    private Reply document(String id) {
        return net.college.get("/api/v1/shares/" + id + "/document", null);
    }

    private static void assertProblem(Reply r, int status, String code) {
        assertThat(r.status()).as(r.text()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("code").asText()).as(r.text()).isEqualTo(code);
    }

    @Test
    void aLearnerSharesARecordBehindAShortLinkThatAnyoneOpensAndSeesVerified() {
        JsonNode created = shareOutcome(Map.of("recipient", "某某公司 HR"));
        String id = created.at("/share/id").asText();
        String link = created.get("link").asText();

        assertThat(id).matches("[A-Za-z0-9_-]{22}");
        assertThat(link).isEqualTo(net.college.url("/s/" + id)).hasSizeLessThan(200);
        assertThat(created.get("qrSvg").asText()).startsWith("<svg");
        assertThat(created.at("/share/state").asText()).isEqualTo("OPEN");

        Reply opened = document(id);
        assertThat(opened.status()).as(opened.text()).isEqualTo(200);
        JsonNode record = opened.json().at("/records/0");
        assertThat(record.get("recordId").asText()).isEqualTo(outcome);
        assertThat(record.at("/credential/credentialSubject/achievement/name").asText()).isEqualTo("数控车床编程");
        assertThat(record.at("/credential/issuer/name").asText())
                .isEqualTo("广州五金职业技术学院 (Guangzhou Hardware Vocational College)");
        assertThat(record.at("/verdict/verdict").asText()).isEqualTo("VALID");
        assertThat(record.at("/verdict/issuerName").asText())
                .isEqualTo("广州五金职业技术学院 (Guangzhou Hardware Vocational College)");
        assertThat(record.at("/standing/status").asText()).isEqualTo("ACTIVE");
        assertThat(record.at("/standing/hours").asInt()).isEqualTo(48);
        assertThat(opened.json().get("recipient").asText()).isEqualTo("某某公司 HR");

        JsonNode listed = net.college.get("/api/v1/shares", learnerToken).json();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("id").asText()).isEqualTo(id);
        assertThat(listed.get(0).get("recipient").asText()).isEqualTo("某某公司 HR");
        assertThat(listed.get(0).get("openCount").asInt()).isEqualTo(1);
        assertThat(listed.get(0).get("lastOpenedAt").asText()).isEqualTo(CredentialNetwork.START.toString());
        assertThat(listed.get(0).get("outcomeIds").get(0).asText()).isEqualTo(outcome);
        assertThat(net.college.get("/api/v1/shares/" + id + "/qr", null).text()).startsWith("<svg");
    }

    /** The name inside a credential is what its signer wrote; the verdict names the institution as the ledger has it now. */
    @Test
    void theVerdictNamesTheIssuerAsTheLedgerRegistersIt() {
        String id = shareOutcome(Map.of()).at("/share/id").asText();
        assertThat(net.chain.submit(TestIdentity.admin("CollegeMSP"), "institution:register", CanonicalJson.toJson(Map.of(
                "name", "广州五金职业技术学院", "englishName", "Guangzhou Vocational College of Hardware", "type", "SCHOOL")))
                .ok()).isTrue();

        JsonNode record = document(id).json().at("/records/0");

        assertThat(record.at("/credential/issuer/name").asText()).contains("Guangzhou Hardware Vocational College");
        assertThat(record.at("/verdict/issuerName").asText()).isEqualTo("广州五金职业技术学院 (Guangzhou Vocational College of Hardware)");
    }

    @Test
    void twoSharesGetDifferentIds() {
        assertThat(shareOutcome(Map.of()).at("/share/id").asText()).isNotEqualTo(shareOutcome(Map.of()).at("/share/id").asText());
    }

    @Test
    void aRecordRevokedAfterSharingIsShownRevokedWithTheIssuersReasonAndDate() {
        String id = shareOutcome(Map.of()).at("/share/id").asText();
        net.clock.advance(Duration.ofDays(2));
        net.changeStatus(outcome, "revoke", "成绩录入错误 grade entered wrongly");

        JsonNode record = document(id).json().at("/records/0");

        assertThat(record.at("/verdict/verdict").asText()).isEqualTo("INVALID");
        assertThat(record.at("/verdict/summary").asText()).contains("revoked by the issuer");
        assertThat(record.at("/verdict/ledger/0/verdict").asText()).isEqualTo("REVOKED");
        assertThat(record.at("/verdict/ledger/0/statusReason").asText()).isEqualTo("成绩录入错误 grade entered wrongly");
        assertThat(record.at("/standing/status").asText()).isEqualTo("REVOKED");
        assertThat(record.at("/standing/reason").asText()).isEqualTo("成绩录入错误 grade entered wrongly");
        assertThat(record.at("/standing/changedAt").asText()).isNotBlank();
    }

    @Test
    void aWithdrawnShareAnswers404AndWithdrawingAgainChangesNothing() {
        String id = shareOutcome(Map.of()).at("/share/id").asText();

        Reply withdrawn = net.college.post("/api/v1/shares/" + id + "/withdraw", learnerToken, "");
        assertThat(withdrawn.status()).as(withdrawn.text()).isEqualTo(200);
        assertThat(withdrawn.json().get("state").asText()).isEqualTo("WITHDRAWN");
        String at = withdrawn.json().get("withdrawnAt").asText();

        assertProblem(document(id), 404, "SHARE_NOT_AVAILABLE");
        assertProblem(net.college.get("/api/v1/shares/" + id + "/qr", null), 404, "SHARE_NOT_AVAILABLE");
        Reply again = net.college.post("/api/v1/shares/" + id + "/withdraw", learnerToken, "");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("withdrawnAt").asText()).isEqualTo(at);
        assertThat(net.college.get("/api/v1/shares", learnerToken).json().get(0).get("state").asText()).isEqualTo("WITHDRAWN");
    }

    @Test
    void anExpiredShareAnswers404() {
        String id = shareOutcome(Map.of("expiresAt", CredentialNetwork.START.plus(Duration.ofDays(7)).toString()))
                .at("/share/id").asText();
        assertThat(document(id).status()).isEqualTo(200);

        net.clock.advance(Duration.ofDays(7));

        assertProblem(document(id), 404, "SHARE_NOT_AVAILABLE");
        assertThat(net.college.get("/api/v1/shares", learnerToken).json().get(0).get("state").asText()).isEqualTo("EXPIRED");
    }

    @Test
    void aLearnerNeitherListsNorWithdrawsAnothersShareNorSharesAnothersRecord() {
        String id = shareOutcome(Map.of()).at("/share/id").asText();
        String other = net.openAccount();
        String otherToken = net.college.token(TokenRole.LEARNER, "gateway", other);

        assertThat(net.college.get("/api/v1/shares", otherToken).json()).isEmpty();
        assertProblem(net.college.post("/api/v1/shares/" + id + "/withdraw", otherToken, ""), 404, "NOT_FOUND");
        assertThat(document(id).status()).as("the owner's share still stands").isEqualTo(200);
        assertProblem(share(otherToken, Map.of("outcomeIds", List.of(outcome))), 404, "NOT_FOUND");
    }

    @Test
    void onlyALearnerTokenShares() {
        assertProblem(share(net.collegeRegistrar, Map.of("outcomeIds", List.of(outcome))), 403, "FORBIDDEN");
        assertProblem(share(null, Map.of("outcomeIds", List.of(outcome))), 401, "UNAUTHENTICATED");
        assertProblem(net.college.get("/api/v1/shares", null), 401, "UNAUTHENTICATED");
    }

    @Test
    void badRequestsAreRefusedWithAStableCode() {
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i <= ShareRequest.MAX_RECORDS; i++) {
            tooMany.add("CollegeMSP:X-" + i);
        }
        for (Map<String, Object> bad : List.<Map<String, Object>>of(
                Map.of(),
                Map.of("outcomeIds", List.of()),
                Map.of("outcomeIds", tooMany),
                Map.of("outcomeIds", List.of("not an id")),
                Map.of("outcomeIds", List.of(outcome, outcome)),
                Map.of("recognitionIds", List.of(outcome)),
                Map.of("outcomeIds", List.of(outcome), "recipient", "HR\u0007"),
                Map.of("outcomeIds", List.of(outcome), "recipient", "x".repeat(ShareRequest.MAX_RECIPIENT_LENGTH + 1)),
                Map.of("outcomeIds", List.of(outcome), "expiresAt", "tomorrow"),
                Map.of("outcomeIds", List.of(outcome), "expiresAt", CredentialNetwork.START.minusSeconds(1).toString()),
                Map.of("outcomeIds", List.of(outcome), "expiresAt", CredentialNetwork.START.plus(Duration.ofDays(400))
                        .toString()))) {
            assertProblem(share(learnerToken, bad), 400, "INVALID_FIELD");
        }
        assertProblem(net.college.post("/api/v1/shares", learnerToken, "{\"outcomeIds\": "), 400, "MALFORMED_INPUT");
        assertProblem(net.college.post("/api/v1/shares", learnerToken, "{\"outcomeIds\": [], \"secret\": 1}"), 400,
                "MALFORMED_INPUT");
        assertProblem(document("no-such-share"), 404, "SHARE_NOT_AVAILABLE");
        assertProblem(document("AAAAAAAAAAAAAAAAAAAAAA"), 404, "SHARE_NOT_AVAILABLE");
        assertProblem(net.college.post("/api/v1/shares/AAAAAAAAAAAAAAAAAAAAAA/withdraw", learnerToken, ""), 404,
                "NOT_FOUND");
    }

    @Test
    void aRevokedRecordCannotBeShared() {
        net.changeStatus(outcome, "revoke", "证书作废 certificate withdrawn");
        assertProblem(share(learnerToken, Map.of("outcomeIds", List.of(outcome))), 422, "CREDENTIAL_NOT_ISSUABLE");
    }

    /** The share page and the verify page are pages: their own policy, never framed, no sniffing, no Referer. */
    @Test
    void theSharePageAndEveryAnswerCarryTheSecurityHeaders() throws Exception {
        String id = shareOutcome(Map.of()).at("/share/id").asText();
        HttpClient http = HttpClient.newHttpClient();
        for (String path : List.of("/s/" + id, "/verify")) {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(net.college.url(path))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                    .contains("default-src 'none'", "script-src 'self'", "frame-ancestors 'none'")
                    .doesNotContain("unsafe-inline");
            assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
            assertThat(page.body()).doesNotContain("<style", "style=\"", "<script>");
        }
        HttpResponse<String> refusal = http.send(HttpRequest.newBuilder(URI.create(net.college.url("/api/v1/shares")))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refusal.statusCode()).isEqualTo(401);
        assertThat(refusal.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(refusal.headers().firstValue("Content-Security-Policy")).hasValue("default-src 'none'; frame-ancestors 'none'");
    }
}
