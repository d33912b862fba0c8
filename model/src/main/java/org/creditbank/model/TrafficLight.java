package org.creditbank.model;

/**
 * A red / yellow / green signal (红黄绿), as the education department uses it for early warnings:
 * a major whose supply strays from demand (专业调整预警), a teacher's digital competence
 * (教师数字能力分级预警). GREEN needs nothing, YELLOW needs watching, RED needs action now. The
 * order of the constants is their severity.
 */
public enum TrafficLight {
    GREEN,
    YELLOW,
    RED;

    /** The more severe of the two. */
    public TrafficLight worse(TrafficLight other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
