package org.creditbank.chaincode;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One learner with records from three institutions: the college (two courses), the manufacturer
 * (training) and the university (its own course, plus a recognition of the college's CNC course).
 */
class TranscriptAndProgressTest extends Consortium {

    private final String learner = newLearner();
    private String cnc;
    private String maths;
    private String welding;
    private String uniCourse;

    @BeforeEach
    void records() {
        cnc = issue(COLLEGE_REGISTRAR, course("C-1", learner)).get("id").asText(); // 3 credits, 专业核心
        Map<String, Object> m = course("C-2", learner);
        m.put("achievementCode", "MATH1");
        m.put("category", "公共基础");
        m.put("credits", 4);
        maths = issue(COLLEGE_REGISTRAR, m).get("id").asText();
        welding = issue(HARDWARE_REGISTRAR, training("T-1", learner)).get("id").asText(); // 2 credits
        Map<String, Object> u = course("U-1", learner);
        u.put("credits", 5);
        u.put("achievementCode", "ME300");
        uniCourse = issue(UNIVERSITY_REGISTRAR, u).get("id").asText();
        ok(ledger.submit(UNIVERSITY_REGISTRAR, "recognition:publishRule", json(RecognitionTest.rule(1))));
        ok(ledger.submit(UNIVERSITY_REGISTRAR, "recognition:recognise",
                json(RecognitionTest.byRule("REC-1", learner, List.of(cnc), 1)))); // 2 credits, 专业核心
    }

    @Test
    void theTranscriptBringsEveryInstitutionsRecordsTogetherWithTotals() {
        JsonNode t = ok(ledger.evaluate(HARDWARE_VERIFIER, "transcript:transcript", learner));

        assertThat(t.get("outcomes").findValuesAsText("id")).containsExactly(cnc, maths, welding, uniCourse);
        assertThat(t.get("recognitions")).hasSize(1);
        JsonNode totals = t.get("totals");
        assertThat(totals.get("earnedCredits").decimalValue()).isEqualByComparingTo("14");
        assertThat(totals.get("recognisedCredits").decimalValue()).isEqualByComparingTo("2");
        assertThat(totals.at("/byInstitution/CollegeMSP/earned").decimalValue()).isEqualByComparingTo("7");
        assertThat(totals.at("/byInstitution/UniversityMSP/recognised").decimalValue()).isEqualByComparingTo("2");
        assertThat(totals.at("/byInstitution/HardwareCoMSP/earned").decimalValue()).isEqualByComparingTo("2");
        assertThat(totals.at("/byKind/COURSE").decimalValue()).isEqualByComparingTo("12");
        assertThat(totals.at("/byKind/ENTERPRISE_TRAINING").decimalValue()).isEqualByComparingTo("2");
    }

    @Test
    void revokedAndSuspendedOutcomesStayListedButStopCounting() {
        ok(ledger.submit(COLLEGE_REGISTRAR, "outcome:revoke", maths, "wrong learner"));
        ok(ledger.submit(HARDWARE_REGISTRAR, "outcome:suspend", welding, "audit"));
        JsonNode t = ok(ledger.evaluate(COLLEGE_VERIFIER, "transcript:transcript", learner));
        assertThat(t.get("outcomes")).hasSize(4);
        assertThat(t.at("/totals/earnedCredits").decimalValue()).isEqualByComparingTo("8");
        assertThat(t.at("/totals/byInstitution/HardwareCoMSP/earned").decimalValue()).isEqualByComparingTo("0");
    }

    @Test
    void anUnknownAccountHasNoTranscript() {
        refused(ledger.evaluate(COLLEGE_VERIFIER, "transcript:transcript",
                org.creditbank.model.learner.AccountNumber.random(new java.security.SecureRandom())), "ACCOUNT_NOT_FOUND");
    }

    private static Map<String, Object> qualification(int total, int own, int major) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("code", "ASSOC-ME");
        q.put("title", "机械制造专业副学士");
        q.put("totalCredits", total);
        q.put("minimumOwnCredits", own);
        q.put("minimumsByKind", Map.of("ENTERPRISE_TRAINING", 2));
        q.put("minimumsByCategory", Map.of("专业核心", major));
        return q;
    }

    @Test
    void progressCountsEachCreditOnceAndSaysWhatIsMissing() {
        ok(ledger.submit(UNIVERSITY_REGISTRAR, "qualification:publish", json(qualification(20, 8, 10))));

        JsonNode p = ok(ledger.evaluate(COLLEGE_VERIFIER, "qualification:progress", UNIVERSITY, "ASSOC-ME", learner));

        // The CNC course counts through the university's recognition (2), never also as itself (3).
        assertThat(p.get("counted").findValuesAsText("recordId")).doesNotContain(cnc)
                .contains("UniversityMSP:rec:REC-1", maths, welding, uniCourse);
        assertThat(p.get("totalCredits").decimalValue()).isEqualByComparingTo("13");
        assertThat(p.get("ownCredits").decimalValue()).isEqualByComparingTo("7");
        assertThat(p.at("/creditsByCategory/专业核心").decimalValue()).isEqualByComparingTo("7");
        assertThat(p.get("complete").asBoolean()).isFalse();
        assertThat(p.get("missing").findValuesAsText("requirement"))
                .containsExactlyInAnyOrder("total credits", "credits earned at or recognised by UniversityMSP", "category 专业核心");
    }

    @Test
    void aLearnerWhoMeetsEveryRequirementIsComplete() {
        ok(ledger.submit(UNIVERSITY_REGISTRAR, "qualification:publish", json(qualification(13, 7, 7))));
        JsonNode p = ok(ledger.evaluate(COLLEGE_VERIFIER, "qualification:progress", UNIVERSITY, "ASSOC-ME", learner));
        assertThat(p.get("complete").asBoolean()).isTrue();
        assertThat(p.get("missing")).isEmpty();
    }

    @Test
    void whenTheSourceIsRevokedTheRecognitionStopsCountingToo() {
        ok(ledger.submit(UNIVERSITY_REGISTRAR, "qualification:publish", json(qualification(13, 7, 7))));
        ok(ledger.submit(COLLEGE_REGISTRAR, "outcome:revoke", cnc, "exam fraud"));
        JsonNode p = ok(ledger.evaluate(COLLEGE_VERIFIER, "qualification:progress", UNIVERSITY, "ASSOC-ME", learner));
        assertThat(p.get("totalCredits").decimalValue()).isEqualByComparingTo("11");
        assertThat(p.get("complete").asBoolean()).isFalse();
    }

    @Test
    void onlyAwardingInstitutionsPublishQualificationsAndTheyMustBeConsistent() {
        refused(ledger.submit(HARDWARE_REGISTRAR, "qualification:publish", json(qualification(20, 8, 10))),
                "INSTITUTION_TYPE_NOT_ALLOWED");
        JsonNode body = refused(ledger.submit(UNIVERSITY_REGISTRAR, "qualification:publish",
                json(qualification(20, 30, 10))), "INVALID_FIELD");
        assertThat(body.get("violations").findValuesAsText("field")).contains("minimumOwnCredits");
        refused(ledger.evaluate(COLLEGE_VERIFIER, "qualification:progress", UNIVERSITY, "NONE", learner), "NOT_FOUND");
    }
}
