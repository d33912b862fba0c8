package org.creditbank.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.creditbank.chaincode.testing.InMemoryLedger;
import org.creditbank.chaincode.testing.TestIdentity;
import org.creditbank.credentials.TestInstitution;
import org.creditbank.credentials.TestWallet;
import org.creditbank.credentials.TrustBundle;
import org.creditbank.gateway.TestGateway.Reply;
import org.creditbank.gateway.auth.TokenRole;
import org.creditbank.model.json.CanonicalJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A learner gets a credential into a wallet: opens a one-time offer, and a wallet collects it by
 * OpenID4VCI (pre-authorised code, nonce, JWT key proof) or by a VC-API exchange (DID
 * Authentication); the credential is issued to the key the wallet proved it holds and verifies
 * like any other. Every secret works once and expires; a wallet that gets a step wrong is told
 * why, and can still collect the offer.
 */
class WalletHttpTest {

    private final InMemoryLedger chain = new InMemoryLedger();
    private final int port = TestGateway.freePort();
    private final TestInstitution college = TestInstitution.create("CollegeMSP", "CollegeMSP",
            "127.0.0.1%3A" + port, TestGateway.baseUrl(port) + "/api/v1/status-lists");
    private final TestClock clock = new TestClock(CredentialNetwork.START);
    private final TestGateway gateway;
    private final String registrar;
    private final String learner;
    private final String learnerToken;
    private final String outcomeId;

