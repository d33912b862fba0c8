package org.creditbank.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Collects the validation failures of one input so a registrar sees every problem at once, not
 * one per attempt. Validation is pure and shared: the gateway runs it for a fast 400, the
 * chaincode runs it again because only the chaincode is trusted.
 */
public final class Violations {

    /** Local record numbers, codes and similar identifiers: safe in composite keys and URLs. */
    public static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private final List<Violation> found = new ArrayList<>();

    public List<Violation> list() {
        return List.copyOf(found);
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    /** Adds a violation when {@code ok} is false; returns {@code ok}. */
    public boolean check(boolean ok, String field, String message) {
        if (!ok) {
            found.add(new Violation(ErrorCode.INVALID_FIELD, field, message));
        }
        return ok;
    }

    public boolean required(Object value, String field) {
        boolean present = value != null && !(value instanceof String s && s.isBlank());
        return check(present, field, field + " is required");
    }

    public void code(String value, String field) {
        if (required(value, field)) {
            check(CODE.matcher(value).matches(), field,
                    field + " must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
    }

    /** One line of {@link DisplayText}: a title, a name, a category, a reason. */
    public void text(String value, String field, int maxLength, boolean required) {
        displayText(value, field, maxLength, required, false);
    }

    /** {@link DisplayText} that may run over several lines ({@code \n}): a justification, a note. */
    public void paragraph(String value, String field, int maxLength, boolean required) {
        displayText(value, field, maxLength, required, true);
    }

    private void displayText(String value, String field, int maxLength, boolean required, boolean paragraph) {
        if (value == null && !required) {
            return;
        }
        if (required(value, field)) {
            check(value.codePointCount(0, value.length()) <= maxLength, field,
                    field + " must be at most " + maxLength + " characters");
            check(value.equals(value.strip()), field, field + " must not start or end with spaces");
            DisplayText.problem(value, paragraph).ifPresent(problem -> check(false, field, field + " " + problem));
        }
    }

    /** A record id of any kind ({@link RecordId}). */
    public void recordId(String value, String field) {
        if (required(value, field)) {
            check(RecordId.parse(value).isPresent(), field,
                    field + " must be a record id such as CollegeMSP:2026-CNC-0001 or UniversityMSP:rec:R-7");
        }
    }

    public void sha256(String value, String field, boolean required) {
        if (value == null && !required) {
            return;
        }
        if (required(value, field)) {
            check(SHA256_HEX.matcher(value).matches(), field, field + " must be 64 lower-case hex digits (SHA-256)");
        }
    }

    /** A decimal with at most {@code scale} fraction digits, in {@code (min, max]} or {@code [min, max]}. */
    public void decimal(BigDecimal value, String field, BigDecimal min, boolean minInclusive, BigDecimal max, int scale) {
        if (!required(value, field)) {
            return;
        }
        boolean aboveMin = minInclusive ? value.compareTo(min) >= 0 : value.compareTo(min) > 0;
        check(aboveMin && value.compareTo(max) <= 0, field,
                field + " must be " + (minInclusive ? "at least " : "more than ") + min.toPlainString()
                        + " and at most " + max.toPlainString());
        check(Math.max(0, value.stripTrailingZeros().scale()) <= scale, field,
                field + " may have at most " + scale + " decimal places");
    }

    /** An ISO date {@code YYYY-MM-DD}; returns it parsed, or null. */
    public LocalDate date(String value, String field, boolean required) {
        if (value == null && !required) {
            return null;
        }
        if (!required(value, field)) {
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(value);
            check(d.getYear() >= 1900 && d.getYear() <= 2200, field, field + " must be between 1900 and 2200");
            return d;
        } catch (DateTimeParseException e) {
            check(false, field, field + " must be a date written YYYY-MM-DD");
            return null;
        }
    }
}
