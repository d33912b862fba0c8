package org.creditbank.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.creditbank.chaincode.testing.Drafts;
import org.creditbank.chaincode.testing.InMemoryLedger;
import org.creditbank.chaincode.testing.TestIdentity;
import org.creditbank.credentials.TestInstitution;
import org.creditbank.credentials.TrustBundle;
import org.creditbank.gateway.TestGateway.Reply;
import org.creditbank.gateway.auth.TokenRole;
import org.creditbank.model.json.CanonicalJson;

/**
 * Two schools on one in-process ledger, each with its own gateway and issuer key certified by its
 * own organisation CA (made for this run by Bouncy Castle, never stored). Both gateways trust both
 * CAs, as a channel's trust bundle would. The gateways' clock starts a few hours after the ledger's.
 */
final class CredentialNetwork implements AutoCloseable {

    static final Instant START = Instant.parse("2026-09-01T12:00:00Z");

    final InMemoryLedger chain = new InMemoryLedger();
    final TestClock clock = new TestClock(START);
    final TestInstitution collegeOrg;
    final TestInstitution universityOrg;
    final TestGateway college;
    final TestGateway university;
    final String collegeRegistrar;
    final String universityRegistrar;

    CredentialNetwork() throws IOException {
        register(TestIdentity.admin("CollegeMSP"), "广州五金职业技术学院", "Guangzhou Hardware Vocational College");
        register(TestIdentity.admin("UniversityMSP"), "应用技术大学", null);
        int collegePort = TestGateway.freePort();
        int universityPort = TestGateway.freePort();
        collegeOrg = TestInstitution.create("CollegeMSP", "广州五金职业技术学院", "college.example",
                TestGateway.baseUrl(collegePort) + "/api/v1/status-lists");
        universityOrg = TestInstitution.create("UniversityMSP", "应用技术大学", "university.example",
                TestGateway.baseUrl(universityPort) + "/api/v1/status-lists");
        // Each admin registers its institution's Ed25519 key, as the network scripts do.
        registerKey(TestIdentity.admin("CollegeMSP"), collegeOrg);
        registerKey(TestIdentity.admin("UniversityMSP"), universityOrg);
        TrustBundle trust = new TrustBundle(Map.of("CollegeMSP", List.of(collegeOrg.caCertificate),
                "UniversityMSP", List.of(universityOrg.caCertificate)));
        college = new TestGateway(wallet("CollegeMSP"), "CollegeMSP", "gateway", collegePort, collegeOrg.identity,
                trust, clock);
        university = new TestGateway(wallet("UniversityMSP"), "UniversityMSP", "gateway", universityPort,
                universityOrg.identity, trust, clock);
        collegeRegistrar = college.token(TokenRole.REGISTRAR, "registrar1", null);
        universityRegistrar = university.token(TokenRole.REGISTRAR, "registrar1", null);
    }

    private InProcessLedger wallet(String mspId) {
        return new InProcessLedger(chain)
                .enroll("registrar1", TestIdentity.withRole(mspId, "registrar1", "registrar"))
                .enroll("gateway", TestIdentity.withRole(mspId, "gateway", "verifier"));
    }

    /** Registers an institution profile; {@code englishName} is optional, as on the ledger. */
    private void register(TestIdentity admin, String name, String englishName) {
        Map<String, String> profile = new HashMap<>(Map.of("name", name, "type", "SCHOOL"));
        if (englishName != null) {
            profile.put("englishName", englishName);
        }
        assertThat(chain.submit(admin, "institution:register", CanonicalJson.toJson(profile)).ok()).isTrue();
    }

    private void registerKey(TestIdentity admin, TestInstitution org) {
        assertThat(chain.submit(admin, "signingkey:register", org.identity.eddsaKey().publicKeyMultibase()).ok()).isTrue();
    }

    String openAccount() {
        Reply r = college.post("/api/v1/learners", collegeRegistrar, "");
        assertThat(r.status()).isEqualTo(201);
        return r.json().at("/record/accountNo").asText();
    }

    /** A COURSE draft of the college; tests change what they need. */
    static Map<String, Object> course(String localId, String learner) {
        return Drafts.course(localId, learner);
    }

    /** Issues at the college and returns the ledger record. */
    JsonNode issue(Map<String, Object> draft) {
        Reply r = college.post("/api/v1/outcomes", collegeRegistrar, CanonicalJson.toJson(draft));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json().get("record");
    }

    void changeStatus(String id, String change, String reason) {
        Reply r = college.post("/api/v1/outcomes/" + id + "/" + change, collegeRegistrar,
                CanonicalJson.toJson(Map.of("reason", reason)));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
    }

    /** The credential for outcome {@code id}, as its learner downloads it from the college's gateway. */
    String credential(String id, String learner) {
        Reply r = college.get("/api/v1/outcomes/" + id + "/credential", college.token(TokenRole.LEARNER, "gateway", learner));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.text();
    }

    /** What {@code gateway} says about a document. */
    static JsonNode verify(TestGateway gateway, String document) {
        Reply r = gateway.post("/api/v1/credentials/verify", null, document);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json();
    }

    /** The status and reason of one check in a verify answer. */
    static JsonNode check(JsonNode verdict, String check) {
        for (JsonNode c : verdict.get("checks")) {
            if (c.get("check").asText().equals(check)) {
                return c;
            }
        }
        throw new AssertionError("no check " + check + " in " + verdict);
    }

    @Override
    public void close() {
        college.close();
        university.close();
    }
}
