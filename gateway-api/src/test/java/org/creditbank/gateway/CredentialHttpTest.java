package org.creditbank.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creditbank.gateway.CredentialNetwork.check;
import static org.creditbank.gateway.CredentialNetwork.course;
import static org.creditbank.gateway.CredentialNetwork.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.InflaterInputStream;
import org.creditbank.credentials.CredentialIssuer;
import org.creditbank.credentials.CredentialVerifier;
import org.creditbank.credentials.TestInstitution;
import org.creditbank.credentials.VerificationReport;
import org.creditbank.gateway.TestGateway.Reply;
import org.creditbank.gateway.auth.TokenRole;
import org.creditbank.model.json.CanonicalJson;
import org.creditbank.model.outcome.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Credentials issued by a gateway from ledger records and verified by POST /api/v1/credentials/verify:
 * a fresh one verifies anywhere; every kind of forgery, and every change of status on the ledger, is
 * rejected with the reason a person would need.
 */
class CredentialHttpTest {

    private final CredentialNetwork net = new CredentialNetwork();
    private final String learner = net.openAccount();

    CredentialHttpTest() throws IOException {
    }

    @AfterEach
    void stop() {
        net.close();
    }

    private String freshCredential(String localId) {
        JsonNode outcome = net.issue(course(localId, learner));
        return net.credential(outcome.get("id").asText(), learner);
    }

    private static void assertInvalid(JsonNode verdict, String check, String reason) {
        assertThat(verdict.get("verdict").asText()).as(verdict.toString()).isEqualTo("INVALID");
        assertThat(check(verdict, check).get("status").asText()).as(verdict.toString()).isEqualTo("FAILED");
        assertThat(check(verdict, check).get("reason").asText()).contains(reason);
        assertThat(verdict.get("summary").asText()).isNotBlank();
    }

    private static String tamper(String json, Consumer<ObjectNode> change) {
        ObjectNode document = (ObjectNode) CanonicalJson.read(json, JsonNode.class);
        change.accept(document);
        return CanonicalJson.toJson(document);
    }

    /** A skill certificate in force up to and including {@code validUntil}, issued and signed for the learner. */
    private String skillCertificateCredential(String localId, String validUntil) {
        Map<String, Object> certificate = course(localId, learner);
        certificate.put("kind", "SKILL_CERTIFICATE");
        certificate.put("validUntil", validUntil);
        return net.credential(net.issue(certificate).get("id").asText(), learner);
    }

    @Test
    void aFreshCredentialVerifiesAtItsIssuersGatewayAndAtAnyOther() {
        String credential = freshCredential("C-1");

        JsonNode atCollege = verify(net.college, credential);
        assertThat(atCollege.get("verdict").asText()).as(atCollege.toString()).isEqualTo("VALID");
        assertThat(atCollege.get("checks")).filteredOn(c -> !c.get("check").asText().equals("SUSPENSION"))
                .extracting(c -> c.get("status").asText()).containsOnly("PASSED");
        // One status entry, revocation (Open Badges 3.0 allows one): a suspension is the ledger's to say.
        assertThat(check(atCollege, "SUSPENSION").get("status").asText()).isEqualTo("NOT_CHECKED");
        assertThat(check(atCollege, "SUSPENSION").get("reason").asText())
                .contains("Open Badges 3.0 allows one status entry", "only the ledger says", "LEDGER_RECORD");
        // Both proofs of the set, the Ed25519 key checked against the ledger's registration.
        assertThat(atCollege.get("checks").findValuesAsText("check")).containsExactly("WELL_FORMED", "SIGNATURE",
                "ISSUER_TRUSTED", "VALIDITY_PERIOD", "EDDSA_SIGNATURE", "EDDSA_KEY_REGISTERED", "REVOCATION",
                "SUSPENSION", "LEDGER_RECORD");
        assertThat(check(atCollege, "LEDGER_RECORD").get("reason").asText()).contains("CollegeMSP:C-1", "content matches");

        // The university has not got the college's status lists, but asks the ledger, which is the last word.
        JsonNode atUniversity = verify(net.university, credential);
        assertThat(atUniversity.get("verdict").asText()).isEqualTo("VALID");
        assertThat(check(atUniversity, "REVOCATION").get("status").asText()).isEqualTo("NOT_CHECKED");
        assertThat(check(atUniversity, "LEDGER_RECORD").get("status").asText()).isEqualTo("PASSED");
    }

