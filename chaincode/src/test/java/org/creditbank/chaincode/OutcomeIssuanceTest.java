package org.creditbank.chaincode;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.creditbank.model.json.CanonicalJson;
import org.creditbank.model.outcome.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OutcomeIssuanceTest extends Consortium {

    private final String learner = newLearner();

    @Test
    void aRegistrarIssuesAnActiveOutcomeWhoseHashAVerifierCanRecompute() {
        JsonNode issued = issue(COLLEGE_REGISTRAR, course("2026-CNC-0001", learner));

        assertThat(issued.get("id").asText()).isEqualTo("CollegeMSP:2026-CNC-0001");
        assertThat(issued.get("issuer").asText()).isEqualTo(COLLEGE);
        assertThat(issued.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(issued.get("awardedAt").asText()).startsWith("2026-09-01T08:00");
        assertThat(issued.get("changedBy").asText()).contains("CN=registrar1");
        Outcome outcome = CanonicalJson.read(issued.toString(), Outcome.class);
        assertThat(CanonicalJson.sha256Hex(outcome.content())).isEqualTo(outcome.contentHash());
        assertThat(ok(ledger.evaluate(HARDWARE_VERIFIER, "outcome:get", outcome.id()))).isEqualTo(issued);
    }

    /**
     * A college registrar tries every way the draft offers to name the university as issuer. Each
     * one is refused, and nothing is written; a localId that only looks like the university's
     * name still gives a record of the college, under the college's id and key.
     */
    @Test
    void theIssuerComesFromTheCertificateNeverFromTheInput() {
        Map<String, String> before = ledger.worldState();
        for (String field : List.of("issuer", "id", "institution", "changedBy")) {
            Map<String, Object> draft = course("X-1", learner);
            draft.put(field, field.equals("id") ? "UniversityMSP:X-1" : UNIVERSITY);
            refused(ledger.submit(COLLEGE_REGISTRAR, "outcome:issue", json(draft)), "MALFORMED_INPUT");
            refused(ledger.submit(COLLEGE_REGISTRAR, "outcome:issueBatch", json(List.of(draft))), "MALFORMED_INPUT");
        }
        for (String localId : List.of("UniversityMSP:X-1", "UniversityMSP:rec:X-1", ":X-1", "X-1:")) {
            JsonNode body = refused(ledger.submit(COLLEGE_REGISTRAR, "outcome:issue", json(course(localId, learner))),
                    "INVALID_FIELD");
            assertThat(body.get("violations").findValuesAsText("field")).as(localId).containsExactly("localId");
            JsonNode batch = refused(ledger.submit(COLLEGE_REGISTRAR, "outcome:issueBatch",
                    json(List.of(course(localId, learner)))), "BATCH_REJECTED");
            assertThat(batch.get("violations").findValuesAsText("field")).as(localId).containsExactly("localId");
        }
        assertThat(ledger.worldState()).isEqualTo(before);

        JsonNode issued = issue(COLLEGE_REGISTRAR, course("UniversityMSP.X-1", learner));

        assertThat(issued.get("id").asText()).isEqualTo("CollegeMSP:UniversityMSP.X-1");
        assertThat(issued.get("issuer").asText()).isEqualTo(COLLEGE);
        assertThat(issued.get("changedBy").asText()).contains("O=CollegeMSP").doesNotContain(UNIVERSITY + ",");
        assertThat(newOutcomeKeys(before)).containsExactly("\u0000outcome\u0000CollegeMSP\u0000UniversityMSP.X-1\u0000");
        refused(ledger.evaluate(HARDWARE_VERIFIER, "outcome:get", "UniversityMSP:X-1"), "NOT_FOUND");
    }

    @Test
    void anotherOrganisationsRegistrarIssuingTheSameDraftGetsItsOwnRecordUnderItsOwnMsp() {
        Map<String, String> before = ledger.worldState();
        JsonNode college = issue(COLLEGE_REGISTRAR, course("SAME-2", learner));

        JsonNode university = issue(UNIVERSITY_REGISTRAR, course("SAME-2", learner));

        assertThat(university.get("id").asText()).isEqualTo("UniversityMSP:SAME-2");
        assertThat(university.get("issuer").asText()).isEqualTo(UNIVERSITY);
        assertThat(university.get("changedBy").asText()).contains("O=UniversityMSP");
        assertThat(university.get("contentHash")).isNotEqualTo(college.get("contentHash"));
        assertThat(newOutcomeKeys(before)).containsExactlyInAnyOrder(
                "\u0000outcome\u0000CollegeMSP\u0000SAME-2\u0000", "\u0000outcome\u0000UniversityMSP\u0000SAME-2\u0000");
        assertThat(ok(ledger.evaluate(HARDWARE_VERIFIER, "outcome:get", "CollegeMSP:SAME-2"))).isEqualTo(college);
        assertThat(ok(ledger.evaluate(HARDWARE_VERIFIER, "outcome:get", "UniversityMSP:SAME-2"))).isEqualTo(university);
        // Each can be changed only by its own issuer: the university cannot suspend the college's record.
        refused(ledger.submit(UNIVERSITY_REGISTRAR, "outcome:suspend", "CollegeMSP:SAME-2", "check"), "ORG_NOT_ALLOWED");
    }

    private java.util.Set<String> newOutcomeKeys(Map<String, String> before) {
        java.util.Set<String> keys = new java.util.TreeSet<>(ledger.worldState().keySet());
        keys.removeAll(before.keySet());
        keys.removeIf(k -> !k.startsWith("\u0000outcome\u0000"));
        return keys;
    }

    @Test
    void eachRecordCanBeEndorsedOnlyByItsIssuersPeers() {
        issue(HARDWARE_REGISTRAR, training("T-1", learner));
        String key = ledger.worldState().keySet().stream()
                .filter(k -> k.equals("\u0000outcome\u0000HardwareCoMSP\u0000T-1\u0000"))
                .findFirst().orElseThrow();
        byte[] policy = ledger.validationParameter(key);
        assertThat(policy).isNotNull();
        assertThat(new String(policy, java.nio.charset.StandardCharsets.ISO_8859_1)).contains(HARDWARE)
                .doesNotContain(COLLEGE);
    }

    @Test
    void aRetriedIssuanceReturnsTheSameRecordAndWritesNothing() {
        JsonNode first = issue(COLLEGE_REGISTRAR, course("R-1", learner));
        Map<String, String> stateAfterFirst = ledger.worldState();
        int eventsAfterFirst = ledger.events().size();

        JsonNode again = issue(COLLEGE_REGISTRAR, course("R-1", learner));

        assertThat(again).isEqualTo(first);
        assertThat(ledger.worldState()).isEqualTo(stateAfterFirst);
        assertThat(ledger.events()).hasSize(eventsAfterFirst);
    }

    @Test
    void creditsWrittenDifferentlyAreTheSameContent() {
        JsonNode first = issue(COLLEGE_REGISTRAR, course("R-2", learner));
        Map<String, Object> same = course("R-2", learner);
        same.put("credits", new java.math.BigDecimal("3.00"));
        assertThat(issue(COLLEGE_REGISTRAR, same).get("contentHash")).isEqualTo(first.get("contentHash"));
    }

    @Test
    void differentContentUnderAnExistingIdIsAConflict() {
        issue(COLLEGE_REGISTRAR, course("R-3", learner));
        Map<String, String> before = ledger.worldState();
        Map<String, Object> changed = course("R-3", learner);
        changed.put("credits", 4);
        refused(ledger.submit(COLLEGE_REGISTRAR, "outcome:issue", json(changed)), "CONFLICT");
        assertThat(ledger.worldState()).isEqualTo(before);
    }

    @Test
    void verifiersAndRolelessCallersCannotIssue() {
        refused(ledger.submit(COLLEGE_VERIFIER, "outcome:issue", json(course("V-1", learner))), "ROLE_NOT_ALLOWED");
        refused(ledger.submit(COLLEGE_NO_ROLE, "outcome:issue", json(course("V-1", learner))), "ROLE_NOT_ALLOWED");
        refused(ledger.evaluate(COLLEGE_VERIFIER, "outcome:get", "CollegeMSP:V-1"), "NOT_FOUND");
    }

    @Test
    void anAdminMayDoWhatItsRegistrarsMay() {
        assertThat(issue(COLLEGE_ADMIN, course("A-1", learner)).get("status").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void anEnterpriseCannotIssueCoursesButCanIssueTraining() {
        JsonNode body = refused(ledger.submit(HARDWARE_REGISTRAR, "outcome:issue", json(course("C-1", learner))),
                "INVALID_FIELD");
        assertThat(body.get("violations").findValuesAsText("code")).contains("INSTITUTION_TYPE_NOT_ALLOWED");
        assertThat(issue(HARDWARE_REGISTRAR, training("T-2", learner)).get("issuer").asText()).isEqualTo(HARDWARE);
    }

    @Test
    void anUnregisteredOrganisationCannotIssue() {
        var stranger = org.creditbank.chaincode.testing.TestIdentity.withRole("StrangerMSP", "r", "registrar");
        refused(ledger.submit(stranger, "outcome:issue", json(course("S-1", learner))), "INSTITUTION_NOT_REGISTERED");
    }

    @Test
    void anOutcomeNeedsAnOpenLearnerAccount() {
        String unopened = org.creditbank.model.learner.AccountNumber.random(new java.security.SecureRandom());
        refused(ledger.submit(COLLEGE_REGISTRAR, "outcome:issue", json(course("N-1", unopened))), "ACCOUNT_NOT_FOUND");
    }

    @Test
    void malformedJsonIsRefusedAsSuch() {
        refused(ledger.submit(COLLEGE_REGISTRAR, "outcome:issue", "{not json"), "MALFORMED_INPUT");
        refused(ledger.submit(COLLEGE_REGISTRAR, "outcome:issue", ""), "MALFORMED_INPUT");
        JsonNode body = refused(ledger.submit(COLLEGE_REGISTRAR, "outcome:issue",
                json(with(course("M-1", learner), d -> d.put("kind", "DIPLOMA")))), "MALFORMED_INPUT");
        assertThat(body.get("message").asText()).contains("kind").contains("COURSE");
    }

    static Stream<Arguments> invalidDrafts() {
        return Stream.of(
                Arguments.of("localId", (Consumer<Map<String, Object>>) d -> d.put("localId", "has space")),
                Arguments.of("localId", (Consumer<Map<String, Object>>) d -> d.remove("localId")),
                Arguments.of("learner", (Consumer<Map<String, Object>>) d -> d.put("learner", "CB000000000000000X")),
                Arguments.of("kind", (Consumer<Map<String, Object>>) d -> d.remove("kind")),
                Arguments.of("achievementCode", (Consumer<Map<String, Object>>) d -> d.put("achievementCode", "")),
                Arguments.of("achievementTitle", (Consumer<Map<String, Object>>) d -> d.put("achievementTitle", "x".repeat(201))),
                Arguments.of("credits", (Consumer<Map<String, Object>>) d -> d.put("credits", -1)),
                Arguments.of("credits", (Consumer<Map<String, Object>>) d -> d.put("credits", 61)),
                Arguments.of("credits", (Consumer<Map<String, Object>>) d -> d.put("credits", new java.math.BigDecimal("1.125"))),
                Arguments.of("hours", (Consumer<Map<String, Object>>) d -> d.put("hours", -3)),
                Arguments.of("level", (Consumer<Map<String, Object>>) d -> d.put("level", 9)),
                Arguments.of("result.value", (Consumer<Map<String, Object>>) d -> d.put("result", Map.of("scale", "PERCENTAGE", "value", "101"))),
                Arguments.of("result.value", (Consumer<Map<String, Object>>) d -> d.put("result", Map.of("scale", "LETTER", "value", "Z"))),
                Arguments.of("activityStart", (Consumer<Map<String, Object>>) d -> d.put("activityStart", "2026/03/01")),
                Arguments.of("activityEnd", (Consumer<Map<String, Object>>) d -> d.put("activityEnd", "2026-02-01")),
                Arguments.of("activityEnd", (Consumer<Map<String, Object>>) d -> d.put("activityEnd", "2027-01-01")),
                Arguments.of("validUntil", (Consumer<Map<String, Object>>) d -> d.put("validUntil", "2026-06-01")),
                Arguments.of("validUntil", (Consumer<Map<String, Object>>) d -> d.put("validUntil", "2026-08-01")),
                // The ledger's clock stands at 2026-09-01: the day before was the last valid day.
                Arguments.of("validUntil", (Consumer<Map<String, Object>>) d -> d.put("validUntil", "2026-08-31")),
                Arguments.of("evidenceHash", (Consumer<Map<String, Object>>) d -> d.put("evidenceHash", "ABC")),
                Arguments.of("evidenceUri", (Consumer<Map<String, Object>>) d -> d.put("evidenceUri", "ftp://x")),
                Arguments.of("evidenceUri", (Consumer<Map<String, Object>>) d -> d.put("evidenceUri",
                        "https://evidence.example/report 2026.pdf")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidDrafts")
    void invalidDraftsAreRefusedWithTheFieldNamedAndNothingWritten(String field, Consumer<Map<String, Object>> breakIt) {
        Map<String, String> before = ledger.worldState();
        JsonNode body = refused(ledger.submit(COLLEGE_REGISTRAR, "outcome:issue",
                json(with(course("BAD-1", learner), breakIt))), "INVALID_FIELD");
        assertThat(body.get("violations").findValuesAsText("field")).contains(field);
        assertThat(ledger.worldState()).isEqualTo(before);
    }

    @Test
    void anOutcomeMayBeIssuedOnItsLastValidDay() {
        assertThat(ledger.today()).isEqualTo(java.time.LocalDate.parse("2026-09-01"));
        JsonNode issued = issue(COLLEGE_REGISTRAR, with(course("LAST-DAY", learner), d -> d.put("validUntil", "2026-09-01")));
        assertThat(issued.get("status").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void everyProblemOfADraftIsReportedAtOnce() {
        Map<String, Object> draft = course("BAD-2", learner);
        draft.put("credits", -1);
        draft.put("hours", -1);
        draft.remove("evidenceHash");
        JsonNode body = refused(ledger.submit(COLLEGE_REGISTRAR, "outcome:issue", json(draft)), "INVALID_FIELD");
        assertThat(body.get("violations").findValuesAsText("field")).containsExactlyInAnyOrder("credits", "hours", "evidenceHash");
    }

    @Test
    void issuanceRaisesAnEventNamingTheRecord() {
        JsonNode issued = issue(COLLEGE_REGISTRAR, course("E-1", learner));
        var event = ledger.events().get(ledger.events().size() - 1);
        assertThat(event.name()).isEqualTo("OutcomeIssued");
        assertThat(CanonicalJson.read(event.payload(), JsonNode.class).get("ids").get(0).asText())
                .isEqualTo(issued.get("id").asText());
    }

    static Map<String, Object> with(Map<String, Object> draft, Consumer<Map<String, Object>> change) {
        change.accept(draft);
        return draft;
    }

    static List<String> ids(JsonNode array) {
        return array.findValuesAsText("id");
    }
}
