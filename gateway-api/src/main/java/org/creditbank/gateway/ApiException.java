package org.creditbank.gateway;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.creditbank.gateway.ledger.LedgerException;
import org.creditbank.model.ErrorCode;
import org.creditbank.model.RefusalBody;
import org.creditbank.model.Violation;

/**
 * A request the gateway answers with an error: a stable {@link ErrorCode} (the chaincode's, or one
 * the gateway raises such as {@code UNAUTHENTICATED}), a message for a person and, for invalid
 * input, the violated rules. Use cases throw it without knowing HTTP: the HTTP layer gives each code
 * its status ({@code http.Problems.statusOf}) and renders it as RFC 9457 problem+json.
 */
public final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final transient List<Violation> violations;
    private final Integer retryAfterSeconds;
    private final transient Map<String, Object> members;

    public ApiException(ErrorCode code, String message, List<Violation> violations, Integer retryAfterSeconds,
                        Throwable cause) {
        this(code, message, violations, retryAfterSeconds, cause, Map.of());
    }

    private ApiException(ErrorCode code, String message, List<Violation> violations, Integer retryAfterSeconds,
                         Throwable cause, Map<String, Object> members) {
        super(message, cause);
        this.code = code;
        this.violations = violations == null ? List.of() : List.copyOf(violations);
        this.retryAfterSeconds = retryAfterSeconds;
        this.members = Map.copyOf(members);
    }

    /**
     * This error with one more member in its problem+json body (an RFC 9457 extension), for what
     * a client needs beyond the violations, such as what an interrupted import did commit.
     */
    public ApiException with(String name, Object value) {
        Map<String, Object> more = new TreeMap<>(members);
        more.put(name, value);
        return new ApiException(code, getMessage(), violations, retryAfterSeconds, getCause(), more);
    }

    public ApiException(ErrorCode code, String message) {
        this(code, message, List.of(), null, null);
    }

    /**
     * One violated shared rule, refused before any ledger call with the status and code the
     * chaincode's refusal of it would get.
     */
    public static ApiException of(Violation violation) {
        return new ApiException(violation.code(), violation.message(), List.of(violation), null, null);
    }

    /** Input that failed the shared validation rules, refused before any ledger call. */
    public static ApiException invalid(List<Violation> violations) {
        String first = violations.get(0).message();
        return new ApiException(ErrorCode.INVALID_FIELD,
                violations.size() == 1 ? first : first + " (and " + (violations.size() - 1) + " more)",
                violations, null, null);
    }

    /** Throws {@link #invalid} when there is anything to report. */
    public static void throwIfAny(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw invalid(violations);
        }
    }

    /**
     * What a failed ledger call means to a client: a chaincode refusal keeps the chaincode's code,
     * message and violations; network trouble gets a ledger code, with a retry hint where waiting helps.
     */
    public static ApiException fromLedger(LedgerException e) {
        return switch (e.kind()) {
            case REFUSED -> {
                RefusalBody r = e.refusal().orElseThrow();
                yield new ApiException(r.code(), r.message(), r.violations(), null, e);
            }
            case UNAVAILABLE -> new ApiException(ErrorCode.LEDGER_UNAVAILABLE,
                    "the credit-bank network cannot be reached right now", List.of(), 5, e);
            case TIMEOUT -> new ApiException(ErrorCode.LEDGER_TIMEOUT, e.getMessage(), List.of(), 5, e);
            case CONFLICT_RETRIES_EXHAUSTED -> new ApiException(ErrorCode.LEDGER_BUSY,
                    "the records involved are changing too often; try again", List.of(), 2, e);
            case ENDORSEMENT_FAILED -> new ApiException(ErrorCode.LEDGER_ENDORSEMENT_FAILED, e.getMessage(), List.of(),
                    null, e);
            case SUBMIT_FAILED -> new ApiException(ErrorCode.LEDGER_SUBMIT_FAILED, e.getMessage(), List.of(), null, e);
            case INVALIDATED -> new ApiException(ErrorCode.LEDGER_REJECTED, e.getMessage(), List.of(), null, e);
        };
    }

    public static ApiException notFound(String message) {
        return new ApiException(ErrorCode.NOT_FOUND, message);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(ErrorCode.FORBIDDEN, message);
    }

    public ErrorCode code() {
        return code;
    }

    public List<Violation> violations() {
        return violations;
    }

    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** Extension members of the problem+json body, by name. */
    public Map<String, Object> members() {
        return members;
    }
}
