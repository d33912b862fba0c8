package org.creditbank.model;

/**
 * Stable, machine-readable reasons for refusing a request. The chaincode raises them; the gateway
 * maps them to HTTP statuses; clients switch on them. Never rename one: add a new one instead.
 */
public enum ErrorCode {
    /** The input is not well-formed JSON of the expected shape. */
    MALFORMED_INPUT,
    /** One or more fields break a validation rule; the details name the fields. */
    INVALID_FIELD,
    /** The caller's certificate has no role that allows this action. */
    ROLE_NOT_ALLOWED,
    /** The caller's organisation may not act on this record (it belongs to another one). */
    ORG_NOT_ALLOWED,
    /** The caller's organisation has not registered its institution profile yet. */
    INSTITUTION_NOT_REGISTERED,
    /** The caller's institution type may not do this (e.g. an enterprise issuing a COURSE). */
    INSTITUTION_TYPE_NOT_ALLOWED,
    /** The referenced learner account does not exist. */
    ACCOUNT_NOT_FOUND,
    /** The learner account already exists (opening it again with the same number). */
    ACCOUNT_EXISTS,
    /** A record with this id or version exists with different content. */
    CONFLICT,
    /** The referenced record does not exist. */
    NOT_FOUND,
    /** The record's status does not allow this change (e.g. reinstating a revoked outcome). */
    INVALID_STATUS_TRANSITION,
    /** A source outcome is not ACTIVE, so it cannot be recognised. */
    SOURCE_NOT_ACTIVE,
    /** A source outcome belongs to another learner than the recognition. */
    LEARNER_MISMATCH,
    /** A source outcome is already counted by a recognition of this institution. */
    ALREADY_RECOGNISED,
    /** A source outcome does not satisfy the recognition rule. */
    RULE_NOT_SATISFIED,
    /** The rule is retired and cannot be applied any more. */
    RULE_RETIRED,
    /** A batch was rejected as a whole; the details list each failing item. */
    BATCH_REJECTED,
    /** Personal data was expected in the transient map and is missing or malformed. */
    PERSONAL_DATA_REQUIRED,
    /** A batch has more items than one transaction may hold ({@code OutcomeBatch.MAX_ITEMS}). */
    BATCH_TOO_LARGE
}
