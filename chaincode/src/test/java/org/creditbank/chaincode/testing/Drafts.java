package org.creditbank.chaincode.testing;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Valid drafts for tests in every module (chaincode, gateway, network): a vocational college's CNC
 * course, an enterprise's welding training, and a university's rule that recognises CNC courses.
 * Each call returns a fresh, mutable map so a test changes only what it is about.
 */
public final class Drafts {

    /** The evidence hash every draft carries. */
    public static final String EVIDENCE = "a".repeat(64);

    private Drafts() {
    }

    /** A COURSE: CNC101, 3 credits, 86 %. */
    public static Map<String, Object> course(String localId, String learner) {
        Map<String, Object> draft = new LinkedHashMap<>();
        draft.put("localId", localId);
        draft.put("learner", learner);
        draft.put("kind", "COURSE");
        draft.put("achievementCode", "CNC101");
        draft.put("achievementTitle", "数控车床编程");
        draft.put("category", "专业核心");
        draft.put("credits", 3);
        draft.put("hours", 48);
        draft.put("level", 4);
        draft.put("result", Map.of("scale", "PERCENTAGE", "value", "86"));
        draft.put("activityStart", "2026-03-01");
        draft.put("activityEnd", "2026-07-01");
        draft.put("evidenceHash", EVIDENCE);
        return draft;
    }

    /** An ENTERPRISE_TRAINING: WELD-2, 2 credits, PASS. */
    public static Map<String, Object> training(String localId, String learner) {
        Map<String, Object> draft = course(localId, learner);
        draft.put("kind", "ENTERPRISE_TRAINING");
        draft.put("achievementCode", "WELD-2");
        draft.put("achievementTitle", "焊接工艺实训");
        draft.remove("category");
        draft.put("credits", 2);
        draft.put("result", Map.of("scale", "PASS_FAIL", "value", "PASS"));
        return draft;
    }

    /** A recognition rule, version 1: any COURSE whose code starts with CNC counts as ME210, 2 credits each, at most 5. */
    public static Map<String, Object> transferRule(String code) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("code", code);
        rule.put("version", 1);
        rule.put("kind", "COURSE");
        rule.put("achievementCode", "CNC");
        rule.put("match", "PREFIX");
        rule.put("target", Map.of("courseCode", "ME210", "title", "数控加工技术", "category", "专业核心"));
        rule.put("creditsPerOutcome", 2);
        rule.put("cap", 5);
        return rule;
    }
}
