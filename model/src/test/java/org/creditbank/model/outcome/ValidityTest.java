package org.creditbank.model.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ValidityTest {

    private static final String LAST_DAY = "2026-12-31";

    @Test
    void aRecordIsInForceOnTheDayBeforeAndOnItsValidUntilDayAndExpiredTheDayAfter() {
        assertThat(Validity.inForceOn(LAST_DAY, LocalDate.parse("2026-12-30"))).isTrue();
        assertThat(Validity.inForceOn(LAST_DAY, LocalDate.parse("2026-12-31"))).isTrue();
        assertThat(Validity.inForceOn(LAST_DAY, LocalDate.parse("2027-01-01"))).isFalse();
    }

    @Test
    void aRecordWithoutValidUntilIsAlwaysInForce() {
        assertThat(Validity.inForceOn(null, LocalDate.parse("9999-12-31"))).isTrue();
        assertThat(Validity.endsAt(null)).isNull();
    }

    @Test
    void itEndsAtMidnightUtcAfterItsLastDay() {
        assertThat(Validity.endsAt(LAST_DAY)).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
    }

    @Test
    void everyInstantOfADayAgreesWithThatDay() {
        for (String at : new String[] {"2026-12-30T12:00:00Z", "2026-12-31T00:00:00Z", "2026-12-31T23:59:59.999Z",
                "2027-01-01T00:00:00Z", "2027-01-01T23:59:59Z"}) {
            Instant instant = Instant.parse(at);
            assertThat(Validity.inForceAt(Validity.endsAt(LAST_DAY), instant)).as(at)
                    .isEqualTo(Validity.inForceOn(LAST_DAY, LocalDate.parse(at.substring(0, 10))));
        }
        assertThat(Validity.inForceAt(null, Instant.parse("9999-12-31T23:59:59Z"))).isTrue();
    }
}
