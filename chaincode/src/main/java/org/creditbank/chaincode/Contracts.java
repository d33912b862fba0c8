package org.creditbank.chaincode;

import org.creditbank.model.ErrorCode;
import org.creditbank.model.json.CanonicalJson;

/** What every contract does with its string arguments: parse strictly, refuse clearly. */
public final class Contracts {

    private Contracts() {
    }

    /** Parses a JSON argument, refusing malformed input with {@link ErrorCode#MALFORMED_INPUT}. */
    public static <T> T parse(String json, Class<T> type) {
        try {
            return CanonicalJson.read(json, type);
        } catch (CanonicalJson.MalformedJsonException e) {
            throw e.field() == null ? Refusal.of(ErrorCode.MALFORMED_INPUT, e.getMessage(), e) : Refusal.of(e.violations().get(0));
        }
    }

    /** The canonical JSON a transaction returns. */
    public static String json(Object value) {
        return CanonicalJson.toJson(value);
    }
}
