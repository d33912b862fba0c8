package org.creditbank.model.outcome;

import java.math.BigDecimal;
import java.util.List;
import org.creditbank.model.Violations;

/**
 * How well the learner did, on a named scale. Results compare only within one scale, which is what
 * a recognition rule's "minimum result" needs: {@code 85 PERCENTAGE} meets a minimum of
 * {@code 60 PERCENTAGE}; it says nothing about a minimum letter grade.
 */
public record Result(Scale scale, String value) {

    /** The grading scales the credit bank understands. */
    public enum Scale {
        /** 0-100, up to two decimals. */
        PERCENTAGE,
        /** 0-5 grade points, up to two decimals. */
        GRADE_POINT,
        /** A+ … F. */
        LETTER,
        /** PASS or FAIL. */
        PASS_FAIL
    }

    private static final List<String> LETTERS =
            List.of("F", "E", "D-", "D", "D+", "C-", "C", "C+", "B-", "B", "B+", "A-", "A", "A+");

    /** Adds the violations of this result, reported under {@code field}. */
    public void validate(Violations v, String field) {
        if (!v.required(scale, field + ".scale") || !v.required(value, field + ".value")) {
            return;
        }
        v.check(rank() != null, field + ".value", switch (scale) {
            case PERCENTAGE -> field + ".value must be a number from 0 to 100 with at most two decimals";
            case GRADE_POINT -> field + ".value must be a number from 0 to 5 with at most two decimals";
            case LETTER -> field + ".value must be one of " + String.join(", ", LETTERS);
            case PASS_FAIL -> field + ".value must be PASS or FAIL";
        });
    }

    /** Whether this result is at least {@code minimum}; false across different scales. */
    public boolean meets(Result minimum) {
        if (minimum == null) {
            return true;
        }
        BigDecimal mine = rank();
        BigDecimal theirs = minimum.rank();
        return scale == minimum.scale && mine != null && theirs != null && mine.compareTo(theirs) >= 0;
    }

    /** A comparable number for the value on its scale, or null if the value is not valid for it. */
    private BigDecimal rank() {
        return switch (scale) {
            case PERCENTAGE -> number(new BigDecimal(100));
            case GRADE_POINT -> number(new BigDecimal(5));
            case LETTER -> LETTERS.contains(value) ? BigDecimal.valueOf(LETTERS.indexOf(value)) : null;
            case PASS_FAIL -> switch (value) {
                case "PASS" -> BigDecimal.ONE;
                case "FAIL" -> BigDecimal.ZERO;
                default -> null;
            };
        };
    }

    private BigDecimal number(BigDecimal max) {
        if (!value.matches("\\d{1,3}(\\.\\d{1,2})?")) {
            return null;
        }
        BigDecimal n = new BigDecimal(value);
        return n.compareTo(max) <= 0 ? n : null;
    }
}
