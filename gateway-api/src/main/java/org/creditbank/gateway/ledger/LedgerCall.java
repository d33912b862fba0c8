package org.creditbank.gateway.ledger;

import java.util.List;
import java.util.Map;

/**
 * One chaincode call: {@code contract:function}, string arguments and, for personal data, a
 * transient map that never reaches the ledger.
 *
 * <pre>{@code LedgerCall.of("outcome:revoke", id, reason)}</pre>
 */
public record LedgerCall(String function, List<String> args, Map<String, byte[]> transientData) {

    public LedgerCall {
        args = List.copyOf(args);
        transientData = Map.copyOf(transientData);
    }

    public static LedgerCall of(String function, String... args) {
        return new LedgerCall(function, List.of(args), Map.of());
    }

    public LedgerCall withTransient(String key, byte[] value) {
        return new LedgerCall(function, args, Map.of(key, value));
    }
}
