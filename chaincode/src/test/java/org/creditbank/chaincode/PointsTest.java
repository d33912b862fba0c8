package org.creditbank.chaincode;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.creditbank.chaincode.testing.InMemoryLedger.BlockResult;
import org.creditbank.chaincode.testing.InMemoryLedger.Call;
import org.creditbank.chaincode.testing.TestIdentity;
import org.junit.jupiter.api.Test;

/**
 * Education-responsibility points end to end on the contracts: the education department publishes
 * the policy, the manufacturer earns points for facts other members wrote, each fact counts once,
 * a revoked or withdrawn fact takes its points back, and no redemption spends more than the
 * balance, not even two approved in the same block.
 */
class PointsTest extends Consortium {

    static final String EDU = "EduDeptMSP";
    static final String TOOLS = "ToolsCoMSP";
    static final TestIdentity EDU_ADMIN = TestIdentity.admin(EDU);
    static final TestIdentity EDU_REGISTRAR = TestIdentity.withRole(EDU, "registrar1", "registrar");
    static final TestIdentity TOOLS_ADMIN = TestIdentity.admin(TOOLS);
    static final TestIdentity TOOLS_REGISTRAR = TestIdentity.withRole(TOOLS, "registrar1", "registrar");

    private final String learner = newLearner();

    PointsTest() {
        register(EDU_ADMIN, "广东省教育厅", "AUTHORITY");
        register(TOOLS_ADMIN, "精工工具公司", "ENTERPRISE");
    }

    static Map<String, Object> policy(int version, String from, String until) {
        Map<String, Object> terms = new LinkedHashMap<>();
        terms.put("version", version);
        terms.put("title", "教育责任积分办法");
        terms.put("validFrom", from);
        terms.put("validUntil", until);
        terms.put("points", Map.of("TRAINING_RECOGNISED", 10, "INTERNSHIP", 5, "CO_TEACHING", 8, "GRADUATE_HIRED", 30));
        return terms;
    }

    private void publish2026() {
        ok(ledger.submit(EDU_REGISTRAR, "points:publishPolicy", json(policy(1, "2026-01-01", "2026-12-31"))));
    }

    /** The manufacturer's training, recognised by the university: returns {outcome, recognition}. */
    private List<String> recognisedTraining(String localId) {
        String training = issue(HARDWARE_REGISTRAR, training(localId, learner)).get("id").asText();
        String recognition = ok(ledger.submit(UNIVERSITY_REGISTRAR, "recognition:recognise",
                json(RecognitionTest.manual("REC-" + localId, learner, List.of(training))))).at("/recognition/id").asText();
        return List.of(training, recognition);
    }

    private static Map<String, Object> claim(String type, String factId, String outcomeId) {
        Map<String, Object> claim = new LinkedHashMap<>();
        claim.put("factType", type);
        claim.put("factId", factId);
        if (outcomeId != null) {
            claim.put("outcomeId", outcomeId);
        }
        claim.put("policyVersion", 1);
        return claim;
    }

    private JsonNode accrueTraining(TestIdentity enterprise, List<String> fact) {
        return ok(ledger.submit(enterprise, "points:accrue", json(claim("TRAINING_RECOGNISED", fact.get(1), fact.get(0)))));
    }

    private JsonNode balance(String enterprise) {
        return ok(ledger.evaluate(COLLEGE_VERIFIER, "points:balance", enterprise));
    }

