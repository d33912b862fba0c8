package org.creditbank.model.teacher;

/** A teacher's appointment at a school is ACTIVE until the school ends it, for good. */
public enum AppointmentStatus {
    ACTIVE,
    ENDED
}
