package org.creditbank.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.creditbank.gateway.ApiException;
import org.creditbank.model.ErrorCode;
import org.creditbank.model.Violation;
import org.creditbank.model.json.CanonicalJson;
import org.junit.jupiter.api.Test;

/** Every error code has its HTTP status, and a problem+json body keeps its documented shape. */
class ProblemsTest {

    /** Failures of the gateway or the network: the only codes answered with a 5xx. */
    private static final Set<ErrorCode> NOT_THE_CLIENTS_FAULT = EnumSet.of(ErrorCode.INTERNAL,
            ErrorCode.CREDENTIALS_NOT_CONFIGURED, ErrorCode.READ_MODEL_NOT_CONFIGURED,
            ErrorCode.LEDGER_ENDORSEMENT_FAILED, ErrorCode.LEDGER_SUBMIT_FAILED,
            ErrorCode.LEDGER_REJECTED, ErrorCode.LEDGER_UNAVAILABLE, ErrorCode.LEDGER_BUSY, ErrorCode.LEDGER_TIMEOUT);

    @Test
    void everyCodeAboutWhatTheClientSentIsA4xxAndOnlyGatewayOrNetworkFailuresAre5xx() {
        for (ErrorCode code : ErrorCode.values()) {
            int status = Problems.statusOf(code);
            if (NOT_THE_CLIENTS_FAULT.contains(code)) {
                assertThat(status).as(code.name()).isBetween(500, 599);
            } else {
                assertThat(status).as(code.name()).isBetween(400, 499);
            }
        }
    }

    @Test
    void theProblemBodyOfAnApiExceptionCarriesTheStatusOfItsCode() {
        assertThat(Problems.body(new ApiException(ErrorCode.IMPORT_HAS_INVALID_ROWS, "x"), "/p")).contains("\"status\":422");
        assertThat(Problems.body(new ApiException(ErrorCode.BATCH_TOO_LARGE, "x"), "/p")).contains("\"status\":413");
        assertThat(Problems.body(new ApiException(ErrorCode.TOO_LARGE_FOR_QR, "x"), "/p")).contains("\"status\":413");
        assertThat(Problems.body(new ApiException(ErrorCode.CREDENTIAL_NOT_ISSUABLE, "x"), "/p")).contains("\"status\":422");
        assertThat(Problems.body(new ApiException(ErrorCode.UNAUTHENTICATED, "x"), "/p")).contains("\"status\":401");
        assertThat(Problems.body(ApiException.forbidden("x"), "/p")).contains("\"status\":403");
    }

    @Test
    void everyCodeHasATitleInChineseAndEnglishForThePeopleWhoReadItOnAPage() {
        for (ErrorCode code : ErrorCode.values()) {
            String title = CanonicalJson.read(Problems.body(new ApiException(code, "x"), "/p"), JsonNode.class)
                    .get("title").asText();
            assertThat(title).as(code.name()).containsPattern("\\p{IsHan}").contains(" / ").containsPattern("[A-Za-z]{3,}")
                    .doesNotContain(code.name());
        }
    }

    @Test
    void aProblemBodyHasTypeTitleStatusDetailCodeInstanceAndTheViolations() {
        Violation violation = new Violation(ErrorCode.INVALID_FIELD, "credits", "credits must be at most 60");
        JsonNode body = CanonicalJson.read(Problems.body(ApiException.invalid(List.of(violation)), "/api/v1/outcomes"),
                JsonNode.class);
        assertThat(body).isEqualTo(CanonicalJson.read("{\"type\":\"urn:creditbank:problem:INVALID_FIELD\","
                + "\"title\":\"有字段不符合规则，见 violations / A field breaks a rule: see violations\",\"status\":400,\"detail\":\"credits must be at most 60\","
                + "\"code\":\"INVALID_FIELD\",\"instance\":\"/api/v1/outcomes\",\"violations\":[{\"code\":\"INVALID_FIELD\","
                + "\"field\":\"credits\",\"message\":\"credits must be at most 60\"}]}", JsonNode.class));
    }
}