    WalletHttpTest() throws IOException {
        assertThat(chain.submit(TestIdentity.admin("CollegeMSP"), "institution:register",
                CanonicalJson.toJson(Map.of("name", "广州五金职业技术学院", "type", "SCHOOL"))).ok()).isTrue();
        gateway = new TestGateway(new InProcessLedger(chain)
                .enroll("registrar1", TestIdentity.withRole("CollegeMSP", "registrar1", "registrar"))
                .enroll("gateway", TestIdentity.withRole("CollegeMSP", "gateway", "verifier")),
                "CollegeMSP", "gateway", port, college.identity,
                new TrustBundle(Map.of("CollegeMSP", List.of(college.caCertificate))), clock);
        registrar = gateway.token(TokenRole.REGISTRAR, "registrar1", null);
        learner = gateway.post("/api/v1/learners", registrar, "").json().at("/record/accountNo").asText();
        learnerToken = gateway.token(TokenRole.LEARNER, "gateway", learner);
        Reply issued = gateway.post("/api/v1/outcomes", registrar,
                CanonicalJson.toJson(CredentialNetwork.course("W-1", learner)));
        assertThat(issued.status()).as(issued.text()).isEqualTo(201);
        outcomeId = issued.json().at("/record/id").asText();
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    private JsonNode openOffer() {
        Reply offer = gateway.post("/api/v1/outcomes/" + outcomeId + "/wallet-offers", learnerToken, "");
        assertThat(offer.status()).as(offer.text()).isEqualTo(201);
        return offer.json();
    }

    /** The path of the offer document the OpenID4VCI link refers to. */
    private String offerPath(JsonNode offer) {
        String link = offer.path("credentialOffer").asText();
        assertThat(link).startsWith("openid-credential-offer://?credential_offer_uri=");
        String uri = URLDecoder.decode(link.substring(link.indexOf('=') + 1), StandardCharsets.UTF_8);
        assertThat(uri).startsWith(gateway.url("/oid4vci/offers/"));
        return uri.substring(gateway.url("").length());
    }

    private Reply token(String code) {
        return gateway.post("/oid4vci/token", null, "grant_type=" + "urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Apre-authorized_code"
                + "&pre-authorized_code=" + code, "application/x-www-form-urlencoded");
    }

    private String preAuthorizedCode(JsonNode offer) {
        Reply document = gateway.get(offerPath(offer), null);
        assertThat(document.status()).as(document.text()).isEqualTo(200);
        return document.json().path("grants").path("urn:ietf:params:oauth:grant-type:pre-authorized_code")
                .path("pre-authorized_code").asText();
    }

    private String nonce() {
        return gateway.post("/oid4vci/nonce", null, "").json().path("c_nonce").asText();
    }

    private static String keyProof(ECKey key, String audience, Date issuedAt, String nonce) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType(
                "openid4vci-proof+jwt")).jwk(key.toPublicJWK()).build(),
                new JWTClaimsSet.Builder().audience(audience).issueTime(issuedAt).claim("nonce", nonce).build());
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }

    private Reply credentialRequest(String accessToken, String proof) {
        return gateway.post("/oid4vci/credential", null, CanonicalJson.toJson(Map.of(
                "credential_configuration_id", "OpenBadgeAchievementCredential", "proofs", Map.of("jwt", List.of(proof)))),
                Map.of("Authorization", "Bearer " + accessToken));
    }

    @Test
    void aWalletCollectsTheOfferByOpenId4VciAndTheCredentialIsBoundToItsKey() throws Exception {
        JsonNode offer = openOffer();
        JsonNode metadata = gateway.get("/.well-known/openid-credential-issuer", null).json();
        assertThat(metadata.path("credential_issuer").asText()).isEqualTo(gateway.url(""));
        Reply token = token(preAuthorizedCode(offer));
        assertThat(token.status()).as(token.text()).isEqualTo(200);
        ECKey wallet = new ECKeyGenerator(Curve.P_256).generate();

        Reply credential = credentialRequest(token.json().path("access_token").asText(),
                keyProof(wallet, gateway.url(""), Date.from(clock.instant()), nonce()));

        assertThat(credential.status()).as(credential.text()).isEqualTo(200);
        JsonNode vc = credential.json().path("credentials").path(0).path("credential");
        assertThat(vc.at("/credentialSubject/id").asText()).startsWith("did:jwk:");
        assertThat(vc.at("/credentialSubject/identifier/0/identityHash").asText()).isEqualTo(learner);
        Reply verdict = gateway.post("/api/v1/credentials/verify", null, CanonicalJson.toJson(vc));
        assertThat(verdict.json().path("verdict").asText()).as(verdict.text()).isEqualTo("VALID");
    }

    @Test
    void theNameIsOnTheWalletsCredentialOnlyWhenTheLearnerAsksAndAnErasedNameIsNoOffer() throws Exception {
        String personalData = "/api/v1/learners/" + learner + "/personal-data";
        assertThat(gateway.post(personalData, registrar, CanonicalJson.toJson(Map.of("name", "李小明"))).status())
                .isEqualTo(201);
        ECKey wallet = new ECKeyGenerator(Curve.P_256).generate();

        Reply named = gateway.post("/api/v1/outcomes/" + outcomeId + "/wallet-offers?withName=true", learnerToken, "");
        assertThat(named.status()).as(named.text()).isEqualTo(201);
        JsonNode vc = collect(named.json(), wallet);
        assertThat(vc.at("/credentialSubject/name").asText()).isEqualTo("李小明");
        assertThat(vc.at("/credentialSubject/id").asText()).startsWith("did:jwk:");
        assertThat(gateway.post("/api/v1/credentials/verify", null, CanonicalJson.toJson(vc)).json().path("verdict")
                .asText()).isEqualTo("VALID");
        assertThat(collect(openOffer(), wallet).at("/credentialSubject/name").isMissingNode()).as("unasked, no name").isTrue();
        assertThat(gateway.post("/api/v1/outcomes/" + outcomeId + "/wallet-offers?withName=maybe", learnerToken, "")
                .json().path("code").asText()).isEqualTo("INVALID_FIELD");

        assertThat(gateway.post(personalData + "/purge", registrar, "").status()).isEqualTo(201);
        Reply erased = gateway.post("/api/v1/outcomes/" + outcomeId + "/wallet-offers?withName=true", learnerToken, "");
        assertThat(erased.status()).as(erased.text()).isEqualTo(404);
        assertThat(erased.json().path("code").asText()).isEqualTo("NOT_FOUND");
    }

    /** The credential a wallet holding {@code key} collects for {@code offer} by OpenID4VCI. */
    private JsonNode collect(JsonNode offer, ECKey key) throws Exception {
        String accessToken = token(preAuthorizedCode(offer)).json().path("access_token").asText();
        Reply credential = credentialRequest(accessToken, keyProof(key, gateway.url(""), Date.from(clock.instant()), nonce()));
        assertThat(credential.status()).as(credential.text()).isEqualTo(200);
        return credential.json().path("credentials").path(0).path("credential");
    }

    @Test
    void aPreAuthorizedCodeWorksOnceAndAnOfferIsCollectedOnce() throws Exception {
        JsonNode offer = openOffer();
        String code = preAuthorizedCode(offer);
        String accessToken = token(code).json().path("access_token").asText();

        Reply again = token(code);
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().path("code").asText()).isEqualTo("OFFER_NOT_VALID");
        assertThat(again.json().path("error").asText()).isEqualTo("invalid_grant");

        ECKey wallet = new ECKeyGenerator(Curve.P_256).generate();
        assertThat(credentialRequest(accessToken, keyProof(wallet, gateway.url(""), Date.from(clock.instant()), nonce()))
                .status()).isEqualTo(200);
        Reply twice = credentialRequest(accessToken, keyProof(wallet, gateway.url(""), Date.from(clock.instant()), nonce()));
        assertThat(twice.status()).isEqualTo(401);
        assertThat(twice.json().path("error").asText()).isEqualTo("invalid_token");
        assertThat(gateway.get(offerPath(offer), null).json().path("code").asText()).isEqualTo("OFFER_NOT_VALID");
    }

    @Test
    void aKeyProofForAnotherIssuerOrWithAUsedNonceIsRefusedAndTheOfferStaysCollectable() throws Exception {
        String accessToken = token(preAuthorizedCode(openOffer())).json().path("access_token").asText();
        ECKey wallet = new ECKeyGenerator(Curve.P_256).generate();
        String nonce = nonce();

        Reply elsewhere = credentialRequest(accessToken, keyProof(wallet, "https://elsewhere.example", Date.from(
                clock.instant()), nonce));
        assertThat(elsewhere.status()).isEqualTo(400);
        assertThat(elsewhere.json().path("code").asText()).isEqualTo("HOLDER_PROOF_INVALID");
        assertThat(elsewhere.json().path("error").asText()).isEqualTo("invalid_proof");

        assertThat(credentialRequest(accessToken, keyProof(wallet, gateway.url(""), Date.from(clock.instant()), nonce))
                .status()).as("the refused proof did not use its nonce up").isEqualTo(200);
    }

    @Test
    void aNonceWorksOnce() throws Exception {
        ECKey wallet = new ECKeyGenerator(Curve.P_256).generate();
        String nonce = nonce();
        String first = token(preAuthorizedCode(openOffer())).json().path("access_token").asText();
        String second = token(preAuthorizedCode(openOffer())).json().path("access_token").asText();
        assertThat(credentialRequest(first, keyProof(wallet, gateway.url(""), Date.from(clock.instant()), nonce))
                .status()).isEqualTo(200);

        Reply replayed = credentialRequest(second, keyProof(wallet, gateway.url(""), Date.from(clock.instant()), nonce));

        assertThat(replayed.status()).isEqualTo(400);
        assertThat(replayed.json().path("error").asText()).isEqualTo("invalid_nonce");
    }

    @Test
    void aTokenRequestThatIsNotAFormIsRefusedAsSuch() {
        for (String type : List.of("multipart/form-data", "application/json")) {
            Reply refused = gateway.post("/oid4vci/token", null, "grant_type=x", type);

            assertThat(refused.status()).as(type + ": " + refused.text()).isEqualTo(400);
            assertThat(refused.json().path("error").asText()).isEqualTo("invalid_request");
        }
    }

    @Test
    void anOfferExpiresAfterTenMinutes() {
        JsonNode offer = openOffer();
        String code = preAuthorizedCode(offer);
        clock.advance(Duration.ofMinutes(10).plusSeconds(1));

        Reply late = token(code);

        assertThat(late.status()).isEqualTo(400);
        assertThat(late.json().path("code").asText()).isEqualTo("OFFER_NOT_VALID");
    }

    @Test
    void aWalletCollectsTheOfferByVcApiExchangeWithDidAuthentication() {
        JsonNode offer = openOffer();
        String exchange = offer.path("exchange").asText().substring(gateway.url("").length());
        JsonNode protocols = gateway.get(offer.path("interactionUrl").asText().substring(gateway.url("").length()), null)
                .json();
        assertThat(protocols.at("/protocols/vcapi").asText()).isEqualTo(offer.path("exchange").asText());
        assertThat(offer.path("learnerCredentialWallet").asText()).startsWith("https://lcw.app/request.html?request=");

        JsonNode request = gateway.post(exchange, null, "{}").json().path("verifiablePresentationRequest");
        assertThat(request.at("/query/0/type").asText()).isEqualTo("DIDAuthentication");
        TestWallet wallet = new TestWallet();
        JsonNode presentation = wallet.authenticate(request.path("challenge").asText(), request.path("domain").asText(),
                clock.instant());

        Reply delivered = gateway.post(exchange, null, CanonicalJson.toJson(Map.of("verifiablePresentation", presentation)));

        assertThat(delivered.status()).as(delivered.text()).isEqualTo(200);
        JsonNode vc = delivered.json().at("/verifiablePresentation/verifiableCredential/0");
        assertThat(vc.at("/credentialSubject/id").asText()).isEqualTo(wallet.did);
        Reply verdict = gateway.post("/api/v1/credentials/verify", null, CanonicalJson.toJson(vc));
        assertThat(verdict.json().path("verdict").asText()).as(verdict.text()).isEqualTo("VALID");
        Reply again = gateway.post(exchange, null, CanonicalJson.toJson(Map.of("verifiablePresentation", presentation)));
        assertThat(again.json().path("code").asText()).isEqualTo("OFFER_NOT_VALID");
    }

    @Test
    void aDidAuthenticationForAnotherChallengeIsRefused() {
        JsonNode offer = openOffer();
        String exchange = offer.path("exchange").asText().substring(gateway.url("").length());
        JsonNode request = gateway.post(exchange, null, "{}").json().path("verifiablePresentationRequest");

        Reply refused = gateway.post(exchange, null, CanonicalJson.toJson(Map.of("verifiablePresentation",
                new TestWallet().authenticate("another-challenge", request.path("domain").asText(), clock.instant()))));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("code").asText()).isEqualTo("HOLDER_PROOF_INVALID");
        assertThat(refused.json().path("detail").asText()).contains("challenge");
    }

    @Test
    void aLearnerCannotOfferAnotherLearnersRecord() {
        String other = gateway.post("/api/v1/learners", registrar, "").json().at("/record/accountNo").asText();
        String otherToken = gateway.token(TokenRole.LEARNER, "gateway", other);

        Reply refused = gateway.post("/api/v1/outcomes/" + outcomeId + "/wallet-offers", otherToken, "");

        assertThat(refused.status()).isEqualTo(404);
    }
}