    @Test
    void theIssuerIsNamedAsRegisteredWithItsEnglishNameInBrackets() {
        assertThat(net.chain.submit(org.creditbank.chaincode.testing.TestIdentity.admin("CollegeMSP"),
                "institution:register", CanonicalJson.toJson(Map.of("name", "广州五金职业技术学院",
                        "englishName", "Guangzhou Hardware Vocational College", "type", "SCHOOL"))).ok()).isTrue();
        JsonNode credential = CanonicalJson.read(freshCredential("E-1"), JsonNode.class);
        assertThat(credential.at("/issuer/name").asText())
                .isEqualTo("广州五金职业技术学院 (Guangzhou Hardware Vocational College)");
        assertThat(verify(net.college, CanonicalJson.toJson(credential)).get("verdict").asText()).isEqualTo("VALID");
    }

    @Test
    void theLinkInTheAnswerCarriesTheCredentialAndItsQrCodeIsAnSvg() throws IOException {
        String credential = freshCredential("C-2");
        String link = verify(net.college, credential).get("link").asText();
        assertThat(link).startsWith(net.college.url("/verify?credential="));
        byte[] packed = Base64.getUrlDecoder().decode(link.substring(link.indexOf('=') + 1));
        String unpacked;
        try (InflaterInputStream in = new InflaterInputStream(new ByteArrayInputStream(packed))) {
            unpacked = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(CanonicalJson.read(unpacked, JsonNode.class)).isEqualTo(CanonicalJson.read(credential, JsonNode.class));

        Reply qr = net.college.post("/api/v1/credentials/qr", null, credential);
        assertThat(qr.status()).isEqualTo(200);
        assertThat(qr.contentType()).startsWith("image/svg+xml");
        assertThat(qr.text()).startsWith("<svg").contains("<path");
        Reply notJson = net.college.post("/api/v1/credentials/qr", null, "not json");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.json().get("code").asText()).isEqualTo("MALFORMED_INPUT");
    }

    @Test
    void aChangedFieldSignatureIssuerOrLearnerBreaksTheSignature() {
        String credential = freshCredential("C-3");
        Map<String, Consumer<ObjectNode>> forgeries = Map.of(
                "credits", vc -> ((ObjectNode) vc.get("credentialSubject")).put("creditsEarned", 30),
                "signature", vc -> {
                    // The ecdsa-rdfc-2019 proof of the set.
                    String value = vc.get("proof").get(0).get("proofValue").asText();
                    ((ObjectNode) vc.get("proof").get(0)).put("proofValue", value.substring(0, 10)
                            + (value.charAt(10) == 'A' ? 'B' : 'A') + value.substring(11));
                },
                "issuer", vc -> ((ObjectNode) vc.get("issuer")).put("name", "清华大学"),
                "learner", vc -> ((ObjectNode) vc.get("credentialSubject")).put("id",
                        "urn:creditbank:account:" + net.openAccount()));
        forgeries.forEach((what, change) -> {
            JsonNode verdict = verify(net.college, tamper(credential, change));
            assertInvalid(verdict, "SIGNATURE", "signature");
            assertThat(check(verdict, "LEDGER_RECORD").get("status").asText()).as(what).isEqualTo("NOT_CHECKED");
        });
    }

    @Test
    void revokedAndSuspendedCredentialsAreRejectedWithTheIssuersReason() {
        JsonNode outcome = net.issue(course("C-4", learner));
        String id = outcome.get("id").asText();
        String credential = net.credential(id, learner);

        net.changeStatus(id, "suspend", "复核中 under review");
        JsonNode suspended = verify(net.college, credential);
        // The credential names no suspension list; the ledger says it is suspended, and why.
        assertInvalid(suspended, "LEDGER_RECORD", "复核中 under review");
        assertThat(check(suspended, "SUSPENSION").get("status").asText()).isEqualTo("NOT_CHECKED");
        assertThat(check(suspended, "REVOCATION").get("status").asText()).isEqualTo("PASSED");

        net.changeStatus(id, "reinstate", "review closed");
        assertThat(verify(net.college, credential).get("verdict").asText()).isEqualTo("VALID");

        net.changeStatus(id, "revoke", "成绩录入错误 grade entered wrongly");
        JsonNode revoked = verify(net.college, credential);
        assertInvalid(revoked, "REVOCATION", "revoked by the issuer");
        assertInvalid(revoked, "LEDGER_RECORD", "REVOKED");
        // Elsewhere the ledger alone catches it.
        assertInvalid(verify(net.university, credential), "LEDGER_RECORD", "grade entered wrongly");
    }

