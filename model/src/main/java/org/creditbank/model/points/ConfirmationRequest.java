package org.creditbank.model.points;

import java.time.LocalDate;
import java.util.List;
import org.creditbank.model.RecordId;
import org.creditbank.model.Violation;
import org.creditbank.model.Violations;
import org.creditbank.model.learner.AccountNumber;

/**
 * What a school confirms about an enterprise (校方确认): an engineer of {@code enterprise}
 * co-taught a course of the school ({@code CO_TEACHING}: course, period, hours), or the enterprise
 * hired a graduate on a contract of at least {@value #MIN_CONTRACT_YEARS} years ({@code
 * GRADUATE_HIRED}: the graduate's pseudonymous account, the contract's start and length). No
 * names: the engineer is identified by the course, the graduate by the account number.
 * {@code localId} is the school's own number for it and makes the id.
 */
public record ConfirmationRequest(
        String localId,
        PointsFactType type,
        String enterprise,
        String courseCode,
        String courseTitle,
        String activityStart,
        String activityEnd,
        Integer hours,
        String learner,
        String contractStart,
        Integer contractYears,
        String note) {

    /** The shortest contract that earns GRADUATE_HIRED points, as the issue states it. */
    public static final int MIN_CONTRACT_YEARS = 5;

    public List<Violation> validate() {
        Violations v = new Violations();
        v.code(localId, "localId");
        if (v.required(enterprise, "enterprise")) {
            RecordId.institutionViolation("enterprise", enterprise).ifPresent(x -> v.check(false, x.field(), x.message()));
        }
        v.paragraph(note, "note", 1000, false);
        if (!v.required(type, "type")) {
            return v.list();
        }
        if (type == PointsFactType.CO_TEACHING) {
            v.code(courseCode, "courseCode");
            v.text(courseTitle, "courseTitle", 200, true);
            LocalDate start = v.date(activityStart, "activityStart", true);
            LocalDate end = v.date(activityEnd, "activityEnd", true);
            if (start != null && end != null) {
                v.check(!end.isBefore(start), "activityEnd", "activityEnd must not be before activityStart");
            }
            v.check(hours != null && hours >= 1 && hours <= 2000, "hours", "hours must be from 1 to 2000");
            v.check(learner == null && contractStart == null && contractYears == null, "type",
                    "a CO_TEACHING confirmation names no learner or contract");
        } else if (type == PointsFactType.GRADUATE_HIRED) {
            if (v.required(learner, "learner")) {
                v.check(AccountNumber.isValid(learner), "learner", "learner is not a valid credit-bank account number");
            }
            v.date(contractStart, "contractStart", true);
            v.check(contractYears != null && contractYears >= MIN_CONTRACT_YEARS && contractYears <= 50,
                    "contractYears", "contractYears must be from " + MIN_CONTRACT_YEARS + " to 50");
            v.check(courseCode == null && courseTitle == null && activityStart == null && activityEnd == null
                    && hours == null, "type", "a GRADUATE_HIRED confirmation names no course");
        } else {
            v.check(false, "type", "a school confirms only CO_TEACHING or GRADUATE_HIRED");
        }
        return v.list();
    }

    /**
     * What makes the confirmed fact the same fact whatever the school's local number: one hire per
     * enterprise and graduate, one co-teaching per enterprise, course and start date. A second
     * confirmation of the same fact is refused, so it cannot earn points twice.
     */
    public List<String> factIdentity() {
        return type == PointsFactType.GRADUATE_HIRED
                ? List.of(enterprise, type.name(), learner)
                : List.of(enterprise, type.name(), courseCode, activityStart);
    }
}
