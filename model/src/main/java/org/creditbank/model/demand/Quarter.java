package org.creditbank.model.demand;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A calendar quarter, written {@code 2027-Q1}: the one period of talent demand and supply. One
 * granularity only, so that periods are consecutive whole numbers ({@link #index()}) and a trend
 * over the last N periods compares like with like; a year's plan is published as its quarters.
 */
public record Quarter(int year, int quarter) implements Comparable<Quarter> {

    private static final Pattern TEXT = Pattern.compile("(\\d{4})-Q([1-4])");

    public Quarter {
        if (year < 1900 || year > 2200 || quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("not a quarter: " + year + "-Q" + quarter);
        }
    }

    /** The quarter {@code text} names, or empty when it is none (or outside 1900–2200). */
    public static Optional<Quarter> parse(String text) {
        Matcher m = text == null ? null : TEXT.matcher(text);
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(m.group(1));
        return year < 1900 || year > 2200 ? Optional.empty() : Optional.of(new Quarter(year, Integer.parseInt(m.group(2))));
    }

    /** The quarter a day falls in. */
    public static Quarter of(LocalDate day) {
        return new Quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
    }

    /**
     * The quarter of an ISO date {@code YYYY-MM-DD} (as records hold them, validated when written),
     * read from its digits: {@link LocalDate#parse} would cost more than the rest of a tally.
     */
    public static Quarter ofIsoDate(String date) {
        if (date == null || date.length() != 10 || date.charAt(4) != '-' || date.charAt(7) != '-') {
            throw new IllegalArgumentException("not a date written YYYY-MM-DD: " + date);
        }
        int month = Integer.parseInt(date, 5, 7, 10);
        if (month < 1 || month > 12) {
            throw new IllegalArgumentException("not a date written YYYY-MM-DD: " + date);
        }
        return new Quarter(Integer.parseInt(date, 0, 4, 10), (month - 1) / 3 + 1);
    }

    /** Consecutive quarters have consecutive indexes: {@code 2027-Q1} is one after {@code 2026-Q4}. */
    public int index() {
        return year * 4 + quarter - 1;
    }

    public static Quarter ofIndex(int index) {
        return new Quarter(Math.floorDiv(index, 4), Math.floorMod(index, 4) + 1);
    }

    /** The quarter {@code n} quarters later (earlier when negative). */
    public Quarter plus(int n) {
        return ofIndex(index() + n);
    }

    @Override
    public int compareTo(Quarter other) {
        return Integer.compare(index(), other.index());
    }

    @Override
    public String toString() {
        return year + "-Q" + quarter;
    }
}
