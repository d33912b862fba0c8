package org.creditbank.chaincode.state;

/**
 * The world-state object types the contract alone uses (see docs/data-model.md); the types of the
 * records that the gateways' read models project are in {@link org.creditbank.model.ObjectTypes}. Keys are
 * Fabric composite keys: object type plus attributes, so that all of one learner's or one
 * institution's entries are found by a prefix scan and there is no shared counter or other hot key.
 * Package-private: each type's attributes are put together by the one store of this package that
 * owns it ({@link OutcomeStore} owns outcome, issuance and learner~outcome, and so on).
 */
final class Keys {

    static final String INSTITUTION = "institution";
    /** Attributes: MSP id, the Ed25519 key's publicKeyMultibase; one institution's keys are one range. */
    static final String SIGNING_KEY = "signingkey";
    static final String ACCOUNT = "account";
    static final String RULE = "rule";
    static final String QUALIFICATION = "qualification";
    /** Attributes: issuer MSP, transaction id; value: the ids that transaction issued, in order (status lists). */
    static final String ISSUANCE = "issuance";
    /** Index: learner → outcome id. */
    static final String LEARNER_OUTCOME = "learner~outcome";
    /** Index: learner → recognition id. */
    static final String LEARNER_RECOGNITION = "learner~recognition";
    /** Guard: (recognising institution, source outcome) → the recognition that counted it. */
    static final String RECOGNISED_SOURCE = "recognised~source";

    /** Private, in an institution's PII collection: its student number → the account number. */
    static final String STUDENT_NUMBER = "studentno";
    /** Index: learner → application id. */
    static final String LEARNER_APPLICATION = "learner~application";

    /** Attributes: zero-padded version; the AUTHORITY's points policy versions, in order. */
    static final String POINTS_POLICY = "pointspolicy";
    /** Attributes: school MSP, the school's local number. */
    static final String CONFIRMATION = "confirmation";
    /** Guard: the confirmed fact's identity (enterprise, type, graduate or course and start) → the confirmation. */
    static final String CONFIRMED_FACT = "confirmed~fact";
    /** Attributes: enterprise MSP, the counted record's id: one entry per fact, one range per enterprise. */
    static final String POINTS_ENTRY = "points~entry";
    /** Attributes: enterprise MSP, the enterprise's local number. */
    static final String REDEMPTION = "redemption";
    /** Attributes: enterprise MSP; the points it has spent (approvals read and write it, nothing else does). */
    static final String POINTS_SPENT = "points~spent";


    private Keys() {
    }

    /** Rule versions sort numerically in range scans: version 2 before version 10. */
    static String version(int version) {
        return String.format("%05d", version);
    }
}
