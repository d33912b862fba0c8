package org.creditbank.credentials;

/**
 * The two status lists every CreditBank credential points into (Bitstring Status List v1.0),
 * mirroring the ledger: an outcome can be suspended (and reinstated) or revoked for good.
 */
public enum StatusPurpose {
    REVOCATION("revocation"),
    SUSPENSION("suspension");

    private final String value;

    StatusPurpose(String value) {
        this.value = value;
    }

    /** The {@code statusPurpose} value in JSON, also the last path segment of the list's URL. */
    public String value() {
        return value;
    }

    static StatusPurpose fromValue(String value) {
        for (StatusPurpose purpose : values()) {
            if (purpose.value.equals(value)) {
                return purpose;
            }
        }
        return null;
    }
}