    @Test
    void anExpiredCredentialIsRejected() {
        String credential = skillCertificateCredential("C-5", "2026-12-31");
        assertThat(verify(net.college, credential).get("verdict").asText()).isEqualTo("VALID");

        net.clock.advance(Duration.ofDays(180));
        assertInvalid(verify(net.college, credential), "VALIDITY_PERIOD", "expired at 2027-01-01T00:00:00Z");
    }

    @Test
    void onItsLastValidDayACredentialIsValidOnlineAndTheDayAfterTheLedgerAgreesItExpired() {
        String credential = skillCertificateCredential("C-9", "2026-12-31");

        moveBothClocksTo(LocalDate.parse("2026-12-31"));
        JsonNode lastDay = verify(net.college, credential);
        assertThat(lastDay.get("verdict").asText()).as(lastDay.toString()).isEqualTo("VALID");

        moveBothClocksTo(LocalDate.parse("2027-01-01"));
        JsonNode dayAfter = verify(net.college, credential);
        assertInvalid(dayAfter, "VALIDITY_PERIOD", "expired at 2027-01-01T00:00:00Z");
        assertInvalid(dayAfter, "LEDGER_RECORD", "EXPIRED");
    }

    /** Moves the ledger's and the gateways' clocks forward by whole days, to the same UTC date. */
    private void moveBothClocksTo(LocalDate day) {
        net.chain.advanceClock(Duration.ofDays(ChronoUnit.DAYS.between(net.chain.today(), day)));
        LocalDate gatewayDay = net.clock.instant().atOffset(ZoneOffset.UTC).toLocalDate();
        net.clock.advance(Duration.ofDays(ChronoUnit.DAYS.between(gatewayDay, day)));
    }

    @Test
    void aKeyFromAnOrganisationOutsideTheTrustBundleIsRejected() {
        JsonNode outcome = net.issue(course("C-6", learner));
        Outcome record = CanonicalJson.read(CanonicalJson.toJson(outcome), Outcome.class);

        // An organisation that is not on the channel signs a look-alike of its own.
        TestInstitution rogue = TestInstitution.create("RogueMSP", "野鸡大学", "rogue.example");
        Outcome rogueRecord = new Outcome("RogueMSP:C-6", "RogueMSP", record.draft(), record.contentHash(),
                record.awardedAt(), record.awardTxId(), record.status(), null, null, "x");
        String rogueCredential = new CredentialIssuer(rogue.identity, net.clock).issueAchievement(rogueRecord, null, 7);
        assertInvalid(verify(net.college, rogueCredential), "ISSUER_TRUSTED", "RogueMSP is not in the trust bundle");

        // An impostor claims to be the college, with a key its own CA certified.
        TestInstitution impostor = TestInstitution.create("CollegeMSP", "广州五金职业技术学院", "college.example");
        String forged = new CredentialIssuer(impostor.identity, net.clock).issueAchievement(record, null, 7);
        assertInvalid(verify(net.college, forged), "ISSUER_TRUSTED", "does not chain to a CA of CollegeMSP");
    }

