package org.creditbank.model;

import java.util.List;

/**
 * The reason a registrar gives for a change of status (suspending, reinstating or revoking an
 * outcome, retiring a recognition rule). It is stored on the record and shown to every verifier,
 * so it is required, and bounded so that it cannot bloat the record. Checked by the gateway before
 * the ledger call and by the chaincode again.
 */
public final class StatusReason {

    public static final int MAX_LENGTH = 500;

    private StatusReason() {
    }

    /** Every rule {@code reason} breaks (empty when it is a valid reason). */
    public static List<Violation> validate(String reason) {
        Violations v = new Violations();
        v.text(reason, "reason", MAX_LENGTH, true);
        return v.list();
    }
}
