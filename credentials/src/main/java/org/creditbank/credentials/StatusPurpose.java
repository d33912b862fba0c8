package org.creditbank.credentials;

/**
 * The two status lists an issuer publishes per issuing transaction (Bitstring Status List v1.0),
 * mirroring the ledger: an outcome can be suspended (and reinstated) or revoked for good. An
 * achievement credential names only its revocation list (Open Badges 3.0 allows one status entry);
 * credentials issued before name both, so both lists are still published.
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
