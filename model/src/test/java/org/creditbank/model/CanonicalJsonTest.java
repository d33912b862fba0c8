package org.creditbank.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.creditbank.model.institution.InstitutionProfile;
import org.creditbank.model.json.CanonicalJson;
import org.creditbank.model.outcome.Result;
import org.junit.jupiter.api.Test;

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
                .hasMessage("unknown field 'extra'");
        assertThatThrownBy(() -> CanonicalJson.read("{\"name\":\"x\",\"type\":\"CASTLE\"}", InstitutionProfile.class))
                .hasMessageContaining("field 'type' must be one of SCHOOL, ENTERPRISE, AUTHORITY");
        assertThatThrownBy(() -> CanonicalJson.read("{\"name\":\"x\"} trailing", InstitutionProfile.class))
                .isInstanceOf(CanonicalJson.MalformedJsonException.class);
        assertThatThrownBy(() -> CanonicalJson.read(" ", InstitutionProfile.class))
                .hasMessage("a JSON document is required");
    }
}
