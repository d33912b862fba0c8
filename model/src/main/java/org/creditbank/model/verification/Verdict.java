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
    /**
     * No record with this id has this content hash: the id is unknown, or the content differs from
     * what was recorded. Which of the two is not said, and neither is a status or a reason, because
     * verification is public and only someone who holds a record's content may learn anything about
     * it. Record ids are institutions' own numbers and easy to guess; the content hash is not.
     */
    NO_MATCH
}
