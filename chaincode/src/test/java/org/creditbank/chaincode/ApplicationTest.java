package org.creditbank.chaincode;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.creditbank.chaincode.testing.TestIdentity;
import org.junit.jupiter.api.Test;

/**
 * A learner applies to the university (through its gateway's read-only identity) to recognise
 * courses from the college; the university's registrar sees the rule's credits and approves, or
 * rejects with a reason.
 */
class ApplicationTest extends Consortium {

    /** The identity the university's gateway signs a learner's calls with. */
    private static final TestIdentity UNIVERSITY_GATEWAY = TestIdentity.withRole(UNIVERSITY, "gateway", "verifier");

    private final String learner = newLearner();

    private String collegeCourse(String localId, String code, String score) {
        Map<String, Object> draft = course(localId, learner);
        draft.put("achievementCode", code);
        draft.put("result", Map.of("scale", "PERCENTAGE", "value", score));
        return issue(COLLEGE_REGISTRAR, draft).get("id").asText();
    }

    private static Map<String, Object> application(String localId, String learner, List<String> sources, boolean rule) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("localId", localId);
        request.put("learner", learner);
        request.put("sourceOutcomeIds", sources);
        if (rule) {
            request.put("ruleCode", "CNC-TRANSFER");
            request.put("ruleVersion", 1);
        }
        request.put("statement", "我在广州五金职业技术学院修读了数控课程，申请认定学分。");
        return request;
    }

    private static Map<String, Object> byRule() {
        return Map.of("method", "RULE", "ruleCode", "CNC-TRANSFER", "ruleVersion", 1);
    }

    private JsonNode apply(Map<String, Object> request) {
        return ok(ledger.submit(UNIVERSITY_GATEWAY, "application:apply", json(request)));
    }

    @Test
    void anApprovedApplicationRecordsTheRecognitionTheAssessmentShowed() {
        ok(ledger.submit(UNIVERSITY_REGISTRAR, "recognition:publishRule", json(RecognitionTest.rule(1))));
        String a = collegeCourse("C-1", "CNC101", "86");
        String b = collegeCourse("C-2", "CNC102", "70");
        JsonNode applied = apply(application("APP-1", learner, List.of(a, b), true));
        assertThat(applied.get("id").asText()).isEqualTo("UniversityMSP:app:APP-1");
        assertThat(applied.get("status").asText()).isEqualTo("PENDING");

        JsonNode assessment = ok(ledger.evaluate(UNIVERSITY_REGISTRAR, "application:assess", applied.get("id").asText()));
        assertThat(assessment.get("credits").decimalValue()).isEqualByComparingTo("4");
        assertThat(assessment.at("/target/courseCode").asText()).isEqualTo("ME210");
        assertThat(assessment.has("problem")).isFalse();

        JsonNode approved = ok(ledger.submit(UNIVERSITY_REGISTRAR, "application:approve", applied.get("id").asText(),
                json(byRule())));
        assertThat(approved.get("status").asText()).isEqualTo("APPROVED");
        assertThat(approved.get("recognitionId").asText()).isEqualTo("UniversityMSP:rec:APP-1");
        JsonNode recognition = ok(ledger.evaluate(UNIVERSITY_REGISTRAR, "recognition:get", "UniversityMSP:rec:APP-1"));
        assertThat(recognition.at("/recognition/credits").decimalValue()).isEqualByComparingTo("4");
        JsonNode transcript = ok(ledger.evaluate(UNIVERSITY_REGISTRAR, "transcript:transcript", learner));
        assertThat(transcript.toString()).contains("UniversityMSP:rec:APP-1");

        JsonNode mine = ok(ledger.evaluate(UNIVERSITY_GATEWAY, "application:forLearner", learner));
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).get("status").asText()).isEqualTo("APPROVED");
    }

    @Test
    void theAssessmentSaysInWordsWhyTheRuleDoesNotApply() {
        ok(ledger.submit(UNIVERSITY_REGISTRAR, "recognition:publishRule", json(RecognitionTest.rule(1))));
        String low = collegeCourse("C-1", "CNC101", "40");
        String id = apply(application("APP-1", learner, List.of(low), true)).get("id").asText();

        JsonNode assessment = ok(ledger.evaluate(UNIVERSITY_REGISTRAR, "application:assess", id));
        assertThat(assessment.has("credits")).isFalse();
        assertThat(assessment.get("problem").asText()).contains("below the minimum");
        Map<String, String> before = ledger.worldState();
        refused(ledger.submit(UNIVERSITY_REGISTRAR, "application:approve", id, json(byRule())), "RULE_NOT_SATISFIED");
        assertThat(ledger.worldState()).isEqualTo(before);

        JsonNode manual = ok(ledger.submit(UNIVERSITY_REGISTRAR, "application:approve", id, json(Map.of(
                "method", "MANUAL", "target", Map.of("title", "数控实践", "category", "实践教学"), "credits", 1,
                "justification", "成绩未达规则要求，经教学委员会按实践学分认定"))));
        assertThat(manual.get("status").asText()).isEqualTo("APPROVED");
    }

    @Test
    void aRejectionKeepsTheReasonAndCountsNothing() {
        String a = collegeCourse("C-1", "CNC101", "86");
        String id = apply(application("APP-1", learner, List.of(a), false)).get("id").asText();
        JsonNode rejected = ok(ledger.submit(UNIVERSITY_REGISTRAR, "application:reject", id, "课程内容与本校课程不对应"));
        assertThat(rejected.get("status").asText()).isEqualTo("REJECTED");
        assertThat(rejected.get("decisionReason").asText()).isEqualTo("课程内容与本校课程不对应");

        refused(ledger.submit(UNIVERSITY_REGISTRAR, "application:approve", id, json(byRule())), "INVALID_STATUS_TRANSITION");
        refused(ledger.submit(UNIVERSITY_GATEWAY, "application:withdraw", id, "不再需要"), "INVALID_STATUS_TRANSITION");
        // The source is still free: the university can still recognise it.
        ok(ledger.submit(UNIVERSITY_REGISTRAR, "recognition:recognise", json(RecognitionTest.manual("REC-1", learner, List.of(a)))));
    }

    @Test
    void aLearnerCannotApplyWithSomeoneElsesOrAlreadyCountedOutcomes() {
        String a = collegeCourse("C-1", "CNC101", "86");
        String other = newLearner();
        Map<String, String> before = ledger.worldState();
        refused(ledger.submit(UNIVERSITY_GATEWAY, "application:apply", json(application("APP-1", other, List.of(a), false))),
                "LEARNER_MISMATCH");
        assertThat(ledger.worldState()).isEqualTo(before);

        ok(ledger.submit(UNIVERSITY_REGISTRAR, "recognition:recognise", json(RecognitionTest.manual("REC-1", learner, List.of(a)))));
        refused(ledger.submit(UNIVERSITY_GATEWAY, "application:apply", json(application("APP-2", learner, List.of(a), false))),
                "ALREADY_RECOGNISED");
        // The college cannot be asked to recognise its own course.
        refused(ledger.submit(COLLEGE_VERIFIER, "application:apply", json(application("APP-3", learner, List.of(a), false))),
                "ORG_NOT_ALLOWED");
    }

    @Test
    void aRetriedApplicationIsTheSameApplicationAndOnlyItsInstitutionDecides() {
        String a = collegeCourse("C-1", "CNC101", "86");
        Map<String, Object> request = application("APP-1", learner, List.of(a), false);
        JsonNode first = apply(request);
        JsonNode again = apply(request);
        assertThat(again).isEqualTo(first);
        Map<String, Object> changed = new LinkedHashMap<>(request);
        changed.put("statement", "另一份申请");
        refused(ledger.submit(UNIVERSITY_GATEWAY, "application:apply", json(changed)), "CONFLICT");

        String id = first.get("id").asText();
        refused(ledger.submit(COLLEGE_REGISTRAR, "application:reject", id, "不是我们的申请"), "ORG_NOT_ALLOWED");
        refused(ledger.submit(UNIVERSITY_GATEWAY, "application:reject", id, "网关不能决定"), "ROLE_NOT_ALLOWED");
        JsonNode withdrawn = ok(ledger.submit(UNIVERSITY_GATEWAY, "application:withdraw", id, "已转学"));
        assertThat(withdrawn.get("status").asText()).isEqualTo("WITHDRAWN");
        JsonNode history = ok(ledger.evaluate(UNIVERSITY_REGISTRAR, "application:history", id));
        assertThat(history).hasSize(2);
    }
}
