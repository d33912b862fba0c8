package org.creditbank.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.creditbank.model.institution.InstitutionProfile;
import org.creditbank.model.institution.InstitutionType;
import org.creditbank.model.recognition.RecognitionRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Display text is what a registrar types and every verifier later reads, signed into credentials:
 * ordinary Chinese, emoji and punctuation pass; what hides, reorders or executes text does not.
 */
class DisplayTextTest {

    private static List<String> fieldsRefused(String name) {
        return new InstitutionProfile(name, InstitutionType.SCHOOL, null).validate().stream().map(Violation::field).distinct().toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"广州五金职业技术学院", "数控车床编程 (CNC) 第1部分", "Café Zürich", "🎓 优秀毕业生 👩‍🔧",
            "-5 °C 冷库操作", "+1 技能加分", "@家 学习", "C++ 程序设计", "a = b", "עברית", "العربية"})
    void ordinaryTextPasses(String text) {
        assertThat(fieldsRefused(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "数控\u0007编程",            // a control character (BEL)
            "数控\t编程",                // a tab (also a spreadsheet formula trigger at the start)
            "\r=1+1",                   // CR in front of a formula
            "数控\n编程",                // a line break in a one-line field
            "数控\u2028编程",            // Unicode line separator
            "invoice\u202Efdp.exe",     // right-to-left override
            "\u202A数控\u202C",          // left-to-right embedding and pop
            "\u2066数控\u2069",          // left-to-right isolate and pop
            "\u200B",                   // only a zero-width space
            "\u200B\u200C\u200D\uFEFF", // only invisible characters
            "=HYPERLINK(\"http://evil\",\"点击\")", // a spreadsheet formula
            "数控\uFFFD编程",            // text decoded with the wrong encoding
            "数控\uD800编程",            // an unpaired surrogate
            "数控\uDC00"})
    void hiddenReorderingOrExecutableTextIsRefused(String text) {
        assertThat(fieldsRefused(text)).containsExactly("name");
    }

    @Test
    void theMessageSaysWhatIsWrongAndWhere() {
        assertThat(DisplayText.problem("invoice\u202Efdp.exe", false)).hasValueSatisfying(m ->
                assertThat(m).contains("U+202E"));
        assertThat(DisplayText.problem("=1+1", false)).hasValueSatisfying(m -> assertThat(m).contains("formula"));
        assertThat(DisplayText.problem("\u200B", false)).hasValueSatisfying(m -> assertThat(m).contains("visible"));
    }

    @Test
    void lineBreaksAreAllowedOnlyInParagraphs() {
        String twoLines = "第一段理由。\n第二段理由。";
        assertThat(new InstitutionProfile("学院", InstitutionType.SCHOOL, twoLines).validate()).isEmpty();
        RecognitionRequest manual = new RecognitionRequest("REC-1", "CB7K2M9QH4TZ1XW8R0", List.of("CollegeMSP:X-1"),
                RecognitionRequest.Method.MANUAL, null, null, null, null, twoLines);
        assertThat(manual.validate()).extracting(Violation::field).doesNotContain("justification");
        assertThat(new InstitutionProfile("学院", InstitutionType.SCHOOL, "理由\r\n理由").validate())
                .extracting(Violation::field).containsExactly("accreditationNote");
        assertThat(StatusReason.validate("成绩\n录入错误")).extracting(Violation::field).containsExactly("reason");
    }
}
