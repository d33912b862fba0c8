package org.creditbank.gateway;

import java.util.List;
import org.creditbank.gateway.http.Problems;
import org.creditbank.model.ErrorCode;
import org.creditbank.model.Violation;

/**
 * A request the gateway answers with an error: HTTP status, a stable machine-readable code (the
 * chaincode's {@code ErrorCode} name, or a gateway code such as {@code UNAUTHENTICATED}), a message
 * for a person and, for invalid input, the violated rules. Rendered as RFC 9457 problem+json.
 */
public final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final transient List<Violation> violations;
    private final Integer retryAfterSeconds;

    public ApiException(int status, String code, String message, List<Violation> violations, Integer retryAfterSeconds,
                        Throwable cause) {
        super(message, cause);
        this.status = status;
        this.code = code;
        this.violations = violations == null ? List.of() : List.copyOf(violations);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public ApiException(int status, String code, String message) {
        this(status, code, message, List.of(), null, null);
    }

    /**
     * One violated shared rule, refused before any ledger call with the status and code the
     * chaincode's refusal of it would get.
     */
    public static ApiException of(Violation violation) {
        return new ApiException(Problems.statusOf(violation.code()), violation.code().name(), violation.message(),
                List.of(violation), null, null);
    }

    /** Input that failed the shared validation rules, refused before any ledger call. */
    public static ApiException invalid(List<Violation> violations) {
        String first = violations.get(0).message();
        return new ApiException(400, ErrorCode.INVALID_FIELD.name(),
                violations.size() == 1 ? first : first + " (and " + (violations.size() - 1) + " more)",
                violations, null, null);
    }

    /** Throws {@link #invalid} when there is anything to report. */
    public static void throwIfAny(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw invalid(violations);
        }
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, ErrorCode.NOT_FOUND.name(), message);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(403, "FORBIDDEN", message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<Violation> violations() {
        return violations;
    }

    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
