package org.creditbank.gateway.http;

import java.util.LinkedHashMap;
import java.util.Map;
import org.creditbank.gateway.ApiException;
import org.creditbank.model.ErrorCode;
import org.creditbank.model.json.CanonicalJson;

/**
 * Turns every failure into an RFC 9457 {@code application/problem+json} body with a stable code and
 * the HTTP status that code has. Chaincode refusals keep the chaincode's code; network trouble
 * becomes 502/503/504 (503 and 504 with Retry-After), never a 500 blamed on the client. Which code a
 * ledger failure gets is the use cases' business ({@link ApiException#fromLedger}); only the status
 * and the body are decided here.
 */
public final class Problems {

    /**
     * With its charset: Jetty assumes UTF-8 only for the media types it knows ({@code application/json}),
     * and encodes any other text as ISO-8859-1, which turned a Chinese detail into {@code ??}.
     */
    public static final String CONTENT_TYPE = "application/problem+json; charset=utf-8";

    private Problems() {
    }

    /**
     * The HTTP status of every error code. Exhaustive and without a default, so that a code added to
     * {@link ErrorCode} does not compile until it has its status here.
     */
    public static int statusOf(ErrorCode code) {
        return switch (code) {
            case MALFORMED_INPUT, INVALID_FIELD, PERSONAL_DATA_REQUIRED, REQUEST_NOT_ACCEPTED, NESTED_TOO_DEEPLY, OFFER_NOT_VALID,
                 HOLDER_PROOF_INVALID, ACTIVATION_NOT_VALID, SPREADSHEET_UNREADABLE -> 400;
            case UNAUTHENTICATED -> 401;
            case ROLE_NOT_ALLOWED, ORG_NOT_ALLOWED, FORBIDDEN -> 403;
            case NOT_FOUND, ACCOUNT_NOT_FOUND, NO_SUCH_ROUTE, SHARE_NOT_AVAILABLE -> 404;
            case METHOD_NOT_ALLOWED -> 405;
            case CONFLICT, ACCOUNT_EXISTS, ALREADY_RECOGNISED, ALREADY_COUNTED, IMPORT_INCOMPLETE -> 409;
            case BATCH_TOO_LARGE, PAYLOAD_TOO_LARGE, TOO_LARGE_FOR_QR, SPREADSHEET_TOO_LARGE -> 413;
            case URI_TOO_LONG -> 414;
            case HEADERS_TOO_LARGE -> 431;
            case INSTITUTION_NOT_REGISTERED, INSTITUTION_TYPE_NOT_ALLOWED, INVALID_STATUS_TRANSITION, SOURCE_NOT_ACTIVE,
                 LEARNER_MISMATCH, RULE_NOT_SATISFIED, RULE_RETIRED, BATCH_REJECTED, IMPORT_HAS_INVALID_ROWS,
                 CREDENTIAL_NOT_ISSUABLE, NOT_A_POINTS_FACT, POLICY_NOT_IN_FORCE, INSUFFICIENT_POINTS -> 422;
            case RATE_LIMITED -> 429;
            case INTERNAL -> 500;
            case CREDENTIALS_NOT_CONFIGURED, READ_MODEL_NOT_CONFIGURED -> 501;
            case LEDGER_ENDORSEMENT_FAILED, LEDGER_SUBMIT_FAILED, LEDGER_REJECTED -> 502;
            case LEDGER_UNAVAILABLE, LEDGER_BUSY -> 503;
            case LEDGER_TIMEOUT -> 504;
        };
    }

    /** The problem+json body for an error on {@code instance} (the request path). */
    public static String body(ApiException e, String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "urn:creditbank:problem:" + e.code().name());
        body.put("title", ProblemTitles.of(e.code()));
        body.put("status", statusOf(e.code()));
        body.put("detail", e.getMessage());
        body.put("code", e.code().name());
        body.put("instance", instance);
        if (!e.violations().isEmpty()) {
            body.put("violations", e.violations());
        }
        e.members().forEach(body::putIfAbsent);
        return CanonicalJson.toJson(body);
    }
}
