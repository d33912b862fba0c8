package org.creditbank.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RecordIdTest {

    @Test
    void anOutcomeIdIsTheIssuerAndItsLocalIdAndParsesBack() {
        RecordId id = RecordId.outcome("CollegeMSP", "2026-CNC-0001");
        assertThat(id.toString()).isEqualTo("CollegeMSP:2026-CNC-0001");
        assertThat(RecordId.parse("CollegeMSP:2026-CNC-0001")).contains(id);
        assertThat(RecordId.isOutcomeId("CollegeMSP:2026-CNC-0001")).isTrue();
    }

    @Test
    void aRecognitionIdHasTheRecMarkBetweenRecogniserAndLocalId() {
        RecordId id = RecordId.recognition("UniversityMSP", "R-7");
        assertThat(id.toString()).isEqualTo("UniversityMSP:rec:R-7");
        assertThat(RecordId.parse("UniversityMSP:rec:R-7")).contains(id);
        assertThat(id.kind()).isEqualTo(RecordId.Kind.RECOGNITION);
        assertThat(RecordId.isOutcomeId("UniversityMSP:rec:R-7")).isFalse();
    }

    @Test
    void confirmationsAndRedemptionsHaveMarksOfTheirOwn() {
        assertThat(RecordId.confirmation("CollegeMSP", "H-1").toString()).isEqualTo("CollegeMSP:conf:H-1");
        assertThat(RecordId.redemption("HardwareCoMSP", "R-1").toString()).isEqualTo("HardwareCoMSP:red:R-1");
        assertThat(RecordId.parse("CollegeMSP:conf:H-1")).contains(RecordId.confirmation("CollegeMSP", "H-1"));
        assertThat(RecordId.isKind("HardwareCoMSP:red:R-1", RecordId.Kind.REDEMPTION)).isTrue();
        assertThat(RecordId.isKind("HardwareCoMSP:red:R-1", RecordId.Kind.CONFIRMATION)).isFalse();
    }

    @Test
    void anOutcomeWhoseLocalIdIsRecIsStillAnOutcome() {
        assertThat(RecordId.parse("CollegeMSP:rec")).contains(RecordId.outcome("CollegeMSP", "rec"));
    }

    @Test
    void textThatIsNoRecordIdDoesNotParse() {
        for (String text : new String[] {"", "CollegeMSP", ":x", "CollegeMSP:", "CollegeMSP:has space",
                "CollegeMSP:a:b", "CollegeMSP:rec:", "UniversityMSP:rec:R-7:x", "College MSP:x", "x".repeat(65) + ":y"}) {
            assertThat(RecordId.parse(text)).as(text).isEmpty();
        }
        assertThat(RecordId.parse(null)).isEmpty();
    }

    @Test
    void partsThatWouldNotParseBackAreRefused() {
        assertThatThrownBy(() -> RecordId.outcome("Odd:MSP", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RecordId.outcome("CollegeMSP", "a:b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFieldThatMustBeARecordIdSaysWhatOneLooksLike() {
        Violations v = new Violations();
        v.recordId("nonsense", "recordId");
        assertThat(v.list()).singleElement().satisfies(violation -> {
            assertThat(violation.field()).isEqualTo("recordId");
            assertThat(violation.message()).contains("CollegeMSP:2026-CNC-0001");
        });
    }

    @Test
    void anInstitutionIsANameOfLettersDigitsDotsUnderscoresAndDashes() {
        assertThat(RecordId.isInstitution("CollegeMSP")).isTrue();
        assertThat(RecordId.isInstitution("org1.example-MSP_2")).isTrue();
        for (String text : new String[] {"", "College\u0000MSP", "College\uDBFF\uDFFFMSP", "学院MSP", "-MSP", "a".repeat(65)}) {
            assertThat(RecordId.isInstitution(text)).as(text).isFalse();
            assertThat(RecordId.institutionViolation("owner", text)).get()
                    .satisfies(v -> assertThat(v.field()).isEqualTo("owner"));
        }
        assertThat(RecordId.parse("College\u0000MSP:X-1")).isEmpty();
    }
}
