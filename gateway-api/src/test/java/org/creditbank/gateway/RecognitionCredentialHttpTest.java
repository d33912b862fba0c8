package org.creditbank.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creditbank.gateway.CredentialNetwork.check;
import static org.creditbank.gateway.CredentialNetwork.course;
import static org.creditbank.gateway.CredentialNetwork.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.creditbank.credentials.CredentialVerifier;
import org.creditbank.credentials.TrustBundle;
import org.creditbank.credentials.VerificationReport;
import org.creditbank.gateway.TestGateway.Reply;
import org.creditbank.gateway.auth.TokenRole;
import org.creditbank.model.json.CanonicalJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A recognition as a credential: the university recognises the college's outcomes, the learner
 * downloads the decision signed by the university, and anyone verifying it sees it fail once a
 * source outcome is revoked or suspended at the college.
 */
class RecognitionCredentialHttpTest {

    private final CredentialNetwork net = new CredentialNetwork();
    private final String learner = net.openAccount();
    private final String source = net.issue(course("RC-1", learner)).get("id").asText();
    private final String recognition = recognise("REC-1", source);
    private final String path = "/api/v1/recognitions/" + recognition + "/credential";

    RecognitionCredentialHttpTest() throws IOException {
    }

    @AfterEach
    void stop() {
        net.close();
    }

    private String recognise(String localId, String... sources) {
        Map<String, Object> request = Map.of("localId", localId, "learner", learner, "sourceOutcomeIds", List.of(sources),
                "method", "MANUAL", "target", Map.of("courseCode", "ME210", "title", "数控加工技术"), "credits", 2,
                "justification", "课程内容一致");
        Reply recognised = net.university.post("/api/v1/recognitions", net.universityRegistrar,
                CanonicalJson.toJson(request));
        assertThat(recognised.status()).as(recognised.text()).isEqualTo(201);
        return recognised.json().at("/record/recognition/id").asText();
    }

    private String learnersCredential() {
        Reply r = net.university.get(path, net.university.token(TokenRole.LEARNER, "gateway", learner));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.text();
    }

    private static void assertInvalid(JsonNode verdict, String check, String reason) {
        assertThat(verdict.get("verdict").asText()).as(verdict.toString()).isEqualTo("INVALID");
        assertThat(check(verdict, check).get("status").asText()).as(verdict.toString()).isEqualTo("FAILED");
        assertThat(check(verdict, check).get("reason").asText()).contains(reason);
    }

    @Test
    void theLearnerGetsTheDecisionSignedByTheRecogniserPointingAtTheSource() {
        JsonNode vc = CanonicalJson.read(learnersCredential(), JsonNode.class);
        assertThat(vc.at("/issuer/mspId").asText()).isEqualTo("UniversityMSP");
        assertThat(vc.at("/issuer/name").asText()).isEqualTo("应用技术大学");
        assertThat(vc.at("/credentialSubject/achievement/name").asText()).isEqualTo("数控加工技术");
        assertThat(vc.at("/credentialSubject/creditsEarned").decimalValue()).isEqualByComparingTo("2");
        assertThat(vc.at("/evidence/0/ledgerRecordId").asText()).isEqualTo(recognition);
        JsonNode sourceEvidence = vc.at("/evidence/1");
        assertThat(sourceEvidence.get("sourceRecordId").asText()).isEqualTo(source);
        assertThat(sourceEvidence.get("sourceIssuer").asText()).isEqualTo("CollegeMSP");
        assertThat(sourceEvidence.get("description").asText()).contains("广州五金职业技术学院");
        JsonNode outcome = net.college.get("/api/v1/outcomes/" + source, net.collegeRegistrar).json();
        assertThat(sourceEvidence.get("contentHash").asText()).isEqualTo(outcome.get("contentHash").asText());

        for (TestGateway gateway : List.of(net.university, net.college)) {
            JsonNode verdict = verify(gateway, CanonicalJson.toJson(vc));
            assertThat(verdict.get("verdict").asText()).as(verdict.toString()).isEqualTo("VALID");
            assertThat(check(verdict, "LEDGER_RECORD").get("reason").asText()).contains(recognition,
                    "every source outcome is active");
        }
        // The recogniser's gateway checks the recognition's own status lists.
        assertThat(check(verify(net.university, CanonicalJson.toJson(vc)), "REVOCATION").get("status").asText())
                .isEqualTo("PASSED");
    }