    private static Map<String, Object> hire(String localId, String enterprise, String graduate) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("localId", localId);
        request.put("type", "GRADUATE_HIRED");
        request.put("enterprise", enterprise);
        request.put("learner", graduate);
        request.put("contractStart", "2026-07-01");
        request.put("contractYears", 5);
        return request;
    }

    private String apply(TestIdentity enterprise, String localId, int points) {
        return ok(ledger.submit(enterprise, "points:applyRedemption",
                json(Map.of("localId", localId, "points", points, "purpose", "实训基地建设补贴")))).get("id").asText();
    }

    // ------------------------------------------------------------------ policy

    @Test
    void onlyTheAuthorityPublishesAndRetiresPoliciesAndVersionsInForceNeverOverlap() {
        String terms = json(policy(1, "2026-01-01", "2026-12-31"));
        refused(ledger.submit(COLLEGE_REGISTRAR, "points:publishPolicy", terms), "INSTITUTION_TYPE_NOT_ALLOWED");
        refused(ledger.submit(HARDWARE_ADMIN, "points:publishPolicy", terms), "INSTITUTION_TYPE_NOT_ALLOWED");
        refused(ledger.submit(TestIdentity.withRole(EDU, "verifier1", "verifier"), "points:publishPolicy", terms),
                "ROLE_NOT_ALLOWED");
        JsonNode published = ok(ledger.submit(EDU_REGISTRAR, "points:publishPolicy", terms));
        assertThat(published.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(published.get("publisher").asText()).isEqualTo(EDU);
        assertThat(ledger.submit(EDU_REGISTRAR, "points:publishPolicy", terms).changed()).as("a retry writes nothing").isFalse();

        JsonNode overlap = refused(ledger.submit(EDU_REGISTRAR, "points:publishPolicy",
                json(policy(2, "2026-12-01", "2027-12-31"))), "INVALID_FIELD");
        assertThat(overlap.get("message").asText()).contains("version 1 is in force");
        refused(ledger.submit(EDU_REGISTRAR, "points:publishPolicy", json(policy(3, "2027-01-01", "2027-12-31"))), "INVALID_FIELD");
        ok(ledger.submit(EDU_REGISTRAR, "points:publishPolicy", json(policy(2, "2027-01-01", "2027-12-31"))));

        refused(ledger.submit(COLLEGE_REGISTRAR, "points:retirePolicy", "1", "撤销"), "INSTITUTION_TYPE_NOT_ALLOWED");
        ok(ledger.submit(EDU_REGISTRAR, "points:retirePolicy", "1", "被 2026 修订版取代"));
        assertThat(ok(ledger.evaluate(HARDWARE_VERIFIER, "points:listPolicies")).findValuesAsText("status"))
                .containsExactly("RETIRED", "ACTIVE");
    }

    @Test
    void aClaimMustCiteAnActiveVersionThatCoversTheFactsDateAndPricesItsType() {
        List<String> fact = recognisedTraining("T-1");
        ok(ledger.submit(EDU_REGISTRAR, "points:publishPolicy", json(policy(1, "2025-01-01", "2025-12-31"))));
        JsonNode tooLate = refused(ledger.submit(HARDWARE_REGISTRAR, "points:accrue",
                json(claim("TRAINING_RECOGNISED", fact.get(1), fact.get(0)))), "POLICY_NOT_IN_FORCE");
        assertThat(tooLate.get("message").asText()).contains("2025-12-31").contains("2026-09-01");

        Map<String, Object> internshipOnly = policy(2, "2026-01-01", "2026-12-31");
        internshipOnly.put("points", Map.of("INTERNSHIP", 5));
        ok(ledger.submit(EDU_REGISTRAR, "points:publishPolicy", json(internshipOnly)));
        Map<String, Object> underTwo = claim("TRAINING_RECOGNISED", fact.get(1), fact.get(0));
        underTwo.put("policyVersion", 2);
        refused(ledger.submit(HARDWARE_REGISTRAR, "points:accrue", json(underTwo)), "POLICY_NOT_IN_FORCE");

        ok(ledger.submit(EDU_REGISTRAR, "points:retirePolicy", "2", "暂停"));
        String internship = issue(HARDWARE_REGISTRAR, workExperience("W-1", learner)).get("id").asText();
        Map<String, Object> retired = claim("INTERNSHIP", internship, null);
        retired.put("policyVersion", 2);
        assertThat(refused(ledger.submit(HARDWARE_REGISTRAR, "points:accrue", json(retired)), "POLICY_NOT_IN_FORCE")
                .get("message").asText()).contains("retired");
    }

    // ------------------------------------------------------------------ accrual

    @Test
    void aRecognisedTrainingEarnsThePolicysPointsAndTheBalanceShowsTheFactBehindThem() {
        publish2026();
        List<String> fact = recognisedTraining("T-1");

        JsonNode line = accrueTraining(HARDWARE_REGISTRAR, fact);

        assertThat(line.get("effectivePoints").asInt()).isEqualTo(10);
        assertThat(line.at("/entry/countedId").asText()).isEqualTo(fact.get(0));
        assertThat(line.at("/entry/citedId").asText()).isEqualTo(fact.get(1));
        assertThat(line.at("/entry/factDate").asText()).isEqualTo("2026-09-01");
        JsonNode balance = balance(HARDWARE);
        assertThat(balance.get("balance").asInt()).isEqualTo(10);
        assertThat(balance.get("lines")).hasSize(1);
        assertThat(balance.at("/lines/0/factStatus").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void eachFactCountsOnceWhateverRecognitionOrClaimCitesIt() {
        publish2026();
        List<String> fact = recognisedTraining("T-1");
        accrueTraining(HARDWARE_REGISTRAR, fact);

        assertThat(ledger.submit(HARDWARE_REGISTRAR, "points:accrue",
                json(claim("TRAINING_RECOGNISED", fact.get(1), fact.get(0)))).changed()).as("a retry writes nothing").isFalse();
        String second = ok(ledger.submit(COLLEGE_REGISTRAR, "recognition:recognise",
                json(RecognitionTest.manual("REC-AGAIN", learner, List.of(fact.get(0)))))).at("/recognition/id").asText();
        refused(ledger.submit(HARDWARE_REGISTRAR, "points:accrue", json(claim("TRAINING_RECOGNISED", second, fact.get(0)))),
                "ALREADY_COUNTED");
        assertThat(balance(HARDWARE).get("balance").asInt()).isEqualTo(10);
    }

    @Test
    void anAccrualWritesOnlyItsFactsEntrySoAccrualsOfOneEnterpriseInOneBlockAllCommit() {
        publish2026();
        List<String> a = recognisedTraining("T-1");
        List<String> b = recognisedTraining("T-2");
        Map<String, String> before = ledger.worldState();

        List<BlockResult> block = ledger.submitInOneBlock(List.of(
                Call.of(HARDWARE_REGISTRAR, "points:accrue", json(claim("TRAINING_RECOGNISED", a.get(1), a.get(0)))),
                Call.of(HARDWARE_REGISTRAR, "points:accrue", json(claim("TRAINING_RECOGNISED", b.get(1), b.get(0))))));

        assertThat(block).extracting(BlockResult::validation).containsExactly("VALID", "VALID");
        Map<String, String> after = new HashMap<>(ledger.worldState());
        after.keySet().removeAll(before.keySet());
        assertThat(after.keySet()).as("new keys: one entry per fact, no shared balance key").hasSize(2)
                .allMatch(k -> k.contains("points~entry"));
        assertThat(balance(HARDWARE).get("balance").asInt()).isEqualTo(20);
    }

    @Test
    void onlyTheEnterpriseWhoseFactItIsClaimsItsPoints() {
        publish2026();
        List<String> fact = recognisedTraining("T-1");
        refused(ledger.submit(TOOLS_REGISTRAR, "points:accrue", json(claim("TRAINING_RECOGNISED", fact.get(1), fact.get(0)))),
                "ORG_NOT_ALLOWED");
        refused(ledger.submit(UNIVERSITY_REGISTRAR, "points:accrue", json(claim("TRAINING_RECOGNISED", fact.get(1), fact.get(0)))),
                "INSTITUTION_TYPE_NOT_ALLOWED");
        refused(ledger.submit(HARDWARE_VERIFIER, "points:accrue", json(claim("TRAINING_RECOGNISED", fact.get(1), fact.get(0)))),
                "ROLE_NOT_ALLOWED");
        assertThat(balance(TOOLS).get("balance").asInt()).isZero();
    }

    @Test
    void aRevokedSourceTakesThePointsBackAndReinstatingASuspendedOneGivesThemBack() {
        publish2026();
        List<String> kept = recognisedTraining("T-1");
        List<String> revoked = recognisedTraining("T-2");
        accrueTraining(HARDWARE_REGISTRAR, kept);
        accrueTraining(HARDWARE_REGISTRAR, revoked);
        assertThat(balance(HARDWARE).get("balance").asInt()).isEqualTo(20);

        ok(ledger.submit(HARDWARE_REGISTRAR, "outcome:suspend", kept.get(0), "复核中"));
        assertThat(balance(HARDWARE).get("balance").asInt()).isEqualTo(10);
        ok(ledger.submit(HARDWARE_REGISTRAR, "outcome:reinstate", kept.get(0), "复核通过"));
        ok(ledger.submit(HARDWARE_REGISTRAR, "outcome:revoke", revoked.get(0), "培训记录有误"));

        JsonNode balance = balance(HARDWARE);
        assertThat(balance.get("balance").asInt()).isEqualTo(10);
        assertThat(balance.get("lines").findValuesAsText("factStatus")).containsExactlyInAnyOrder("ACTIVE", "REVOKED");
        assertThat(balance.get("lines")).as("the revoked fact stays visible, with no points").hasSize(2);
    }

    @Test
    void anInternshipCountsForALearnerOfAMemberSchoolOnly() {
        publish2026();
        String internship = issue(HARDWARE_REGISTRAR, workExperience("W-1", learner)).get("id").asText();
        assertThat(ok(ledger.submit(HARDWARE_REGISTRAR, "points:accrue", json(claim("INTERNSHIP", internship, null))))
                .get("effectivePoints").asInt()).isEqualTo(5);

        String ownLearner = org.creditbank.model.learner.AccountNumber.random(new java.security.SecureRandom());
        ok(ledger.submit(HARDWARE_REGISTRAR, "learner:openAccount", ownLearner));
        String ownStaff = issue(HARDWARE_REGISTRAR, workExperience("W-2", ownLearner)).get("id").asText();
        refused(ledger.submit(HARDWARE_REGISTRAR, "points:accrue", json(claim("INTERNSHIP", ownStaff, null))), "NOT_A_POINTS_FACT");
        String training = issue(HARDWARE_REGISTRAR, training("T-9", learner)).get("id").asText();
        refused(ledger.submit(HARDWARE_REGISTRAR, "points:accrue", json(claim("INTERNSHIP", training, null))), "NOT_A_POINTS_FACT");
        assertThat(balance(HARDWARE).get("balance").asInt()).isEqualTo(5);
    }

    // ------------------------------------------------------------------ confirmations

    @Test
    void onlyASchoolConfirmsAndOnlyThatSchoolWithdrawsWhichTakesThePointsBack() {
        publish2026();
        String graduate = newLearner();
        refused(ledger.submit(HARDWARE_REGISTRAR, "points:confirm", json(hire("H-1", HARDWARE, graduate))),
                "INSTITUTION_TYPE_NOT_ALLOWED");
        Map<String, Object> short4 = hire("H-1", HARDWARE, graduate);
        short4.put("contractYears", 4);
        refused(ledger.submit(COLLEGE_REGISTRAR, "points:confirm", json(short4)), "INVALID_FIELD");
        String id = ok(ledger.submit(COLLEGE_REGISTRAR, "points:confirm", json(hire("H-1", HARDWARE, graduate)))).get("id").asText();
        assertThat(id).isEqualTo("CollegeMSP:conf:H-1");
        refused(ledger.submit(UNIVERSITY_REGISTRAR, "points:confirm", json(hire("H-2", HARDWARE, graduate))), "ALREADY_COUNTED");
        refused(ledger.submit(TOOLS_REGISTRAR, "points:accrue", json(claim("GRADUATE_HIRED", id, null))), "ORG_NOT_ALLOWED");
        refused(ledger.submit(HARDWARE_REGISTRAR, "points:accrue", json(claim("CO_TEACHING", id, null))), "NOT_A_POINTS_FACT");
        ok(ledger.submit(HARDWARE_REGISTRAR, "points:accrue", json(claim("GRADUATE_HIRED", id, null))));
        assertThat(balance(HARDWARE).get("balance").asInt()).isEqualTo(30);

        refused(ledger.submit(UNIVERSITY_REGISTRAR, "points:withdrawConfirmation", id, "未履约"), "ORG_NOT_ALLOWED");
        ok(ledger.submit(COLLEGE_REGISTRAR, "points:withdrawConfirmation", id, "企业未履行五年合同"));
        assertThat(balance(HARDWARE).get("balance").asInt()).isZero();
        refused(ledger.submit(COLLEGE_REGISTRAR, "points:withdrawConfirmation", id, "again"), "INVALID_STATUS_TRANSITION");
        assertThat(ok(ledger.evaluate(HARDWARE_VERIFIER, "points:history", id)).findValuesAsText("status"))
                .containsExactly("CONFIRMED", "WITHDRAWN");
    }

    @Test
    void coTeachingIsConfirmedOncePerCourseAndStart() {
        publish2026();
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("localId", "CT-1");
        request.put("type", "CO_TEACHING");
        request.put("enterprise", HARDWARE);
        request.put("courseCode", "CNC101");
        request.put("courseTitle", "数控车床编程");
        request.put("activityStart", "2026-03-01");
        request.put("activityEnd", "2026-07-01");
        request.put("hours", 32);
        String id = ok(ledger.submit(COLLEGE_REGISTRAR, "points:confirm", json(request))).get("id").asText();
        request.put("localId", "CT-2");
        refused(ledger.submit(COLLEGE_REGISTRAR, "points:confirm", json(request)), "ALREADY_COUNTED");
        request.put("enterprise", COLLEGE);
        refused(ledger.submit(COLLEGE_REGISTRAR, "points:confirm", json(request)), "INVALID_FIELD");
        assertThat(ok(ledger.submit(HARDWARE_REGISTRAR, "points:accrue", json(claim("CO_TEACHING", id, null))))
                .get("effectivePoints").asInt()).isEqualTo(8);
    }

    // ------------------------------------------------------------------ redemption

    @Test
    void theEnterpriseAppliesAndTheAuthorityApprovesOrRejectsAndApprovalsAreFinal() {
        publish2026();
        accrueTraining(HARDWARE_REGISTRAR, recognisedTraining("T-1"));
        refused(ledger.submit(HARDWARE_REGISTRAR, "points:applyRedemption",
                json(Map.of("localId", "R-1", "points", 11, "purpose", "补贴"))), "INSUFFICIENT_POINTS");
        refused(ledger.submit(COLLEGE_REGISTRAR, "points:applyRedemption",
                json(Map.of("localId", "R-1", "points", 1, "purpose", "补贴"))), "INSTITUTION_TYPE_NOT_ALLOWED");
        String a = apply(HARDWARE_REGISTRAR, "R-1", 6);
        String b = apply(HARDWARE_REGISTRAR, "R-2", 3);

        refused(ledger.submit(HARDWARE_ADMIN, "points:approveRedemption", a, "自批"), "INSTITUTION_TYPE_NOT_ALLOWED");
        refused(ledger.submit(COLLEGE_ADMIN, "points:approveRedemption", a, "代批"), "INSTITUTION_TYPE_NOT_ALLOWED");
        JsonNode approved = ok(ledger.submit(EDU_REGISTRAR, "points:approveRedemption", a, "符合补贴条件"));
        assertThat(approved.get("status").asText()).isEqualTo("APPROVED");
        assertThat(approved.get("decidedBy").asText()).isEqualTo(EDU);
        refused(ledger.submit(EDU_REGISTRAR, "points:rejectRedemption", a, "改判"), "INVALID_STATUS_TRANSITION");
        JsonNode rejected = ok(ledger.submit(EDU_REGISTRAR, "points:rejectRedemption", b, "用途不符合办法第三条"));
        assertThat(rejected.get("decisionReason").asText()).isEqualTo("用途不符合办法第三条");

        JsonNode balance = balance(HARDWARE);
        assertThat(balance.get("earned").asInt()).isEqualTo(10);
        assertThat(balance.get("spent").asInt()).isEqualTo(6);
        assertThat(balance.get("balance").asInt()).isEqualTo(4);
        assertThat(balance.get("redemptions").findValuesAsText("status")).containsExactly("APPROVED", "REJECTED");
        assertThat(ok(ledger.evaluate(HARDWARE_VERIFIER, "points:history", a)).findValuesAsText("status"))
                .containsExactly("PENDING", "APPROVED");
    }

    @Test
    void twoApprovalsInOneBlockCannotBothSpendTheSameBalance() {
        publish2026();
        accrueTraining(HARDWARE_REGISTRAR, recognisedTraining("T-1"));
        String a = apply(HARDWARE_REGISTRAR, "R-1", 6);
        String b = apply(HARDWARE_REGISTRAR, "R-2", 6);

        List<BlockResult> block = ledger.submitInOneBlock(List.of(
                Call.of(EDU_REGISTRAR, "points:approveRedemption", a, "同意"),
                Call.of(EDU_REGISTRAR, "points:approveRedemption", b, "同意")));

        assertThat(block).as("each alone is affordable, so both are endorsed").allMatch(r -> r.endorsed().ok());
        assertThat(block).extracting(BlockResult::validation).containsExactly("VALID", "MVCC_READ_CONFLICT");
        JsonNode balance = balance(HARDWARE);
        assertThat(balance.get("spent").asInt()).isEqualTo(6);
        assertThat(balance.get("balance").asInt()).isEqualTo(4);
        assertThat(ok(ledger.evaluate(HARDWARE_VERIFIER, "points:getRedemption", b)).get("status").asText()).isEqualTo("PENDING");
        refused(ledger.submit(EDU_REGISTRAR, "points:approveRedemption", b, "同意"), "INSUFFICIENT_POINTS");
    }

    @Test
    void approvalsForDifferentEnterprisesInOneBlockDoNotConflict() {
        publish2026();
        accrueTraining(HARDWARE_REGISTRAR, recognisedTraining("T-1"));
        String internship = issue(TOOLS_REGISTRAR, workExperience("W-1", learner)).get("id").asText();
        ok(ledger.submit(TOOLS_REGISTRAR, "points:accrue", json(claim("INTERNSHIP", internship, null))));
        String a = apply(HARDWARE_REGISTRAR, "R-1", 10);
        String b = apply(TOOLS_REGISTRAR, "R-1", 5);

        List<BlockResult> block = ledger.submitInOneBlock(List.of(
                Call.of(EDU_REGISTRAR, "points:approveRedemption", a, "同意"),
                Call.of(EDU_REGISTRAR, "points:approveRedemption", b, "同意")));

        assertThat(block).extracting(BlockResult::validation).containsExactly("VALID", "VALID");
        assertThat(balance(HARDWARE).get("balance").asInt()).isZero();
        assertThat(balance(TOOLS).get("balance").asInt()).isZero();
    }

    @Test
    void aFactRevokedAfterItsPointsWereSpentLeavesADebtThatBlocksFurtherRedemptions() {
        publish2026();
        List<String> fact = recognisedTraining("T-1");
        accrueTraining(HARDWARE_REGISTRAR, fact);
        ok(ledger.submit(EDU_REGISTRAR, "points:approveRedemption", apply(HARDWARE_REGISTRAR, "R-1", 10), "同意"));
        ok(ledger.submit(HARDWARE_REGISTRAR, "outcome:revoke", fact.get(0), "培训记录有误"));

        JsonNode balance = balance(HARDWARE);
        assertThat(balance.get("balance").asInt()).isEqualTo(-10);
        accrueTraining(HARDWARE_REGISTRAR, recognisedTraining("T-2"));
        refused(ledger.submit(HARDWARE_REGISTRAR, "points:applyRedemption",
                json(Map.of("localId", "R-2", "points", 1, "purpose", "补贴"))), "INSUFFICIENT_POINTS");
        assertThat(balance(HARDWARE).get("balance").asInt()).isZero();
    }

    static Map<String, Object> workExperience(String localId, String learner) {
        Map<String, Object> draft = training(localId, learner);
        draft.put("kind", "WORK_EXPERIENCE");
        draft.put("achievementCode", "INTERN-CNC");
        draft.put("achievementTitle", "数控车间顶岗实习");
        return draft;
    }
}
