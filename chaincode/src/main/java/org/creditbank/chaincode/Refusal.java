package org.creditbank.chaincode;

import java.util.List;
import org.creditbank.model.ErrorCode;
import org.creditbank.model.RefusalBody;
import org.creditbank.model.Violation;
import org.hyperledger.fabric.shim.ChaincodeException;

/**
 * Why the chaincode refused a transaction. The message is a {@link RefusalBody} in canonical JSON,
 * {@code {"code":"…","message":"…","violations":[…]}}, so that any client, whatever SDK it uses,
 * gets a machine-readable code and a sentence a person understands; the payload carries the same
 * bytes. Throwing it fails endorsement, so nothing of the transaction is ever written.
 */
public final class Refusal extends ChaincodeException {

    private static final long serialVersionUID = 1L;

    private final transient ErrorCode code;
    private final transient List<Violation> violations;

    private Refusal(ErrorCode code, String message, List<Violation> violations, Throwable cause) {
        super(body(code, message, violations), body(code, message, violations), cause);
        this.code = code;
        this.violations = List.copyOf(violations);
    }

    public static Refusal of(ErrorCode code, String message) {
        return new Refusal(code, message, List.of(), null);
    }

    public static Refusal of(ErrorCode code, String message, Throwable cause) {
        return new Refusal(code, message, List.of(), cause);
    }

    /** Refuses with one violated rule: its code, its message, and the rule itself as the only violation. */
    public static Refusal of(Violation violation) {
        return new Refusal(violation.code(), violation.message(), List.of(violation), null);
    }

    /** Refuses invalid input, listing every violated rule. */
    public static Refusal invalid(List<Violation> violations) {
        String first = violations.get(0).message();
        String message = violations.size() == 1 ? first : first + " (and " + (violations.size() - 1) + " more)";
        return new Refusal(ErrorCode.INVALID_FIELD, message, violations, null);
    }

    /** Refuses a whole batch, each violation carrying the index of its item. */
    public static Refusal batch(int rejectedItems, int total, List<Violation> violations) {
        return new Refusal(ErrorCode.BATCH_REJECTED,
                rejectedItems + " of " + total + " items are invalid; nothing was issued", violations, null);
    }

    /** Throws {@link #invalid} if there is anything to report. */
    public static void throwIfAny(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw invalid(violations);
        }
    }

    public ErrorCode code() {
        return code;
    }

    public List<Violation> violations() {
        return violations;
    }

    private static String body(ErrorCode code, String message, List<Violation> violations) {
        return new RefusalBody(code, message, violations).toJson();
    }
}
