package org.creditbank.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.creditbank.chaincode.testing.InMemoryLedger;
import org.creditbank.chaincode.testing.TestIdentity;
import org.creditbank.credentials.TestInstitution;
import org.creditbank.credentials.TrustBundle;
import org.creditbank.gateway.TestGateway.Reply;
import org.creditbank.gateway.auth.TokenRole;
import org.creditbank.gateway.credential.CredentialService;
import org.creditbank.model.json.CanonicalJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Each institution is its own resolvable {@code did:web}: its gateway serves the DID document at
 * {@code /.well-known/did.json} with the keys it signs with, and its credentials name the
 * institution as the ledger registered it, not by its MSP id.
 */
class DidWebHttpTest {

    private final InMemoryLedger chain = new InMemoryLedger();
    private final int port = TestGateway.freePort();
    /** Configured as a gateway is by default: the issuer's name is only its MSP id. */
    private final TestInstitution college = TestInstitution.create("CollegeMSP", "CollegeMSP",
            "127.0.0.1%3A" + port, TestGateway.baseUrl(port) + "/api/v1/status-lists");
    private final TestClock clock = new TestClock(CredentialNetwork.START);
    private final TestGateway gateway;

    DidWebHttpTest() throws IOException {
        assertThat(chain.submit(TestIdentity.admin("CollegeMSP"), "institution:register",
                CanonicalJson.toJson(Map.of("name", "广州五金职业技术学院", "type", "SCHOOL"))).ok()).isTrue();
        assertThat(chain.submit(TestIdentity.admin("CollegeMSP"), "signingkey:register",
                college.identity.eddsaKey().publicKeyMultibase()).ok()).isTrue();
        gateway = new TestGateway(new InProcessLedger(chain)
                .enroll("registrar1", TestIdentity.withRole("CollegeMSP", "registrar1", "registrar"))
                .enroll("gateway", TestIdentity.withRole("CollegeMSP", "gateway", "verifier")),
                "CollegeMSP", "gateway", port, college.identity,
                new TrustBundle(Map.of("CollegeMSP", List.of(college.caCertificate))), clock);
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    private String credential() {
        return credential("D-1");
    }

    private String credential(String localId) {
        String registrar = gateway.token(TokenRole.REGISTRAR, "registrar1", null);
        String learner = gateway.post("/api/v1/learners", registrar, "").json().at("/record/accountNo").asText();
        Reply issued = gateway.post("/api/v1/outcomes", registrar,
                CanonicalJson.toJson(CredentialNetwork.course(localId, learner)));
        assertThat(issued.status()).as(issued.text()).isEqualTo(201);
        Reply credential = gateway.get("/api/v1/outcomes/" + issued.json().at("/record/id").asText() + "/credential",
                registrar);
        assertThat(credential.status()).as(credential.text()).isEqualTo(200);
        return credential.text();
    }

    @Test
    void theDidDocumentIsServedAtTheWellKnownPathWithBothKeys() {
        Reply did = gateway.get("/.well-known/did.json", null);

        assertThat(did.status()).as(did.text()).isEqualTo(200);
        JsonNode document = did.json();
        assertThat(document.get("id").asText()).isEqualTo("did:web:127.0.0.1%3A" + port);
        assertThat(document.get("verificationMethod").findValuesAsText("type")).containsExactly("JsonWebKey", "Multikey");
        assertThat(document.get("verificationMethod").get(1).get("publicKeyMultibase").asText())
                .isEqualTo(college.identity.eddsaKey().publicKeyMultibase());
        assertThat(document.get("assertionMethod")).extracting(JsonNode::asText).containsExactly(
                college.identity.verificationMethodId(), college.identity.eddsaVerificationMethodId());
    }

    @Test
    void theDidDocumentNamesTheKeysTheCredentialsAreSignedWith() {
        JsonNode credential = CanonicalJson.read(credential(), JsonNode.class);
        JsonNode did = gateway.get("/.well-known/did.json", null).json();

        assertThat(credential.at("/issuer/id").asText()).isEqualTo(did.get("id").asText());
        List<String> assertionMethods = new java.util.ArrayList<>();
        did.get("assertionMethod").forEach(m -> assertionMethods.add(m.asText()));
        assertThat(credential.get("proof").findValuesAsText("verificationMethod"))
                .hasSize(2).containsExactlyElementsOf(assertionMethods);
    }

    @Test
    void onceTheAdminRetiresTheKeyTheGatewaySignsNoEddsaProofWithItAndTheDidDocumentDropsIt() {
        assertThat(CanonicalJson.read(credential("R-1"), JsonNode.class).get("proof")).hasSize(2);
        assertThat(chain.submit(TestIdentity.admin("CollegeMSP"), "signingkey:retire",
                college.identity.eddsaKey().publicKeyMultibase()).ok()).isTrue();
        clock.advance(CredentialService.LEDGER_VIEW_REFRESH.plusSeconds(1));

        JsonNode afterRetirement = CanonicalJson.read(credential("R-2"), JsonNode.class);
        JsonNode did = gateway.get("/.well-known/did.json", null).json();

        assertThat(afterRetirement.get("proof").isObject()).as(afterRetirement.toString()).isTrue();
        assertThat(afterRetirement.at("/proof/cryptosuite").asText()).isEqualTo("ecdsa-rdfc-2019");
        assertThat(did.get("verificationMethod").findValuesAsText("type")).containsExactly("JsonWebKey");
    }

    @Test
    void theIssuerNameIsTheRegisteredNameNotTheMspId() {
        JsonNode credential = CanonicalJson.read(credential(), JsonNode.class);

        assertThat(credential.at("/issuer/name").asText()).isEqualTo("广州五金职业技术学院");
        assertThat(credential.at("/issuer/mspId").asText()).isEqualTo("CollegeMSP");
    }
}
