package org.creditbank.gateway.ledger;

import java.util.List;
import java.util.Map;

/**
 * One chaincode call: {@code contract:function}, string arguments and a transient map that never
 * reaches the ledger (passed on to Fabric; the personal-data routes fill it). A
 * {@link #repeatable()} write is one whose second run returns what the first made and writes
 * nothing (its ids are deterministic): such a call may be run again when it is unknown whether the
 * first run committed.
 *
 * <pre>{@code LedgerCall.of("outcome:revoke", id, reason)}</pre>
 */
public record LedgerCall(String function, List<String> args, Map<String, byte[]> transientData, boolean repeatable) {

    public LedgerCall {
        args = List.copyOf(args);
        transientData = Map.copyOf(transientData);
    }

    public static LedgerCall of(String function, String... args) {
        return new LedgerCall(function, List.of(args), Map.of(), false);
    }

    /**
     * A call that carries {@code transientData} beside its arguments: data for a private collection,
     * which must not be in the arguments because those stay in the block for good.
     */
    public static LedgerCall withTransient(String function, Map<String, byte[]> transientData, String... args) {
        return new LedgerCall(function, List.of(args), transientData, false);
    }

    /** A write whose repetition finds what the first run made (e.g. an issuance under its deterministic id). */
    public static LedgerCall repeatable(String function, String... args) {
        return new LedgerCall(function, List.of(args), Map.of(), true);
    }
}
