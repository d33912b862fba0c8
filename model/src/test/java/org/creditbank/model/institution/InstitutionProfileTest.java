package org.creditbank.model.institution;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.creditbank.model.Violation;
import org.creditbank.model.json.CanonicalJson;
import org.junit.jupiter.api.Test;

class InstitutionProfileTest {

    private static final String STORED_BEFORE_ENGLISH_NAMES =
            "{\"accreditationNote\":\"高职院校\",\"name\":\"广州五金职业技术学院\",\"type\":\"SCHOOL\"}";

    private static List<String> fieldsRefused(InstitutionProfile profile) {
        return profile.validate().stream().map(Violation::field).distinct().toList();
    }

    @Test
    void aProfileStoredBeforeEnglishNamesStillReadsAndWritesTheSameBytes() {
        InstitutionProfile old = CanonicalJson.read(STORED_BEFORE_ENGLISH_NAMES, InstitutionProfile.class);
        assertThat(old.englishName()).isNull();
        assertThat(old.validate()).isEmpty();
        assertThat(new String(CanonicalJson.toBytes(old), StandardCharsets.UTF_8)).isEqualTo(STORED_BEFORE_ENGLISH_NAMES);
    }

    @Test
    void anEnglishNameIsStoredUnderItsOwnKey() {
        InstitutionProfile profile = new InstitutionProfile("广州五金职业技术学院", InstitutionType.SCHOOL, null,
                "Guangzhou Hardware Vocational College");
        String json = CanonicalJson.toJson(profile);
        assertThat(json).isEqualTo("{\"englishName\":\"Guangzhou Hardware Vocational College\","
                + "\"name\":\"广州五金职业技术学院\",\"type\":\"SCHOOL\"}");
        assertThat(CanonicalJson.read(json, InstitutionProfile.class)).isEqualTo(profile);
    }

    @Test
    void theEnglishNameFollowsTheRuleAndLimitOfTheName() {
        String longest = "A".repeat(InstitutionProfile.MAX_NAME_LENGTH);
        assertThat(new InstitutionProfile("学院", InstitutionType.SCHOOL, null, longest).validate()).isEmpty();
        assertThat(fieldsRefused(new InstitutionProfile("学院", InstitutionType.SCHOOL, null, longest + "A")))
                .containsExactly("englishName");
        assertThat(fieldsRefused(new InstitutionProfile("学院", InstitutionType.SCHOOL, null, "Two\nLines")))
                .containsExactly("englishName");
        assertThat(fieldsRefused(new InstitutionProfile("学院", InstitutionType.SCHOOL, null, "evil\u202Egpj.exe")))
                .containsExactly("englishName");
        assertThat(fieldsRefused(new InstitutionProfile("学院", InstitutionType.SCHOOL, null, " ")))
                .containsExactly("englishName");
        assertThat(fieldsRefused(new InstitutionProfile("A".repeat(InstitutionProfile.MAX_NAME_LENGTH + 1),
                InstitutionType.SCHOOL, null))).containsExactly("name");
    }

    @Test
    void theNameCredentialsCarryAddsTheEnglishNameInBrackets() {
        assertThat(new InstitutionProfile("广州五金职业技术学院", InstitutionType.SCHOOL, null,
                "Guangzhou Hardware Vocational College").credentialName())
                .isEqualTo("广州五金职业技术学院 (Guangzhou Hardware Vocational College)");
        assertThat(new InstitutionProfile("应用技术大学", InstitutionType.SCHOOL, "应用型本科").credentialName())
                .isEqualTo("应用技术大学");
    }
}
