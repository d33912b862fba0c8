package org.creditbank.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.creditbank.model.institution.InstitutionProfile;
import org.creditbank.model.json.CanonicalJson;
import org.creditbank.model.outcome.OutcomeContent;
import org.creditbank.model.outcome.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CanonicalJsonTest {

    @Test
    void keysAreSortedAtEveryLevelWithoutWhitespaceAndNullsAreLeftOut() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("z", 1);
        inner.put("a", null);
        inner.put("m", "中文");
        Map<String, Object> outer = new LinkedHashMap<>();
        outer.put("b", inner);
        outer.put("a", new Result(Result.Scale.PERCENTAGE, "86"));
        assertThat(CanonicalJson.toJson(outer)).isEqualTo("{\"a\":{\"scale\":\"PERCENTAGE\",\"value\":\"86\"},\"b\":{\"m\":\"中文\",\"z\":1}}");
    }

    @Test
    void decimalsAreWrittenPlainly() {
        assertThat(CanonicalJson.toJson(Map.of("c", new BigDecimal("1E+1")))).isEqualTo("{\"c\":10}");
        assertThat(CanonicalJson.toJson(Map.of("c", Credits.normal(new BigDecimal("2.50"))))).isEqualTo("{\"c\":2.5}");
    }

    @Test
    void theHashIsSha256OfTheCanonicalBytes() {
        // sha256("{}") is a well-known value.
        assertThat(CanonicalJson.sha256Hex(Map.of()))
                .isEqualTo("44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a");
    }

    @Test
    void readingIsStrictAndSaysWhatIsWrong() {
        assertThatThrownBy(() -> CanonicalJson.read("{\"name\":\"x\",\"type\":\"SCHOOL\",\"extra\":1}", InstitutionProfile.class))
                .hasMessage("unknown field /extra");
        assertThatThrownBy(() -> CanonicalJson.read("{\"name\":\"x\",\"type\":\"CASTLE\"}", InstitutionProfile.class))
                .hasMessageContaining("field /type must be one of SCHOOL, ENTERPRISE, AUTHORITY");
        assertThatThrownBy(() -> CanonicalJson.read("{\"name\":\"x\"} trailing", InstitutionProfile.class))
                .isInstanceOf(CanonicalJson.MalformedJsonException.class);
        assertThatThrownBy(() -> CanonicalJson.read(" ", InstitutionProfile.class))
                .hasMessage("a JSON document is required");
    }

    /** Every refusal names the field as a JSON pointer and what was expected, never a Java type or the source text. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "[]                                                 | ''                 | an object",
            "{\"draft\":{\"credits\":\"3\"}}                       | /draft/credits     | a number",
            "{\"draft\":{\"hours\":\"48\"}}                        | /draft/hours       | a whole number",
            "{\"draft\":{\"hours\":4.5}}                           | /draft/hours       | a whole number",
            "{\"draft\":{\"localId\":3}}                           | /draft/localId     | a string",
            "{\"draft\":{\"localId\":true}}                        | /draft/localId     | a string",
            "{\"draft\":{\"localId\":[\"a\"]}}                       | /draft/localId     | a string",
            "{\"draft\":{\"result\":\"86\"}}                       | /draft/result      | an object",
            "{\"draft\":{\"kind\":1}}                              | /draft/kind        | one of",
            "{\"draft\":{\"localId\":\"a\",\"localId\":\"b\"}}         | /draft/localId     | more than once",
            "{\"id\":\"a\",\"id\":\"a\"}                               | /id                | more than once",
            "{\"draft\":{\"achievementTitle\":\"\\ud800\"}}           | /draft/achievementTitle | unpaired surrogate",
            "{\"draft\":{                                        | ''                 | ends too early",
            "{\"draft\":{\"credits\":3x}}                          | ''                 | line 1, column"})
    void aRefusalNamesTheFieldAndWhatWasExpected(String json, String field, String expected) {
        Throwable thrown = catchThrowable(() -> CanonicalJson.read(json, OutcomeContent.class));
        assertThat(thrown).isInstanceOf(CanonicalJson.MalformedJsonException.class);
        CanonicalJson.MalformedJsonException e = (CanonicalJson.MalformedJsonException) thrown;
        assertThat(e.field()).isEqualTo(field.isEmpty() ? null : field);
        assertThat(e.getMessage()).contains(expected).doesNotContain("org.creditbank", "java.", "Source", "`", "[truncated");
    }

    @Test
    void duplicateKeysAreRefusedInTreesToo() {
        assertThatThrownBy(() -> CanonicalJson.read("{\"a\":1,\"a\":2}", JsonNode.class))
                .isInstanceOf(CanonicalJson.MalformedJsonException.class).hasMessageContaining("/a");
        assertThatThrownBy(() -> CanonicalJson.read("{\"a\":1,\"a\":1}".getBytes(StandardCharsets.UTF_8), JsonNode.class))
                .isInstanceOf(CanonicalJson.MalformedJsonException.class);
    }

    @Test
    void aPairedSurrogateIsAnOrdinaryCharacter() {
        assertThat(CanonicalJson.read("{\"name\":\"\\ud83c\\udf93 学院\",\"type\":\"SCHOOL\"}", InstitutionProfile.class).name())
                .isEqualTo("🎓 学院");
        assertThatThrownBy(() -> CanonicalJson.read("{\"\\udc00\":1}", new TypeReference<Map<String, Integer>>() { }))
                .isInstanceOf(CanonicalJson.MalformedJsonException.class);
    }
}
