package org.creditbank.model;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.creditbank.model.json.CanonicalJson;

/**
 * The body of every chaincode refusal: a stable code, a sentence for a person and, for invalid
 * input, each violated rule. The chaincode writes it as the error message; clients find it again in
 * whatever text their SDK wraps around that message (e.g. {@code "chaincode response 500, {…}"}).
 */
public record RefusalBody(ErrorCode code, String message, List<Violation> violations) {

    private static final Pattern EMBEDDED = Pattern.compile("\\{\"code\":\"[A-Z_]+\".*\\}", Pattern.DOTALL);

    public RefusalBody {
        violations = violations == null || violations.isEmpty() ? null : List.copyOf(violations);
    }

    public String toJson() {
        return CanonicalJson.toJson(this);
    }

    /** The refusal embedded in an error text, if there is one. */
    public static Optional<RefusalBody> find(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = EMBEDDED.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(CanonicalJson.read(m.group(), RefusalBody.class));
        } catch (CanonicalJson.MalformedJsonException e) {
            return Optional.empty();
        }
    }
}