    @Test
    void aTranscriptPresentationVerifiesEntryByEntryAndAForeignEntryIsRejected() {
        String first = net.issue(course("T-1", learner)).get("id").asText();
        net.issue(course("T-2", learner));
        String student = net.college.token(TokenRole.LEARNER, "gateway", learner);

        Reply kept = net.college.get("/api/v1/learners/" + learner + "/transcript-credential", student);
        assertThat(kept.status()).as(kept.text()).isEqualTo(200);
        assertThat(kept.json().get("entries")).hasSize(2);
        assertThat(kept.json().at("/credential/credentialSubject/entryCount").asInt()).isEqualTo(2);

        Reply presentation = net.college.get("/api/v1/learners/" + learner + "/transcript-credential?disclose=" + first,
                student);
        assertThat(presentation.status()).as(presentation.text()).isEqualTo(200);
        JsonNode verdict = verify(net.university, presentation.text());
        assertThat(verdict.get("verdict").asText()).as(verdict.toString()).isEqualTo("VALID");
        assertThat(verdict.get("kind").asText()).isEqualTo("transcript");
        assertThat(check(verdict, "DISCLOSED_ENTRIES").get("reason").asText()).contains("1 of 2 entries");
        assertThat(check(verdict, "LEDGER_RECORD").get("reason").asText()).contains(first);
        assertThat(net.college.get("/api/v1/learners/" + learner + "/transcript-credential?disclose=CollegeMSP:none",
                student).status()).isEqualTo(404);

        // An entry with changed content, or one from another transcript, is not in the signed root.
        String inflated = tamper(presentation.text(), p -> ((ObjectNode) p.get("disclosures").get(0).get("entry")
                .get("content").get("draft")).put("credits", 30));
        assertInvalid(verify(net.university, inflated), "DISCLOSED_ENTRIES", "is not in the signed transcript");
        String other = net.college.get("/api/v1/learners/" + learner + "/transcript-credential?disclose=" + first,
                student).text();
        String spliced = tamper(presentation.text(), p -> p.set("transcript",
                CanonicalJson.read(other, JsonNode.class).get("transcript")));
        assertInvalid(verify(net.university, spliced), "DISCLOSED_ENTRIES", "is not in the signed transcript");
    }

    /**
     * A signed transcript holds only what is in force when it is signed: a revoked and a suspended
     * record are left out, and asking to disclose one says why. A record revoked after signing
     * fails LEDGER_RECORD with the issuer's reason at every gateway, its own and another's.
     */
    @Test
    void aTranscriptLeavesOutInactiveRecordsAndOneRevokedAfterSigningFailsOnline() {
        String kept = net.issue(course("T-3", learner)).get("id").asText();
        String revoked = net.issue(course("T-4", learner)).get("id").asText();
        String suspended = net.issue(course("T-5", learner)).get("id").asText();
        net.changeStatus(revoked, "revoke", "成绩录入错误 grade entered wrongly");
        net.changeStatus(suspended, "suspend", "复核中 under review");
        String student = net.college.token(TokenRole.LEARNER, "gateway", learner);
        String path = "/api/v1/learners/" + learner + "/transcript-credential";

        Reply whole = net.college.get(path, student);
        assertThat(whole.status()).as(whole.text()).isEqualTo(200);
        assertThat(whole.json().get("entries").findValuesAsText("recordId")).containsExactly(kept);
        assertThat(whole.json().at("/credential/credentialSubject/entryCount").asInt()).isEqualTo(1);
        for (String inactive : List.of(revoked, suspended)) {
            Reply refused = net.college.get(path + "?disclose=" + inactive, student);
            assertThat(refused.status()).as(refused.text()).isEqualTo(422);
            assertThat(refused.json().get("code").asText()).isEqualTo("CREDENTIAL_NOT_ISSUABLE");
            assertThat(refused.json().get("detail").asText()).contains(inactive, "not in force");
        }

        String presentation = net.college.get(path + "?disclose=" + kept, student).text();
        assertThat(verify(net.university, presentation).get("verdict").asText()).isEqualTo("VALID");
        net.changeStatus(kept, "revoke", "证书作废 certificate withdrawn");
        assertInvalid(verify(net.university, presentation), "LEDGER_RECORD", "certificate withdrawn");
        assertInvalid(verify(net.college, presentation), "LEDGER_RECORD", kept + ": revoked");
    }

    @Test
    void aLearnerWithNothingInForceGetsNoTranscriptCredential() {
        String only = net.issue(course("T-6", learner)).get("id").asText();
        net.changeStatus(only, "revoke", "证书作废");

        Reply refused = net.college.get("/api/v1/learners/" + learner + "/transcript-credential",
                net.college.token(TokenRole.LEARNER, "gateway", learner));

        assertThat(refused.status()).as(refused.text()).isEqualTo(422);
        assertThat(refused.json().get("code").asText()).isEqualTo("CREDENTIAL_NOT_ISSUABLE");
    }

