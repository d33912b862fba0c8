package org.creditbank.chaincode;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.creditbank.model.json.CanonicalJson;
import org.junit.jupiter.api.Test;

/** The university recognises the college's courses and the manufacturer's training. */
class RecognitionTest extends Consortium {

    private final String learner = newLearner();

    static Map<String, Object> rule(int version) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("code", "CNC-TRANSFER");
        rule.put("version", version);
        rule.put("kind", "COURSE");
        rule.put("achievementCode", "CNC");
        rule.put("match", "PREFIX");
        rule.put("minResult", Map.of("scale", "PERCENTAGE", "value", "60"));
        rule.put("target", Map.of("courseCode", "ME210", "title", "数控加工技术", "category", "专业核心"));
        rule.put("creditsPerOutcome", 2);
        rule.put("cap", 5);
        return rule;
    }

    static Map<String, Object> byRule(String localId, String learner, List<String> sources, int version) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("localId", localId);
        request.put("learner", learner);
        request.put("sourceOutcomeIds", sources);
        request.put("method", "RULE");
        request.put("ruleCode", "CNC-TRANSFER");
        request.put("ruleVersion", version);
        return request;
    }

    static Map<String, Object> manual(String localId, String learner, List<String> sources) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("localId", localId);
        request.put("learner", learner);
        request.put("sourceOutcomeIds", sources);
        request.put("method", "MANUAL");
        request.put("target", Map.of("title", "企业实践", "category", "实践教学"));
        request.put("credits", 1.5);
        request.put("justification", "焊接实训 48 学时，经教学委员会认定");
        return request;
    }

    private String collegeCourse(String localId, String code, String score) {
        Map<String, Object> draft = course(localId, learner);
        draft.put("achievementCode", code);
        draft.put("result", Map.of("scale", "PERCENTAGE", "value", score));
        return issue(COLLEGE_REGISTRAR, draft).get("id").asText();
    }

    private JsonNode publish(Map<String, Object> rule) {
        return ok(ledger.submit(UNIVERSITY_REGISTRAR, "recognition:publishRule", json(rule)));
    }

    @Test
    void aRuleTurnsMatchingOutcomesIntoCreditsOfTheTargetCourse() {
        publish(rule(1));
        String a = collegeCourse("C-1", "CNC101", "86");
        String b = collegeCourse("C-2", "CNC102", "70");

        JsonNode view = ok(ledger.submit(UNIVERSITY_REGISTRAR, "recognition:recognise",
                json(byRule("REC-1", learner, List.of(a, b), 1))));

        JsonNode recognition = view.get("recognition");
        assertThat(recognition.get("id").asText()).isEqualTo("UniversityMSP:rec:REC-1");
        assertThat(recognition.get("credits").decimalValue()).isEqualByComparingTo("4");
        assertThat(recognition.at("/target/courseCode").asText()).isEqualTo("ME210");
        assertThat(view.get("effectiveStatus").asText()).isEqualTo("ACTIVE");
        assertThat(ledger.events().get(ledger.events().size() - 1).name()).isEqualTo("RecognitionCreated");
    }

    @Test
    void theCapLimitsWhatOneLearnerGainsThroughARule() {
        publish(rule(1));
        String a = collegeCourse("C-1", "CNC101", "86");
        String b = collegeCourse("C-2", "CNC102", "90");
        String c = collegeCourse("C-3", "CNC103", "90");
        ok(ledger.submit(UNIVERSITY_REGISTRAR, "recognition:recognise", json(byRule("REC-1", learner, List.of(a, b), 1))));

        JsonNode second = ok(ledger.submit(UNIVERSITY_REGISTRAR, "recognition:recognise",
                json(byRule("REC-2", learner, List.of(c), 1))));
        assertThat(second.at("/recognition/credits").decimalValue()).isEqualByComparingTo("1");

        String d = collegeCourse("C-4", "CNC104", "90");
        JsonNode body = refused(ledger.submit(UNIVERSITY_REGISTRAR, "recognition:recognise",
                json(byRule("REC-3", learner, List.of(d), 1))), "RULE_NOT_SATISFIED");
        assertThat(body.get("message").asText()).contains("cap");
    }

    @Test
    void anOutcomeBelowTheMinimumResultOrOfAnotherCodeDoesNotSatisfyTheRule() {
        publish(rule(1));
        String low = collegeCourse("C-1", "CNC101", "59.5");
        String otherCode = collegeCourse("C-2", "WELD101", "95");
        JsonNode body = refused(ledger.submit(UNIVERSITY_REGISTRAR, "recognition:recognise",
                json(byRule("REC-1", learner, List.of(low), 1))), "RULE_NOT_SATISFIED");
        assertThat(body.get("message").asText()).contains("below the minimum");
        refused(ledger.submit(UNIVERSITY_REGISTRAR, "recognition:recognise",
                json(byRule("REC-2", learner, List.of(otherCode), 1))), "RULE_NOT_SATISFIED");
    }

    @Test
    void aSourceOutcomeIsCountedOnlyOncePerRecognisingInstitution() {
        publish(rule(1));
        String a = collegeCourse("C-1", "CNC101", "86");
        ok(ledger.submit(UNIVERSITY_REGISTRAR, "recognition:recognise", json(byRule("REC-1", learner, List.of(a), 1))));
        Map<String, String> before = ledger.worldState();

        JsonNode body = refused(ledger.submit(UNIVERSITY_REGISTRAR, "recognition:recognise",
                json(manual("REC-2", learner, List.of(a)))), "ALREADY_RECOGNISED");

        assertThat(body.get("message").asText()).contains("UniversityMSP:rec:REC-1");
        assertThat(ledger.worldState()).isEqualTo(before);
    }

    @Test
    void aRetriedRecognitionReturnsTheSameDecisionAndDifferentContentIsAConflict() {
        publish(rule(1));
        String a = collegeCourse("C-1", "CNC101", "86");
        JsonNode first = ok(ledger.submit(UNIVERSITY_REGISTRAR, "recognition:recognise", json(byRule("REC-1", learner, List.of(a), 1))));
        JsonNode again = ok(ledger.submit(UNIVERSITY_REGISTRAR, "recognition:recognise", json(byRule("REC-1", learner, List.of(a), 1))));
        assertThat(again).isEqualTo(first);
        refused(ledger.submit(UNIVERSITY_REGISTRAR, "recognition:recognise",
                json(manual("REC-1", learner, List.of(a)))), "CONFLICT");
    }

    @Test
    void theLearnerMustMatchAndSourcesMustBeActiveAndFromElsewhere() {
        publish(rule(1));
        String a = collegeCourse("C-1", "CNC101", "86");
        String otherLearner = newLearner();
        refused(ledger.submit(UNIVERSITY_REGISTRAR, "recognition:recognise",
                json(byRule("REC-1", otherLearner, List.of(a), 1))), "LEARNER_MISMATCH");

        ok(ledger.submit(COLLEGE_REGISTRAR, "outcome:suspend", a, "under review"));
        JsonNode body = refused(ledger.submit(UNIVERSITY_REGISTRAR, "recognition:recognise",
                json(byRule("REC-2", learner, List.of(a), 1))), "SOURCE_NOT_ACTIVE");
        assertThat(body.get("message").asText()).contains("SUSPENDED").contains("under review");

        String own = issue(UNIVERSITY_REGISTRAR, course("U-1", learner)).get("id").asText();
        refused(ledger.submit(UNIVERSITY_REGISTRAR, "recognition:recognise",
                json(manual("REC-3", learner, List.of(own)))), "ORG_NOT_ALLOWED");
        refused(ledger.submit(UNIVERSITY_REGISTRAR, "recognition:recognise",
                json(manual("REC-4", learner, List.of("CollegeMSP:none")))), "NOT_FOUND");
    }

    @Test
    void aManualDecisionNeedsTargetCreditsAndJustification() {
        String training = issue(HARDWARE_REGISTRAR, training("T-1", learner)).get("id").asText();
        Map<String, Object> request = manual("REC-1", learner, List.of(training));
        request.remove("justification");
        JsonNode body = refused(ledger.submit(UNIVERSITY_REGISTRAR, "recognition:recognise", json(request)), "INVALID_FIELD");
        assertThat(body.get("violations").findValuesAsText("field")).contains("justification");

        JsonNode view = ok(ledger.submit(UNIVERSITY_REGISTRAR, "recognition:recognise",
                json(manual("REC-1", learner, List.of(training)))));
        assertThat(view.at("/recognition/credits").decimalValue()).isEqualByComparingTo("1.5");
        assertThat(view.at("/recognition/request/method").asText()).isEqualTo("MANUAL");
    }

    @Test
    void revokingASourceShowsThroughEveryRecognitionBuiltOnIt() {
        publish(rule(1));
        String a = collegeCourse("C-1", "CNC101", "86");
        String id = ok(ledger.submit(UNIVERSITY_REGISTRAR, "recognition:recognise",
                json(byRule("REC-1", learner, List.of(a), 1)))).at("/recognition/id").asText();

        ok(ledger.submit(COLLEGE_REGISTRAR, "outcome:revoke", a, "plagiarism"));

        JsonNode view = ok(ledger.evaluate(HARDWARE_VERIFIER, "recognition:get", id));
        assertThat(view.get("effectiveStatus").asText()).isEqualTo("REVOKED");
        assertThat(view.get("sourceStatus").get(a).asText()).isEqualTo("REVOKED");
        JsonNode transcript = ok(ledger.evaluate(COLLEGE_VERIFIER, "transcript:transcript", learner));
        assertThat(transcript.at("/totals/recognisedCredits").decimalValue()).isEqualByComparingTo("0");
        assertThat(transcript.get("recognitions").get(0).get("effectiveStatus").asText()).isEqualTo("REVOKED");
    }

    @Test
    void ruleVersionsGoUpByOneAndANewVersionSupersedesTheOld() {
        JsonNode v1 = publish(rule(1));
        assertThat(publish(rule(1))).isEqualTo(v1);
        refused(ledger.submit(UNIVERSITY_REGISTRAR, "recognition:publishRule", json(rule(3))), "INVALID_FIELD");
        Map<String, Object> changed = rule(1);
        changed.put("creditsPerOutcome", 3);
        refused(ledger.submit(UNIVERSITY_REGISTRAR, "recognition:publishRule", json(changed)), "CONFLICT");

        Map<String, Object> v2 = rule(2);
        v2.put("creditsPerOutcome", 3);
        publish(v2);
        JsonNode rules = ok(ledger.evaluate(COLLEGE_VERIFIER, "recognition:listRules", UNIVERSITY));
        assertThat(rules).hasSize(2);
        // A NUL would break the composite key: refused as bad input, not an unexpected failure.
        refused(ledger.evaluate(COLLEGE_VERIFIER, "recognition:listRules", "University\u0000MSP"), "INVALID_FIELD");
        assertThat(rules.get(0).get("status").asText()).isEqualTo("RETIRED");
        assertThat(rules.get(0).get("retireReason").asText()).contains("version 2");
        assertThat(rules.get(1).get("status").asText()).isEqualTo("ACTIVE");
        assertThat(ledger.events().get(ledger.events().size() - 1).name()).isEqualTo("RuleChanged");
    }

    @Test
    void aRetiredRuleCannotBeAppliedButOldDecisionsKeepTheirVersion() {
        publish(rule(1));
        String a = collegeCourse("C-1", "CNC101", "86");
        String b = collegeCourse("C-2", "CNC102", "86");
        String first = ok(ledger.submit(UNIVERSITY_REGISTRAR, "recognition:recognise",
                json(byRule("REC-1", learner, List.of(a), 1)))).at("/recognition/id").asText();
        ok(ledger.submit(UNIVERSITY_REGISTRAR, "recognition:retireRule", "CNC-TRANSFER", "1", "curriculum reform"));

        JsonNode body = refused(ledger.submit(UNIVERSITY_REGISTRAR, "recognition:recognise",
                json(byRule("REC-2", learner, List.of(b), 1))), "RULE_RETIRED");
        assertThat(body.get("message").asText()).contains("curriculum reform");
        JsonNode kept = ok(ledger.evaluate(COLLEGE_VERIFIER, "recognition:get", first));
        assertThat(kept.at("/recognition/request/ruleVersion").asInt()).isEqualTo(1);
        assertThat(kept.get("effectiveStatus").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void enterprisesDoNotPublishRulesOrRecogniseAndOthersCannotTouchARule() {
        refused(ledger.submit(HARDWARE_REGISTRAR, "recognition:publishRule", json(rule(1))), "INSTITUTION_TYPE_NOT_ALLOWED");
        publish(rule(1));
        refused(ledger.submit(COLLEGE_REGISTRAR, "recognition:retireRule", "CNC-TRANSFER", "1", "x"), "NOT_FOUND");
        refused(ledger.submit(COLLEGE_VERIFIER, "recognition:publishRule", json(rule(1))),
                "ROLE_NOT_ALLOWED");
        assertThat(ok(ledger.evaluate(COLLEGE_VERIFIER, "recognition:getRule", UNIVERSITY, "CNC-TRANSFER", "1"))
                .get("status").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void invalidRulesAndRequestsNameTheirFields() {
        Map<String, Object> bad = rule(1);
        bad.put("creditsPerOutcome", 0);
        bad.put("target", Map.of("title", "no code, no category"));
        JsonNode body = refused(ledger.submit(UNIVERSITY_REGISTRAR, "recognition:publishRule", json(bad)), "INVALID_FIELD");
        assertThat(body.get("violations").findValuesAsText("field")).contains("creditsPerOutcome", "target");

        Map<String, Object> request = byRule("REC-1", learner, List.of("A:1", "A:1"), 1);
        request.put("credits", 3);
        body = refused(ledger.submit(UNIVERSITY_REGISTRAR, "recognition:recognise", json(request)), "INVALID_FIELD");
        assertThat(body.get("violations").findValuesAsText("field")).contains("sourceOutcomeIds", "method");
    }

    @Test
    void theRecognitionHashCoversTheDecision() {
        publish(rule(1));
        String a = collegeCourse("C-1", "CNC101", "86");
        JsonNode view = ok(ledger.submit(UNIVERSITY_REGISTRAR, "recognition:recognise", json(byRule("REC-1", learner, List.of(a), 1))));
        var recognition = CanonicalJson.read(view.get("recognition").toString(), org.creditbank.model.recognition.Recognition.class);
        assertThat(CanonicalJson.sha256Hex(recognition.content())).isEqualTo(recognition.contentHash());
    }
}
