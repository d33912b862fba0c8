package org.creditbank.model.outcome;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * When an outcome with a {@code validUntil} date is in force: the one definition the chaincode's
 * verification and issuance rules and the credentials share, so that the ledger and a credential
 * never disagree about the boundary day.
 *
 * <p>{@code validUntil} is the <em>last</em> day the record is valid, inclusive: a certificate
 * "valid until 2026-12-31" is in force all of that day and expired from 2027-01-01 on. Days are
 * UTC calendar days, the days of the transaction timestamps. A record without {@code validUntil}
 * never expires.
 */
public final class Validity {

    private Validity() {
    }

    /** Whether a record whose last valid day is {@code validUntil} (null: none) is in force on {@code day}. */
    public static boolean inForceOn(String validUntil, LocalDate day) {
        return validUntil == null || !day.isAfter(LocalDate.parse(validUntil));
    }

    /**
     * The first instant a record whose last valid day is {@code validUntil} is no longer in force:
     * 00:00 UTC of the following day, or null when it has no end. This is the date-time a credential
     * carries as its own {@code validUntil}, which verifiers read as exclusive.
     */
    public static Instant endsAt(String validUntil) {
        return validUntil == null ? null : LocalDate.parse(validUntil).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** Whether something that stops being in force at {@code endsAt} (null: never) is in force at {@code at}. */
    public static boolean inForceAt(Instant endsAt, Instant at) {
        return endsAt == null || at.isBefore(endsAt);
    }
}
