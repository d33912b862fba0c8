package org.creditbank.model.teacher;

/** What a grading criterion adds up over the outcomes it counts: their {@code hours}, or how many there are. */
public enum Measure {
    HOURS,
    COUNT
}
