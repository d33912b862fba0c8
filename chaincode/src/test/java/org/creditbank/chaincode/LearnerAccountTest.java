package org.creditbank.chaincode;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Map;
import org.creditbank.model.learner.AccountNumber;
import org.junit.jupiter.api.Test;

class LearnerAccountTest extends Consortium {

    private static byte[] personal(String account, String name) {
        return json(Map.of("accountNo", account, "name", name, "birthDate", "2005-04-12",
                "nationalId", "440101200504120011", "salt", "0123456789abcdef0123456789abcdef"))
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anAccountOpenedAtOneInstitutionIsUsedByAllOfThem() {
        String account = newLearner();
        JsonNode opened = ok(ledger.evaluate(UNIVERSITY_REGISTRAR, "learner:getAccount", account));
        assertThat(opened.get("openedBy").asText()).isEqualTo(COLLEGE);
        issue(HARDWARE_REGISTRAR, training("T-1", account));
        issue(UNIVERSITY_REGISTRAR, course("U-1", account));
    }

    @Test
    void reopeningIsHarmlessForTheOpenerAndRefusedForOthers() {
        String account = newLearner();
        JsonNode again = ok(ledger.submit(COLLEGE_REGISTRAR, "learner:openAccount", account));
        assertThat(again.get("openedBy").asText()).isEqualTo(COLLEGE);
        JsonNode body = refused(ledger.submit(UNIVERSITY_REGISTRAR, "learner:openAccount", account), "ACCOUNT_EXISTS");
        assertThat(body.get("message").asText()).contains("use it as it is");
    }

    @Test
    void retryingAnOpeningWithTheSameKeyFindsTheSameAccountAndOpensNoOther() {
        String key = "3f2a9c0d-1e4b-4c5d-8e6f-7a8b9c0d1e2f";
        int before = ledger.worldState().size();
        JsonNode first = ok(ledger.submit(COLLEGE_REGISTRAR, "learner:openAccountForKey", key));
        JsonNode again = ok(ledger.submit(COLLEGE_REGISTRAR, "learner:openAccountForKey", key.toUpperCase(Locale.ROOT)));

        assertThat(first.get("accountNo").asText()).isEqualTo(AccountNumber.forOpeningKey(COLLEGE, key));
        assertThat(again).isEqualTo(first);
        assertThat(first.get("openedTxId").asText()).isNotBlank();
        assertThat(ledger.worldState()).hasSize(before + 1);
        assertThat(ledger.worldState().values()).noneMatch(v -> v.contains(key));
        // Another institution's same key is another account, its own.
        JsonNode theirs = ok(ledger.submit(UNIVERSITY_REGISTRAR, "learner:openAccountForKey", key));
        assertThat(theirs.get("accountNo").asText()).isNotEqualTo(first.get("accountNo").asText());
        assertThat(theirs.get("openedBy").asText()).isEqualTo(UNIVERSITY);
    }

    @Test
    void anOpeningKeyMustBeAUuidAndTheAccountItNamesMustNotBeAnotherInstitutions() {
        JsonNode body = refused(ledger.submit(COLLEGE_REGISTRAR, "learner:openAccountForKey", "2024010203"), "INVALID_FIELD");
        assertThat(body.get("violations").findValuesAsText("field")).containsExactly("openingKey");
        refused(ledger.submit(COLLEGE_VERIFIER, "learner:openAccountForKey", "3f2a9c0d-1e4b-4c5d-8e6f-7a8b9c0d1e2f"),
                "ROLE_NOT_ALLOWED");
        String key = "00000000-0000-4000-8000-000000000001";
        ok(ledger.submit(UNIVERSITY_REGISTRAR, "learner:openAccount", AccountNumber.forOpeningKey(COLLEGE, key)));
        refused(ledger.submit(COLLEGE_REGISTRAR, "learner:openAccountForKey", key), "ACCOUNT_EXISTS");
    }

    @Test
    void accountNumbersWithAWrongCheckCharacterAreRefused() {
        String account = AccountNumber.random(new SecureRandom());
        char last = account.charAt(account.length() - 1);
        String typo = account.substring(0, account.length() - 1) + (last == '0' ? '1' : '0');
        JsonNode body = refused(ledger.submit(COLLEGE_REGISTRAR, "learner:openAccount", typo), "INVALID_FIELD");
        assertThat(body.get("violations").findValuesAsText("field")).containsExactly("accountNo");
        refused(ledger.submit(COLLEGE_VERIFIER, "learner:openAccount", account), "ROLE_NOT_ALLOWED");
    }

    @Test
    void personalDataStaysInTheInstitutionsOwnCollectionAndNeverInWorldState() {
        String account = newLearner();
        JsonNode receipt = ok(ledger.submitWithTransient(COLLEGE_REGISTRAR,
                Map.of("personal", personal(account, "李小明")), "learner:putPersonalData"));

        assertThat(receipt.get("collection").asText()).isEqualTo("PII_CollegeMSP");
        assertThat(ledger.privateValue("PII_CollegeMSP", account)).isNotNull();
        assertThat(ledger.worldState().values()).noneMatch(v -> v.contains("李小明") || v.contains("440101"));
        assertThat(ok(ledger.evaluate(COLLEGE_REGISTRAR, "learner:getPersonalData", account)).get("name").asText())
                .isEqualTo("李小明");
        // The university reads only its own collection, which holds nothing about this learner.
        refused(ledger.evaluate(UNIVERSITY_REGISTRAR, "learner:getPersonalData", account), "NOT_FOUND");
        refused(ledger.evaluate(COLLEGE_VERIFIER, "learner:getPersonalData", account), "ROLE_NOT_ALLOWED");
    }

    @Test
    void personalDataMustComeInTheTransientMap() {
        String account = newLearner();
        refused(ledger.submit(COLLEGE_REGISTRAR, "learner:putPersonalData"), "PERSONAL_DATA_REQUIRED");
        String other = AccountNumber.random(new SecureRandom());
        refused(ledger.submitWithTransient(COLLEGE_REGISTRAR, Map.of("personal", personal(other, "王")),
                "learner:putPersonalData"), "ACCOUNT_NOT_FOUND");
        JsonNode body = refused(ledger.submitWithTransient(COLLEGE_REGISTRAR, Map.of("personal",
                json(Map.of("accountNo", account, "name", "王")).getBytes(StandardCharsets.UTF_8)),
                "learner:putPersonalData"), "INVALID_FIELD");
        assertThat(body.get("violations").findValuesAsText("field")).contains("salt");
    }

    @Test
    void aPurgeErasesThePersonalDataWhileTheLearnersRecordsStillVerify() {
        String account = newLearner();
        JsonNode outcome = issue(COLLEGE_REGISTRAR, course("P-1", account));
        ok(ledger.submitWithTransient(COLLEGE_REGISTRAR, Map.of("personal", personal(account, "李小明")),
                "learner:putPersonalData"));

        refused(ledger.submit(UNIVERSITY_REGISTRAR, "learner:purgePersonalData", account), "NOT_FOUND");
        ok(ledger.submit(COLLEGE_REGISTRAR, "learner:purgePersonalData", account));

        assertThat(ledger.privateValue("PII_CollegeMSP", account)).isNull();
        refused(ledger.evaluate(COLLEGE_REGISTRAR, "learner:getPersonalData", account), "NOT_FOUND");
        JsonNode verdict = ok(ledger.evaluate(HARDWARE_VERIFIER, "verification:verify",
                outcome.get("id").asText(), outcome.get("contentHash").asText()));
        assertThat(verdict.get("verdict").asText()).isEqualTo("VALID");
        assertThat(ledger.events().get(ledger.events().size() - 1).name()).isEqualTo("PersonalDataPurged");
    }

    @Test
    void theNameForACredentialIsTheOnlyPersonalDataAReadOnlyIdentityOfTheInstitutionGets() {
        String account = newLearner();
        ok(ledger.submitWithTransient(COLLEGE_REGISTRAR, Map.of("personal", withStudentNumber(account, "李小明", "2024010124")),
                "learner:putPersonalData"));
        JsonNode name = ok(ledger.evaluate(COLLEGE_VERIFIER, "learner:nameOnCredential", account));
        assertThat(name.get("name").asText()).isEqualTo("李小明");
        assertThat(name.has("studentNumber") || name.has("birthDate") || name.has("salt")).isFalse();
        // Another institution holds no name for this learner; after a purge this one holds none either.
        refused(ledger.evaluate(UNIVERSITY_REGISTRAR, "learner:nameOnCredential", account), "NOT_FOUND");
        ok(ledger.submit(COLLEGE_REGISTRAR, "learner:purgePersonalData", account));
        refused(ledger.evaluate(COLLEGE_VERIFIER, "learner:nameOnCredential", account), "NOT_FOUND");
        refused(ledger.evaluate(COLLEGE_VERIFIER, "learner:nameOnCredential", "not-an-account"), "INVALID_FIELD");
    }

    private static byte[] withStudentNumber(String account, String name, String studentNumber) {
        return json(Map.of("accountNo", account, "name", name, "salt", "0123456789abcdef0123456789abcdef",
                "studentNumber", studentNumber)).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aRegistrarFindsTheAccountByTheSchoolsOwnStudentNumberWhichNeverReachesWorldState() {
        String account = newLearner();
        ok(ledger.submitWithTransient(COLLEGE_REGISTRAR, Map.of("personal", withStudentNumber(account, "李小明", "2024010123")),
                "learner:putPersonalData"));
        JsonNode found = ok(ledger.evaluate(COLLEGE_REGISTRAR, "learner:findByStudentNumber", "2024010123"));
        assertThat(found.get("accountNo").asText()).isEqualTo(account);
        assertThat(ledger.worldState().toString()).doesNotContain("2024010123");
        // Another school's number space is its own; a verifier may not look numbers up.
        refused(ledger.evaluate(UNIVERSITY_REGISTRAR, "learner:findByStudentNumber", "2024010123"), "NOT_FOUND");
        refused(ledger.evaluate(COLLEGE_VERIFIER, "learner:findByStudentNumber", "2024010123"), "ROLE_NOT_ALLOWED");
        refused(ledger.evaluate(COLLEGE_REGISTRAR, "learner:findByStudentNumber", "no spaces"), "INVALID_FIELD");
    }

    @Test
    void oneStudentNumberNamesOneAccountAndARenumberingOrPurgeLeavesNoStaleEntry() {
        String account = newLearner();
        String other = newLearner();
        ok(ledger.submitWithTransient(COLLEGE_REGISTRAR, Map.of("personal", withStudentNumber(account, "李小明", "S-1")),
                "learner:putPersonalData"));
        Map<String, String> before = ledger.worldState();
        refused(ledger.submitWithTransient(COLLEGE_REGISTRAR, Map.of("personal", withStudentNumber(other, "王小红", "S-1")),
                "learner:putPersonalData"), "CONFLICT");
        assertThat(ledger.worldState()).isEqualTo(before);

        ok(ledger.submitWithTransient(COLLEGE_REGISTRAR, Map.of("personal", withStudentNumber(account, "李小明", "S-2")),
                "learner:putPersonalData"));
        refused(ledger.evaluate(COLLEGE_REGISTRAR, "learner:findByStudentNumber", "S-1"), "NOT_FOUND");
        assertThat(ok(ledger.evaluate(COLLEGE_REGISTRAR, "learner:findByStudentNumber", "S-2")).get("accountNo").asText())
                .isEqualTo(account);
        // The old number is free again.
        ok(ledger.submitWithTransient(COLLEGE_REGISTRAR, Map.of("personal", withStudentNumber(other, "王小红", "S-1")),
                "learner:putPersonalData"));

        ok(ledger.submit(COLLEGE_REGISTRAR, "learner:purgePersonalData", account));
        refused(ledger.evaluate(COLLEGE_REGISTRAR, "learner:findByStudentNumber", "S-2"), "NOT_FOUND");
    }
}
