package org.creditbank.chaincode;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.creditbank.chaincode.testing.TestIdentity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every write transaction, called with otherwise valid arguments by a verifier or by a caller with
 * no CreditBank role, is refused with ROLE_NOT_ALLOWED and changes nothing.
 */
class RoleMatrixTest extends Consortium {

    /** An Ed25519 Multikey (32 zero bytes) in the right format, so only the role decides. */
    private static final String SIGNING_KEY = org.creditbank.model.key.Ed25519Multikey.encode(new byte[32]);

    private final String learner = newLearner();
    private final String outcome;
    private final String source;

    RoleMatrixTest() {
        outcome = issue(COLLEGE_REGISTRAR, course("RM-1", learner)).get("id").asText();
        source = issue(HARDWARE_REGISTRAR, training("RM-2", learner)).get("id").asText();
        ok(ledger.submit(UNIVERSITY_REGISTRAR, "recognition:publishRule", json(RecognitionTest.rule(1))));
    }

    static Stream<Arguments> callers() {
        return Stream.of(Arguments.of(COLLEGE_VERIFIER), Arguments.of(COLLEGE_NO_ROLE),
                Arguments.of(TestIdentity.withRole(UNIVERSITY, "verifier9", "verifier")));
    }

    private Map<String, String[]> writes() {
        String newAccount = org.creditbank.model.learner.AccountNumber.random(new java.security.SecureRandom());
        return Map.ofEntries(
                Map.entry("institution:register", new String[] {json(Map.of("name", "X", "type", "SCHOOL"))}),
                Map.entry("learner:openAccount", new String[] {newAccount}),
                Map.entry("learner:openAccountForKey", new String[] {"3f2a9c0d-1e4b-4c5d-8e6f-7a8b9c0d1e2f"}),
                Map.entry("learner:purgePersonalData", new String[] {learner}),
                Map.entry("outcome:issue", new String[] {json(course("RM-3", learner))}),
                Map.entry("outcome:issueBatch", new String[] {json(List.of(course("RM-4", learner)))}),
                Map.entry("outcome:suspend", new String[] {outcome, "reason"}),
                Map.entry("outcome:reinstate", new String[] {outcome, "reason"}),
                Map.entry("outcome:revoke", new String[] {outcome, "reason"}),
                Map.entry("recognition:publishRule", new String[] {json(RecognitionTest.rule(2))}),
                Map.entry("recognition:retireRule", new String[] {"CNC-TRANSFER", "1", "reason"}),
                Map.entry("recognition:recognise", new String[] {json(RecognitionTest.manual("RM-R", learner, List.of(source)))}),
                Map.entry("signingkey:register", new String[] {SIGNING_KEY}),
                Map.entry("signingkey:retire", new String[] {SIGNING_KEY}),
                Map.entry("qualification:publish", new String[] {json(Map.of("code", "Q", "title", "Q", "totalCredits", 10))}),
                Map.entry("demand:publish", new String[] {json(DemandTest.demand("RM-D", 1, "2027-Q1"))}),
                Map.entry("demand:update", new String[] {json(DemandTest.demand("RM-D", 2, "2027-Q1"))}),
                Map.entry("demand:withdraw", new String[] {"HardwareCoMSP:dem:RM-D", "reason"}),
                Map.entry("demand:publishMajor", new String[] {json(DemandTest.major(1, List.of(DemandTest.WELDER)))}),
                Map.entry("demand:publishThresholds", new String[] {json(DemandTest.thresholds(1))}),
                Map.entry("teacher:appoint", new String[] {learner}),
                Map.entry("teacher:endAppointment", new String[] {learner, "reason"}),
                Map.entry("teacher:publishRule", new String[] {json(TeacherTest.rule(1))}));
    }

    @ParameterizedTest
    @MethodSource("callers")
    void everyWriteRefusesCallersWithoutAWriteRole(TestIdentity caller) {
        Map<String, String> before = ledger.worldState();
        writes().forEach((function, args) ->
                refused(ledger.submit(caller, function, args), "ROLE_NOT_ALLOWED"));
        refused(ledger.submitWithTransient(caller, Map.of("personal", "{}".getBytes(StandardCharsets.UTF_8)),
                "learner:putPersonalData"), "ROLE_NOT_ALLOWED");
        assertThat(ledger.worldState()).isEqualTo(before);
    }
}
