package org.creditbank.model.points;

/**
 * The facts an enterprise earns points for. Each is a record other parties wrote: a school's
 * recognition of the enterprise's training, the enterprise's attestation of a school learner's
 * internship, or a school's confirmation.
 */
public enum PointsFactType {
    /** An ENTERPRISE_TRAINING outcome the enterprise issued, counted in a SCHOOL's recognition. */
    TRAINING_RECOGNISED,
    /** A WORK_EXPERIENCE outcome the enterprise issued to a learner whose account a SCHOOL opened. */
    INTERNSHIP,
    /** An enterprise engineer co-taught a school course: a SCHOOL's confirmation. */
    CO_TEACHING,
    /** A graduate hired on a contract of at least five years: a SCHOOL's confirmation. */
    GRADUATE_HIRED;

    /** Whether the fact is a school's confirmation record (the others are outcomes and recognitions). */
    public boolean confirmedBySchool() {
        return this == CO_TEACHING || this == GRADUATE_HIRED;
    }
}
