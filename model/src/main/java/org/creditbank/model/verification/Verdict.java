package org.creditbank.model.verification;

/** The answer to "is this record, with this content, genuine and in force?". */
public enum Verdict {
    /** Found, content matches, in force. */
    VALID,
    /** Found and content matches, but the issuer has suspended it. */
    SUSPENDED,
    /** Found and content matches, but revoked for good. */
    REVOKED,
    /** Found and content matches, but past its validUntil date. */
    EXPIRED,
    /** A record with this id exists but the presented content differs from what was issued. */
    HASH_MISMATCH,
    /** No record with this id exists. */
    NOT_FOUND
}