    @Test
    void aRecognitionStandsOnlyWhileEverySourceIsActive() {
        String source = net.issue(course("R-1", learner)).get("id").asText();
        Map<String, Object> request = Map.of("localId", "REC-1", "learner", learner, "sourceOutcomeIds", List.of(source),
                "method", "MANUAL", "target", Map.of("courseCode", "ME210", "title", "数控加工技术"), "credits", 2,
                "justification", "课程内容一致");
        Reply recognised = net.university.post("/api/v1/recognitions", net.universityRegistrar,
                CanonicalJson.toJson(request));
        assertThat(recognised.status()).as(recognised.text()).isEqualTo(201);
        String recognition = recognised.json().at("/record/recognition/id").asText();
        String presentation = net.university.get("/api/v1/learners/" + learner
                + "/transcript-credential?disclose=" + recognition, net.universityRegistrar).text();
        assertThat(verify(net.college, presentation).get("verdict").asText()).isEqualTo("VALID");

        net.changeStatus(source, "revoke", "作弊 misconduct");
        assertInvalid(verify(net.college, presentation), "LEDGER_RECORD", "a source outcome is no longer active");
    }

    @Test
    void onlyTheLearnerOrARegistrarOfTheIssuerGetsACredentialOfAnActiveRecord() {
        String id = net.issue(course("A-1", learner)).get("id").asText();
        String path = "/api/v1/outcomes/" + id + "/credential";
        assertThat(net.college.get(path, net.collegeRegistrar).status()).isEqualTo(200);
        String someoneElse = net.college.token(TokenRole.LEARNER, "gateway", net.openAccount());
        assertThat(net.college.get(path, someoneElse).status()).isEqualTo(404);
        assertThat(net.college.get(path, net.college.token(TokenRole.VERIFIER, "gateway", null)).status()).isEqualTo(403);
        assertThat(net.college.get(path, null).status()).isEqualTo(401);
        // The university's gateway does not sign the college's records.
        Reply foreign = net.university.get(path, net.universityRegistrar);
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.json().get("code").asText()).isEqualTo("ORG_NOT_ALLOWED");