    @Test
    void onceASourceIsRevokedAtTheCollegeTheRecognitionCredentialFailsEverywhere() {
        String credential = learnersCredential();
        net.changeStatus(source, "revoke", "作弊 misconduct");

        JsonNode atUniversity = verify(net.university, credential);
        assertInvalid(atUniversity, "REVOCATION", "revoked");
        assertInvalid(atUniversity, "LEDGER_RECORD", "a source outcome is no longer active: " + source + " is REVOKED");
        assertInvalid(verify(net.college, credential), "LEDGER_RECORD", "a source outcome is no longer active");

        // An outsider with the trust bundle and the recognition's lists sees it offline too.
        String lists = "/api/v1/status-lists/" + recognition;
        Reply revocation = net.university.get(lists + "/revocation", null);
        Reply suspension = net.university.get(lists + "/suspension", null);
        assertThat(revocation.status()).as(revocation.text()).isEqualTo(200);
        VerificationReport offline = new CredentialVerifier(new TrustBundle(Map.of("UniversityMSP",
                List.of(net.universityOrg.caCertificate)))).verify(credential,
                List.of(revocation.text(), suspension.text()), CredentialNetwork.START);
        assertThat(offline.result(VerificationReport.Check.REVOCATION).orElseThrow().status())
                .isEqualTo(VerificationReport.Status.FAILED);

        // And no new credential is signed for it.
        Reply refused = net.university.get(path, net.universityRegistrar);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("code").asText()).isEqualTo("CREDENTIAL_NOT_ISSUABLE");
        assertThat(refused.json().get("detail").asText()).contains("REVOKED", source);
    }

    @Test
    void aSuspendedSourceSuspendsTheRecognitionCredentialUntilItIsReinstated() {
        String credential = learnersCredential();
        net.changeStatus(source, "suspend", "核查中");
        JsonNode suspended = verify(net.university, credential);
        assertInvalid(suspended, "LEDGER_RECORD", source + " is SUSPENDED");
        assertThat(check(suspended, "REVOCATION").get("status").asText()).isEqualTo("PASSED");

        net.changeStatus(source, "reinstate", "核查完毕");
        assertThat(verify(net.university, credential).get("verdict").asText()).isEqualTo("VALID");
    }

    @Test
    void onlyTheLearnerOrARegistrarOfTheRecogniserGetsIt() {
        assertThat(net.university.get(path, net.universityRegistrar).status()).isEqualTo(200);
        String someoneElse = net.university.token(TokenRole.LEARNER, "gateway", net.openAccount());
        Reply notTheirs = net.university.get(path, someoneElse);
        assertThat(notTheirs.status()).isEqualTo(404);
        Reply absent = net.university.get("/api/v1/recognitions/UniversityMSP:rec:NOPE/credential", net.universityRegistrar);
        assertThat(absent.status()).isEqualTo(404);
        // A learner cannot tell someone else's recognition from one that does not exist.
        assertThat(notTheirs.json().get("code").asText()).isEqualTo(absent.json().get("code").asText());
        assertThat(net.university.get(path, net.university.token(TokenRole.VERIFIER, "gateway", null)).status())
                .isEqualTo(403);
        assertThat(net.university.get(path, null).status()).isEqualTo(401);
        // The college's gateway does not sign the university's decisions.
        Reply foreign = net.college.get(path, net.collegeRegistrar);
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.json().get("code").asText()).isEqualTo("ORG_NOT_ALLOWED");
        // Nor does it publish lists for them.
        assertThat(net.college.get("/api/v1/status-lists/" + recognition + "/revocation", null).status()).isEqualTo(404);
        assertThat(net.university.get("/api/v1/status-lists/UniversityMSP:rec:NOPE/revocation", null).status())
                .isEqualTo(404);
    }

    @Test
    void theRouteIsDescribedInTheOpenApiDocument() {
        JsonNode paths = net.university.get("/openapi.json", null).json().get("paths");
        assertThat(paths.has("/api/v1/recognitions/{id}/credential")).isTrue();
    }
}
