package org.creditbank.model;

/**
 * The world-state object types that a reader outside the chaincode must recognise: the first part
 * of a Fabric composite key ({@code \u0000outcome\u0000CollegeMSP\u00002026-1\u0000}). The chaincode
 * writes its records under these names and each gateway's read model sorts the block writes it
 * receives by them, so they are defined here once. The chaincode's other object types (indexes,
 * guards, points bookkeeping) are its own business and stay in its {@code Keys}.
 */
public final class ObjectTypes {

    /** Attributes: issuer MSP, the issuer's local record number; one issuer's outcomes are one range. */
    public static final String OUTCOME = "outcome";
    /** Attributes: the recognition id ({@code <recogniser MSP>:rec:<localId>}). */
    public static final String RECOGNITION = "recognition";
    /** Attributes: enterprise MSP, the enterprise's local number; updated in place, its history the versions. */
    public static final String DEMAND = "demand";
    /** Attributes: school MSP, major code, zero-padded version. */
    public static final String MAJOR = "major";
    /** Attributes: zero-padded version; the AUTHORITY's warning thresholds, in order. */
    public static final String WARNING_THRESHOLDS = "warningthresholds";
    /** Attributes: account number; the teacher's one appointment at a school. */
    public static final String TEACHER = "teacher";
    /** Attributes: school MSP, zero-padded version. */
    public static final String GRADING_RULE = "gradingrule";
    /** Attributes: the institution applied to, its local number; a learner's recognition applications. */
    public static final String APPLICATION = "application";

    private ObjectTypes() {
    }
}
