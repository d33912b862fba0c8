package org.creditbank.chaincode;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VerificationTest extends Consortium {

    private final String learner = newLearner();

    private JsonNode verify(String id, String hash) {
        return ok(ledger.evaluate(HARDWARE_VERIFIER, "verification:verify", id, hash));
    }

    /** The manufacturer's skill certificate for the learner, in force up to and including {@code validUntil}. */
    private Map<String, Object> skillCertificate(String localId, String validUntil) {
        Map<String, Object> cert = training(localId, learner);
        cert.put("kind", "SKILL_CERTIFICATE");
        cert.put("validUntil", validUntil);
        return cert;
    }

    @Test
    void aGenuineRecordIsValidAndAnyOtherContentIsNoMatch() {
        JsonNode o = issue(COLLEGE_REGISTRAR, course("V-1", learner));
        String id = o.get("id").asText();
        assertThat(verify(id, o.get("contentHash").asText()).get("verdict").asText()).isEqualTo("VALID");
        JsonNode altered = verify(id, "0".repeat(64));
        assertThat(altered.get("verdict").asText()).isEqualTo("NO_MATCH");
        assertThat(altered.get("reason").asText()).contains("no record with this id and this content");
        assertThat(verify("CollegeMSP:nothing", "0".repeat(64)).get("verdict").asText()).isEqualTo("NO_MATCH");
    }

    /**
     * Whoever asks without the record's content (a wrong hash) learns nothing about it: not its
     * status, not the issuer's reason, not even that the id exists. The answer is the one an
     * unknown id gets, but for the id asked about and the time.
     */
    @Test
    void aWrongHashRevealsNeitherStatusNorReasonNorThatTheRecordExists() {
        JsonNode o = issue(COLLEGE_REGISTRAR, course("V-6", learner));
        String id = o.get("id").asText();
        ok(ledger.submit(COLLEGE_REGISTRAR, "outcome:revoke", id, "学籍造假 forged enrolment"));
        String source = issue(COLLEGE_REGISTRAR, course("V-7", learner)).get("id").asText();
        ok(ledger.submit(UNIVERSITY_REGISTRAR, "recognition:publishRule", json(RecognitionTest.rule(1))));
        String recognition = ok(ledger.submit(UNIVERSITY_REGISTRAR, "recognition:recognise",
                json(RecognitionTest.byRule("REC-6", learner, List.of(source), 1)))).at("/recognition/id").asText();
        ok(ledger.submit(COLLEGE_REGISTRAR, "outcome:suspend", source, "复核中 under review"));
        String wrong = "ab".repeat(32);

        JsonNode unknown = anonymised(verify("CollegeMSP:V-none", wrong));
        for (String known : List.of(id, recognition)) {
            JsonNode answer = verify(known, wrong);
            assertThat(answer.toString()).doesNotContain("REVOKED", "SUSPENDED", "ACTIVE", "forged enrolment",
                    "under review", source);
            assertThat(anonymised(answer)).as(known).isEqualTo(unknown);
        }
        assertThat(unknown.get("verdict").asText()).isEqualTo("NO_MATCH");
    }

    /** An answer without the two fields that differ whatever the record: the id asked about and the time. */
    private static JsonNode anonymised(JsonNode answer) {
        ObjectNode copy = answer.deepCopy();
        copy.remove(List.of("recordId", "checkedAt"));
        return copy;
    }

    @Test
    void suspendedAndRevokedRecordsSayWhyWithTheIssuersReason() {
        JsonNode o = issue(COLLEGE_REGISTRAR, course("V-2", learner));
        String id = o.get("id").asText();
        String hash = o.get("contentHash").asText();
        ok(ledger.submit(COLLEGE_REGISTRAR, "outcome:suspend", id, "复核中"));
        JsonNode suspended = verify(id, hash);
        assertThat(suspended.get("verdict").asText()).isEqualTo("SUSPENDED");
        assertThat(suspended.get("statusReason").asText()).isEqualTo("复核中");
        ok(ledger.submit(COLLEGE_REGISTRAR, "outcome:revoke", id, "证书作废"));
        assertThat(verify(id, hash).get("verdict").asText()).isEqualTo("REVOKED");
    }

    @Test
    void aCertificatePastItsValidUntilDateIsExpired() {
        JsonNode o = issue(HARDWARE_REGISTRAR, skillCertificate("V-3", "2026-12-31"));
        assertThat(verify(o.get("id").asText(), o.get("contentHash").asText()).get("verdict").asText()).isEqualTo("VALID");
        ledger.advanceClock(Duration.ofDays(130));
        JsonNode expired = verify(o.get("id").asText(), o.get("contentHash").asText());
        assertThat(expired.get("verdict").asText()).isEqualTo("EXPIRED");
        assertThat(expired.get("reason").asText()).contains("2026-12-31");
    }

    @Test
    void aCertificateIsValidOnItsValidUntilDayAndExpiredTheDayAfter() {
        JsonNode o = issue(HARDWARE_REGISTRAR, skillCertificate("V-5", "2026-12-31"));
        String id = o.get("id").asText();
        String hash = o.get("contentHash").asText();
        advanceToDay(LocalDate.parse("2026-12-30"));
        assertThat(verify(id, hash).get("verdict").asText()).as("the day before").isEqualTo("VALID");
        advanceToDay(LocalDate.parse("2026-12-31"));
        assertThat(verify(id, hash).get("verdict").asText()).as("the last day").isEqualTo("VALID");
        advanceToDay(LocalDate.parse("2027-01-01"));
        assertThat(verify(id, hash).get("verdict").asText()).as("the day after").isEqualTo("EXPIRED");
    }

    /** Moves the transaction clock forward by whole days until its date is {@code day}. */
    private void advanceToDay(LocalDate day) {
        ledger.advanceClock(Duration.ofDays(ChronoUnit.DAYS.between(ledger.today(), day)));
    }

    @Test
    void aRecognitionIsValidOnlyWhileEverySourceIsActive() {
        String source = issue(COLLEGE_REGISTRAR, course("V-4", learner)).get("id").asText();
        ok(ledger.submit(UNIVERSITY_REGISTRAR, "recognition:publishRule", json(RecognitionTest.rule(1))));
        JsonNode r = ok(ledger.submit(UNIVERSITY_REGISTRAR, "recognition:recognise",
                json(RecognitionTest.byRule("REC-1", learner, List.of(source), 1)))).get("recognition");
        String id = r.get("id").asText();
        String hash = r.get("contentHash").asText();
        assertThat(verify(id, hash).get("verdict").asText()).isEqualTo("VALID");
        ok(ledger.submit(COLLEGE_REGISTRAR, "outcome:revoke", source, "fraud"));
        JsonNode revoked = verify(id, hash);
        assertThat(revoked.get("verdict").asText()).isEqualTo("REVOKED");
        assertThat(revoked.get("reason").asText()).contains(source);
        assertThat(verify("UniversityMSP:rec:none", hash).get("verdict").asText()).isEqualTo("NO_MATCH");
    }

    @Test
    void aQuestionThatNamesNoRecordIsRefusedNotAnsweredNotFound() {
        JsonNode body = refused(ledger.evaluate(HARDWARE_VERIFIER, "verification:verify", "nonsense", "0".repeat(64)),
                "INVALID_FIELD");
        assertThat(body.get("violations").findValuesAsText("field")).containsExactly("recordId");
        refused(ledger.evaluate(HARDWARE_VERIFIER, "verification:verify", "CollegeMSP:x", "not-a-hash"), "INVALID_FIELD");
    }

    @Test
    void verificationNeedsACreditBankRole() {
        refused(ledger.evaluate(COLLEGE_NO_ROLE, "verification:verify", "CollegeMSP:x", "0".repeat(64)), "ROLE_NOT_ALLOWED");
    }
}
