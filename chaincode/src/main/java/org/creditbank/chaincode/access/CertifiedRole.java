package org.creditbank.chaincode.access;

/**
 * What a caller may do, from the {@code creditbank.role} attribute its org's CA certified in its
 * certificate. An org admin (NodeOU {@code admin}) may do everything its registrars may.
 *
 * <p>Not the gateway's role, which comes from an API token and has a learner role instead of an
 * admin one: the two differ by name so that nobody takes one for the other.
 */
public enum CertifiedRole {
    /** Org administrator: registers the institution profile; everything a registrar may do. */
    ADMIN,
    /** Issues, changes status, publishes rules and recognises, for its own institution only. */
    REGISTRAR,
    /** Reads and verifies. */
    VERIFIER,
    /** No CreditBank role: may do nothing. */
    NONE;

    /** The certificate attribute that carries the role. */
    public static final String ATTRIBUTE = "creditbank.role";

    public boolean canWrite() {
        return this == ADMIN || this == REGISTRAR;
    }

    public boolean canRead() {
        return this != NONE;
    }
}
