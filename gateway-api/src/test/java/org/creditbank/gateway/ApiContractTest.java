package org.creditbank.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.creditbank.gateway.testing.ApiContract;
import org.junit.jupiter.api.Test;

/**
 * The contract check the HTTP tests rely on catches what a drifted document or a wrong answer
 * looks like; otherwise "every answer conforms" would prove nothing.
 */
class ApiContractTest {

    private static final ApiContract CONTRACT = ApiContract.bundled();
    private static final String HASH = "ab".repeat(32);
    private static final String OUTCOME = "{\"awardTxId\":\"tx1\",\"awardedAt\":\"2026-03-01T10:00:00Z\",\"changedBy\":\"x509::r\","
            + "\"contentHash\":\"" + HASH + "\",\"draft\":{\"achievementCode\":\"CNC101\",\"achievementTitle\":\"数控车床编程\","
            + "\"activityEnd\":\"2026-07-01\",\"activityStart\":\"2026-03-01\",\"credits\":3,\"evidenceHash\":\"" + HASH + "\","
            + "\"kind\":\"COURSE\",\"learner\":\"CB7K2M9QH4TZ1XW8R0\",\"localId\":\"L-1\",\"result\":{\"scale\":\"PERCENTAGE\","
            + "\"value\":\"86\"}},\"id\":\"CollegeMSP:L-1\",\"issuer\":\"CollegeMSP\",\"status\":\"ACTIVE\"}";

    @Test
    void aDocumentedAnswerConforms() {
        assertThat(CONTRACT.violations("GET", "/api/v1/outcomes/CollegeMSP:L-1", 200, "application/json", OUTCOME)).isEmpty();
        assertThat(CONTRACT.violations("GET", "/api/v1/outcomes/x?y=z", 404, "application/problem+json",
                problem(404, "NOT_FOUND"))).isEmpty();
        assertThat(CONTRACT.violations("GET", "/verify", 200, "text/html; charset=utf-8", "<html></html>")).isEmpty();
    }

    @Test
    void aBodyThatBreaksItsSchemaIsCaughtWithThePlaceItBreaks() {
        String withoutStatus = OUTCOME.replace(",\"status\":\"ACTIVE\"", "");
        assertThat(CONTRACT.violations("GET", "/api/v1/outcomes/CollegeMSP:L-1", 200, "application/json", withoutStatus))
                .singleElement().asString().contains("status");
        String badHash = OUTCOME.replace("\"contentHash\":\"" + HASH, "\"contentHash\":\"XYZ");
        assertThat(CONTRACT.violations("GET", "/api/v1/outcomes/CollegeMSP:L-1", 200, "application/json", badHash))
                .singleElement().asString().contains("contentHash");
        String extraField = OUTCOME.replace("{\"awardTxId\"", "{\"surprise\":1,\"awardTxId\"");
        assertThat(CONTRACT.violations("GET", "/api/v1/outcomes/CollegeMSP:L-1", 200, "application/json", extraField))
                .singleElement().asString().contains("surprise");
        assertThat(CONTRACT.violations("GET", "/api/v1/institutions", 200, "application/json", "{}")).isNotEmpty();
        assertThat(CONTRACT.violations("GET", "/api/v1/outcomes/CollegeMSP:L-1", 200, "application/json",
                OUTCOME.replace("2026-03-01T10:00:00Z", "yesterday"))).as("formats are asserted").isNotEmpty();
    }

    @Test
    void anUndocumentedStatusOrContentTypeIsCaught() {
        assertThat(CONTRACT.violations("GET", "/healthz", 500, "application/problem+json", problem(500, "INTERNAL")))
                .singleElement().asString().contains("documents no 500");
        assertThat(CONTRACT.violations("GET", "/api/v1/outcomes/x", 200, "text/html", OUTCOME))
                .singleElement().asString().contains("text/html");
        assertThat(CONTRACT.violations("GET", "/api/v1/outcomes/x", 404, "application/json", problem(404, "NOT_FOUND")))
                .singleElement().asString().contains("application/json");
    }

    @Test
    void aProblemMustCarryItsOwnStatusAndACodeOfThatStatus() {
        assertThat(CONTRACT.violations("GET", "/api/v1/outcomes/x", 404, "application/problem+json", problem(400, "NOT_FOUND")))
                .isNotEmpty();
        assertThat(CONTRACT.violations("GET", "/api/v1/outcomes/x", 404, "application/problem+json", problem(404, "CONFLICT")))
                .isNotEmpty();
    }

    @Test
    void anUnmatchedRequestMustGetTheProblemShape() {
        assertThat(CONTRACT.violations("DELETE", "/api/v1/outcomes/x", 404, "application/problem+json",
                problem(404, "NO_SUCH_ROUTE"))).isEmpty();
        assertThat(CONTRACT.violations("GET", "/nowhere", 404, "text/html", "<h1>Not found</h1>")).isNotEmpty();
        assertThatThrownBy(() -> CONTRACT.assertConforms("GET", "/nowhere", 404, "application/problem+json", "{}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("GET /nowhere answered 404");
    }

    @Test
    void aMisspeltSchemaKeywordIsRefusedInsteadOfCheckingNothing() {
        String misspelt = CONTRACT.document().toString().replace("\"required\":[\"recordId\",\"verdict\"",
                "\"requird\":[\"recordId\",\"verdict\"");
        assertThat(misspelt).contains("requird");
        ApiContract broken = ApiContract.of(misspelt);
        assertThatThrownBy(() -> broken.violations("POST", "/api/v1/verify", 200, "application/json", "{}"))
                .hasMessageContaining("requird");
    }

    @Test
    void aLiteralSegmentWinsOverAVariable() {
        assertThat(CONTRACT.operation("POST", "/api/v1/outcomes/batch").orElseThrow().name())
                .isEqualTo("POST /api/v1/outcomes/batch");
        assertThat(CONTRACT.operation("POST", "/api/v1/outcomes/X:1/revoke").orElseThrow().name())
                .isEqualTo("POST /api/v1/outcomes/{id}/revoke");
        assertThat(CONTRACT.operation("GET", "/api/v1/outcomes/a/b")).isEmpty();
    }

    private static String problem(int status, String code) {
        return "{\"code\":\"" + code + "\",\"detail\":\"d\",\"instance\":\"/p\",\"status\":" + status
                + ",\"title\":\"" + code + "\",\"type\":\"urn:creditbank:problem:" + code + "\"}";
    }
}
