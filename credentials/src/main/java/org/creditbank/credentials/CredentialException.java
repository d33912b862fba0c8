package org.creditbank.credentials;

/**
 * Why a credential could not be issued, read or processed. Verification failures are not
 * exceptions (they are reported per check in a {@link VerificationReport}); this is for input a
 * caller must fix or an environment that is broken, so the code tells which.
 */
public final class CredentialException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Stable, machine-readable reason. */
    public enum Code {
        /** The document is not JSON of the expected shape. */
        MALFORMED,
        /** A JSON-LD context is not one of the bundled ones; it is never fetched. */
        UNKNOWN_CONTEXT,
        /** JSON-LD expansion or RDF canonicalisation failed (e.g. an undefined term). */
        CANONICALIZATION,
        /** A key or certificate is unusable for ecdsa-rdfc-2019 (not P-256, bad encoding). */
        KEY,
        /** The ledger record cannot be turned into a credential (e.g. missing fields). */
        UNSUPPORTED_RECORD
    }

    private final Code code;

    public CredentialException(Code code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public Code code() {
        return code;
    }
}
