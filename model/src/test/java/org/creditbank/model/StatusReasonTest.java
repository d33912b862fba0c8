package org.creditbank.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatusReasonTest {

    @Test
    void aReasonIsRequiredAndAtMostFiveHundredCharacters() {
        assertThat(StatusReason.validate("成绩录入错误")).isEmpty();
        assertThat(StatusReason.validate("因".repeat(StatusReason.MAX_LENGTH))).isEmpty();
        assertThat(StatusReason.validate("因".repeat(StatusReason.MAX_LENGTH + 1))).extracting(Violation::field)
                .containsExactly("reason");
        assertThat(StatusReason.validate(null)).extracting(Violation::field).containsExactly("reason");
        assertThat(StatusReason.validate(" ")).extracting(Violation::field).containsExactly("reason");
    }
}
