package org.creditbank.model;

/**
 * Every stable, machine-readable reason a client can be refused, whichever layer refuses: the
 * chaincode raises the first group (and the gateway too, when its early check of a shared rule
 * catches the same mistake); the gateway alone raises the second (authentication, HTTP limits,
 * credentials, the network). The gateway maps each one to its HTTP status in an exhaustive switch
 * ({@code Problems.statusOf}), so a new code does not compile until it has one. Clients switch on
 * them. Never rename one: add a new one instead.
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
    /**
     * A source outcome is not ACTIVE, so it cannot be recognised; or the fact cited for
     * education-responsibility points is not in force (outcome not ACTIVE, recognition not in force,
     * confirmation withdrawn).
     */
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
    /** The fact is already counted for education-responsibility points (each fact counts once). */
    ALREADY_COUNTED,
    /** The cited record is not a fact of the claimed type for this enterprise (see docs/industry-education.md). */
    NOT_A_POINTS_FACT,
    /** The cited points policy is retired, does not cover the fact's date, or gives no points for its type. */
    POLICY_NOT_IN_FORCE,
    /** A redemption asks for more points than the enterprise's balance. */
    INSUFFICIENT_POINTS,
    /** Personal data was expected in the transient map and is missing or malformed. */
    PERSONAL_DATA_REQUIRED,
    /** A batch has more items than one transaction may hold ({@code OutcomeBatch.MAX_ITEMS}). */
    BATCH_TOO_LARGE,

    // Raised by the gateway only.

    /** No bearer token, or one that is unknown, revoked or another gateway's. */
    UNAUTHENTICATED,
    /** The token's role may not use this route. */
    FORBIDDEN,
    /** No route has this method and path. */
    NO_SUCH_ROUTE,
    /** A route has this path, but not this method; the {@code Allow} header lists the methods it has. */
    METHOD_NOT_ALLOWED,
    /** The request body is larger than the gateway accepts. */
    PAYLOAD_TOO_LARGE,
    /** The JSON body nests arrays and objects deeper than the gateway accepts on a public route. */
    NESTED_TOO_DEEPLY,
    /** The client sent more requests than its limit allows; try again after the Retry-After seconds. */
    RATE_LIMITED,
    /** The request line (the path and query) is longer than the HTTP server accepts. */
    URI_TOO_LONG,
    /** The request's headers are larger than the HTTP server accepts. */
    HEADERS_TOO_LARGE,
    /** The HTTP server refused the request before any route saw it, for a reason none of the codes above names. */
    REQUEST_NOT_ACCEPTED,
    /** A CSV import has invalid rows; nothing was imported (the details list them by row). */
    IMPORT_HAS_INVALID_ROWS,
    /**
     * A CSV import stopped part-way (a conflicting write since its check, or the network failing):
     * the report says which rows are on the ledger and which are not; importing the same file
     * again completes it without duplicates.
     */
    IMPORT_INCOMPLETE,
    /**
     * An uploaded spreadsheet cannot be read as one: not an .xlsx or CSV, an old .xls, a
     * password-protected or damaged workbook, or cells that hold formulas (their values are pasted
     * instead); the message says which and how to save the file.
     */
    SPREADSHEET_UNREADABLE,
    /**
     * An uploaded spreadsheet holds more than one import accepts (rows, columns, a cell's length,
     * or what an .xlsx unpacks to, which also refuses zip bombs); the message names the limit.
     */
    SPREADSHEET_TOO_LARGE,
    /** The record cannot be made into a credential (e.g. it is not ACTIVE). */
    CREDENTIAL_NOT_ISSUABLE,
    /** The document makes a verification link too long for a QR code. */
    TOO_LARGE_FOR_QR,
    /**
     * A wallet's credential offer, pre-authorised code or access token is unknown, already used or
     * expired (one-time codes expire); the learner starts a new offer.
     */
    OFFER_NOT_VALID,
    /**
     * A wallet's proof that it holds its key (an OpenID4VCI key proof or a DID Authentication
     * presentation) is missing, malformed, for another issuer or exchange, replayed or not signed
     * by that key.
     */
    HOLDER_PROOF_INVALID,
    /**
     * A learner's activation code is unknown, already used or expired (codes are one-time and
     * expire); the learner asks their institution for a new one.
     */
    ACTIVATION_NOT_VALID,
    /**
     * A learner's share link is unknown, withdrawn by the learner or past its expiry: whoever holds
     * the link is told the records are no longer disclosed, and nothing about them.
     */
    SHARE_NOT_AVAILABLE,
    /** This gateway has no issuer key, so it cannot sign credentials. */
    CREDENTIALS_NOT_CONFIGURED,
    /** This gateway keeps no read model ({@code readmodel.url=off}), so it cannot list, search or compute analytics. */
    READ_MODEL_NOT_CONFIGURED,
    /** The peers did not run or endorse the call, without a refusal of the chaincode's; nothing was written. */
    LEDGER_ENDORSEMENT_FAILED,
    /** The orderer did not accept the endorsed transaction; nothing was written. */
    LEDGER_SUBMIT_FAILED,
    /** The transaction was ordered but invalidated (other than by a read conflict); nothing was written. */
    LEDGER_REJECTED,
    /** No peer can be reached; try again later. */
    LEDGER_UNAVAILABLE,
    /** The records involved kept changing under the transaction (read conflicts after every retry). */
    LEDGER_BUSY,
    /** A deadline passed and whether the transaction committed is unknown; ask before resubmitting. */
    LEDGER_TIMEOUT,
    /** A failure of the gateway itself; logged. Never caused by what the client sent. */
    INTERNAL
}
