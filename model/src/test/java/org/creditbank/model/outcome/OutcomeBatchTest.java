package org.creditbank.model.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import org.creditbank.model.ErrorCode;
import org.creditbank.model.Violation;
import org.junit.jupiter.api.Test;

class OutcomeBatchTest {

    @Test
    void oneToFiveHundredDraftsMayBeIssuedInOneTransaction() {
        assertThat(OutcomeBatch.sizeViolation(1)).isEmpty();
        assertThat(OutcomeBatch.sizeViolation(OutcomeBatch.MAX_ITEMS)).isEmpty();
    }

    @Test
    void aBatchOverTheLimitIsTooLargeAndAnEmptyOneIsInvalid() {
        assertThat(OutcomeBatch.sizeViolation(OutcomeBatch.MAX_ITEMS + 1)).get().extracting(Violation::code)
                .isEqualTo(ErrorCode.BATCH_TOO_LARGE);
        assertThat(OutcomeBatch.sizeViolation(OutcomeBatch.MAX_ITEMS + 1).orElseThrow().message()).contains("501");
        assertThat(OutcomeBatch.sizeViolation(0)).get().extracting(Violation::code).isEqualTo(ErrorCode.INVALID_FIELD);
    }
}
