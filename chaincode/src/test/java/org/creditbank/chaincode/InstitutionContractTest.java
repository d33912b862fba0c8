package org.creditbank.chaincode;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InstitutionContractTest extends Consortium {

    @Test
    void anAdminRegistersItsOwnProfileUnderItsOwnMspId() {
        JsonNode college = ok(ledger.evaluate(HARDWARE_VERIFIER, "institution:get", COLLEGE));
        assertThat(college.get("mspId").asText()).isEqualTo(COLLEGE);
        assertThat(college.at("/profile/type").asText()).isEqualTo("SCHOOL");
        assertThat(ok(ledger.evaluate(COLLEGE_VERIFIER, "institution:list"))).hasSize(3);
    }

    @Test
    void anUpdateKeepsTheFirstRegistrationDateAndOnlyTouchesTheCallersProfile() {
        JsonNode before = ok(ledger.evaluate(COLLEGE_VERIFIER, "institution:get", COLLEGE));
        ok(ledger.submit(UNIVERSITY_ADMIN, "institution:register",
                json(Map.of("name", "应用技术大学", "type", "SCHOOL", "accreditationNote", "双一流"))));
        JsonNode college = ok(ledger.evaluate(COLLEGE_VERIFIER, "institution:get", COLLEGE));
        JsonNode university = ok(ledger.evaluate(COLLEGE_VERIFIER, "institution:get", UNIVERSITY));
        assertThat(college).isEqualTo(before);
        assertThat(university.at("/profile/accreditationNote").asText()).isEqualTo("双一流");
        assertThat(university.get("updatedAt").asText()).isNotEqualTo(university.get("registeredAt").asText());
    }

    @Test
    void anEnglishNameIsRegisteredBesideTheNameAndValidatedLikeIt() {
        ok(ledger.submit(UNIVERSITY_ADMIN, "institution:register", json(Map.of("name", "应用技术大学",
                "englishName", "University of Applied Technology", "type", "SCHOOL"))));
        JsonNode university = ok(ledger.evaluate(COLLEGE_VERIFIER, "institution:get", UNIVERSITY));
        assertThat(university.at("/profile/englishName").asText()).isEqualTo("University of Applied Technology");
        assertThat(university.at("/profile/name").asText()).isEqualTo("应用技术大学");
        // A profile registered without one has no englishName key at all.
        assertThat(ok(ledger.evaluate(COLLEGE_VERIFIER, "institution:get", COLLEGE)).get("profile").has("englishName"))
                .isFalse();

        JsonNode body = refused(ledger.submit(UNIVERSITY_ADMIN, "institution:register", json(Map.of("name", "应用技术大学",
                "englishName", "University\nof Applied Technology", "type", "SCHOOL"))), "INVALID_FIELD");
        assertThat(body.get("violations").findValuesAsText("field")).containsExactly("englishName");
    }

    @Test
    void registrarsVerifiersAndRolelessCallersCannotRegister() {
        String profile = json(Map.of("name", "X", "type", "SCHOOL"));
        refused(ledger.submit(COLLEGE_REGISTRAR, "institution:register", profile), "ROLE_NOT_ALLOWED");
        refused(ledger.submit(COLLEGE_VERIFIER, "institution:register", profile), "ROLE_NOT_ALLOWED");
        refused(ledger.submit(COLLEGE_NO_ROLE, "institution:register", profile), "ROLE_NOT_ALLOWED");
        assertThat(ok(ledger.evaluate(COLLEGE_VERIFIER, "institution:get", COLLEGE)).at("/profile/name").asText())
                .isEqualTo("广州五金职业技术学院");
    }

    @Test
    void invalidProfilesAreRefusedWithTheFieldNamed() {
        JsonNode body = refused(ledger.submit(COLLEGE_ADMIN, "institution:register", json(Map.of("name", " "))),
                "INVALID_FIELD");
        assertThat(body.get("violations").findValuesAsText("field")).contains("name", "type");
        refused(ledger.submit(COLLEGE_ADMIN, "institution:register", "{\"name\":\"X\",\"type\":\"CASTLE\"}"),
                "MALFORMED_INPUT");
        refused(ledger.submit(COLLEGE_ADMIN, "institution:register", "{\"name\":\"X\",\"type\":\"SCHOOL\",\"mspId\":\"Other\"}"),
                "MALFORMED_INPUT");
    }

    @Test
    void anUnregisteredOrganisationIsToldToRegisterFirst() {
        refused(ledger.evaluate(COLLEGE_VERIFIER, "institution:get", "NobodyMSP"), "INSTITUTION_NOT_REGISTERED");
    }

    @Test
    void rolelessCallersCannotRead() {
        refused(ledger.evaluate(COLLEGE_NO_ROLE, "institution:list"), "ROLE_NOT_ALLOWED");
    }
}