        net.changeStatus(id, "revoke", "duplicate");
        Reply revoked = net.college.get(path, net.collegeRegistrar);
        assertThat(revoked.status()).isEqualTo(422);
        assertThat(revoked.json().get("code").asText()).isEqualTo("CREDENTIAL_NOT_ISSUABLE");
    }

    @Test
    void outsideVerifiersResolveTheKeyAndCheckTheStatusListsOffline() {
        JsonNode outcome = net.issue(course("S-1", learner));
        String credential = net.credential(outcome.get("id").asText(), learner);
        net.changeStatus(outcome.get("id").asText(), "revoke", "grade entered wrongly");

        JsonNode issuer = net.college.get("/.well-known/creditbank/issuer.json", null).json();
        assertThat(issuer.get("mspId").asText()).isEqualTo("CollegeMSP");
        assertThat(issuer.at("/controllerDocument/verificationMethod/0/publicKeyJwk/x5c")).hasSize(1);
        assertThat(issuer.at("/statusLists/revocation").asText())
                .isEqualTo(net.college.url("/api/v1/status-lists/{issuing transaction id}/revocation"));

        // The credential names its list: the revocation list of the transaction that issued the outcome.
        // The suspension list is still served, for credentials issued before, which name it too.
        String lists = "/api/v1/status-lists/" + outcome.get("awardTxId").asText();
        assertThat(CanonicalJson.read(credential, JsonNode.class).at("/credentialStatus/statusListCredential").asText())
                .isEqualTo(net.college.url(lists + "/revocation"));
        assertThat(credential).doesNotContain(lists + "/suspension");
        Reply revocation = net.college.get(lists + "/revocation", null);
        Reply suspension = net.college.get(lists + "/suspension", null);
        assertThat(revocation.status()).isEqualTo(200);
        assertThat(suspension.status()).isEqualTo(200);
        assertThat(suspension.json().at("/credentialSubject/statusPurpose").asText()).isEqualTo("suspension");
        assertThat(revocation.json().at("/credentialSubject/ttl").asLong()).isEqualTo(300_000);
        assertThat(net.college.get(lists + "/expiry", null).status()).isEqualTo(404);
        assertThat(net.college.get("/api/v1/status-lists/no-such-tx/revocation", null).status()).isEqualTo(404);

        // An employer with only the trust bundle and the lists sees the revocation, offline.
        VerificationReport offline = new CredentialVerifier(net.collegeOrg.trustBundle())
                .verify(credential, List.of(revocation.text(), suspension.text()), CredentialNetwork.START);
        assertThat(offline.result(VerificationReport.Check.REVOCATION).orElseThrow().status())
                .isEqualTo(VerificationReport.Status.FAILED);
        assertThat(offline.result(VerificationReport.Check.SUSPENSION).orElseThrow().status())
                .isEqualTo(VerificationReport.Status.NOT_CHECKED);
    }

    @Test
    void outcomesOfOneBatchHaveTheirOwnBitsInTheBatchsList() {
        Reply batch = net.college.post("/api/v1/outcomes/batch", net.collegeRegistrar, CanonicalJson.toJson(
                Map.of("items", List.of(course("B-1", learner), course("B-2", learner), course("B-3", learner)))));
        assertThat(batch.status()).as(batch.text()).isEqualTo(201);
        String second = batch.json().at("/record/1/id").asText();
        String third = batch.json().at("/record/2/id").asText();
        String secondCredential = net.credential(second, learner);
        String thirdCredential = net.credential(third, learner);
        assertThat(CanonicalJson.read(secondCredential, JsonNode.class).at("/credentialStatus/statusListIndex").asText())
                .isEqualTo("1");
        assertThat(CanonicalJson.read(thirdCredential, JsonNode.class).at("/credentialStatus/statusListIndex").asText())
                .isEqualTo("2");

        net.changeStatus(second, "revoke", "wrong learner");

        assertInvalid(verify(net.college, secondCredential), "REVOCATION", "revoked");
        assertThat(verify(net.college, thirdCredential).get("verdict").asText()).isEqualTo("VALID");
    }

    @Test
    void aGatewayWithoutAnIssuerKeySaysSoButStillVerifies() throws IOException {
        String credential = freshCredential("N-1");
        try (TestGateway plain = new TestGateway(new InProcessLedger(net.chain).enroll("gateway",
                org.creditbank.chaincode.testing.TestIdentity.withRole("UniversityMSP", "gateway", "verifier")),
                "UniversityMSP", "gateway", 1 << 20)) {
            Reply list = plain.get("/api/v1/status-lists/tx1/revocation", null);
            assertThat(list.status()).isEqualTo(501);
            assertThat(list.json().get("code").asText()).isEqualTo("CREDENTIALS_NOT_CONFIGURED");
            // It trusts nobody, and says so.
            assertInvalid(verify(plain, credential), "ISSUER_TRUSTED", "not in the trust bundle");
        }
    }

    @Test
    void everyCredentialRouteIsDescribedInTheOpenApiDocument() {
        JsonNode paths = net.college.get("/openapi.json", null).json().get("paths");
        assertThat(paths.has("/api/v1/outcomes/{id}/credential")).isTrue();
        assertThat(paths.has("/api/v1/learners/{accountNo}/transcript-credential")).isTrue();
        assertThat(paths.has("/.well-known/creditbank/issuer.json")).isTrue();
        assertThat(paths.has("/api/v1/status-lists/{listId}/{purpose}")).isTrue();
        assertThat(paths.has("/api/v1/credentials/verify")).isTrue();
        assertThat(paths.has("/api/v1/credentials/qr")).isTrue();
        assertThat(paths.has("/verify")).isTrue();
    }

    @Test
    void somethingThatIsNotACredentialIsInvalidNotAnError() {
        JsonNode verdict = verify(net.college, "this is not json");
        assertInvalid(verdict, "WELL_FORMED", "not JSON");
        assertThat(Instant.parse(verdict.get("checkedAt").asText())).isEqualTo(CredentialNetwork.START);
    }
}
