package org.creditbank.gateway.wallet;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.creditbank.credentials.canonical.BundledContexts;
import org.creditbank.gateway.ApiException;
import org.creditbank.model.ErrorCode;
import org.creditbank.model.json.CanonicalJson;

/**
 * This gateway as an OpenID for Verifiable Credential Issuance 1.0 issuer and authorisation server,
 * for the pre-authorised code flow only: a learner's offer carries the code, the wallet exchanges
 * it for an access token, fetches a nonce, and asks for the credential with a key proof
 * ({@link HolderKeyProof}) naming the key the credential is bound to. There is one credential
 * configuration, an Open Badges 3.0 AchievementCredential as {@code ldp_vc} with our proof set.
 * The offer is passed by reference ({@code credential_offer_uri}), so the QR code holds a short
 * link rather than the offer.
 *
 * <p>Errors keep our problem+json shape and code and add OAuth's {@code error} and
 * {@code error_description} members, which is what an OAuth client reads.
 */
public final class Oid4vciIssuer {

    /** The one credential configuration this issuer offers. */
    public static final String CONFIGURATION_ID = "OpenBadgeAchievementCredential";
    public static final String PRE_AUTHORIZED_CODE_GRANT = "urn:ietf:params:oauth:grant-type:pre-authorized_code";

    private final WalletOffers wallet;
    private final Offers offers;

    Oid4vciIssuer(WalletOffers wallet, Offers offers) {
        this.wallet = wallet;
        this.offers = offers;
    }

    /** {@code /.well-known/openid-credential-issuer}: what this issuer issues, and where. */
    public Map<String, Object> issuerMetadata() {
        String name = wallet.issuerName();
        Map<String, Object> configuration = new LinkedHashMap<>();
        configuration.put("format", "ldp_vc");
        configuration.put("credential_definition", Map.of(
                "@context", BundledContexts.CREDITBANK_DOCUMENTS,
                "type", List.of("VerifiableCredential", "AchievementCredential")));
        configuration.put("cryptographic_binding_methods_supported", List.of("did:key", "did:jwk"));
        configuration.put("credential_signing_alg_values_supported", List.of("ecdsa-rdfc-2019", "eddsa-rdfc-2022"));
        configuration.put("proof_types_supported", Map.of("jwt",
                Map.of("proof_signing_alg_values_supported", HolderKeyProof.ALGORITHMS)));
        configuration.put("credential_metadata", Map.of("display", List.of(
                Map.of("name", "学习成果 · " + name, "locale", "zh-CN"),
                Map.of("name", "Learning outcome · " + name, "locale", "en"))));
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("credential_issuer", wallet.issuer());
        metadata.put("credential_endpoint", wallet.issuer() + "/oid4vci/credential");
        metadata.put("nonce_endpoint", wallet.issuer() + "/oid4vci/nonce");
        metadata.put("display", List.of(Map.of("name", name)));
        metadata.put("credential_configurations_supported", Map.of(CONFIGURATION_ID, configuration));
        return metadata;
    }

    /** {@code /.well-known/oauth-authorization-server}: this gateway issues its own access tokens. */
    public Map<String, Object> authorizationServerMetadata() {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("issuer", wallet.issuer());
        metadata.put("token_endpoint", wallet.issuer() + "/oid4vci/token");
        metadata.put("grant_types_supported", List.of(PRE_AUTHORIZED_CODE_GRANT));
        metadata.put("pre-authorized_grant_anonymous_access_supported", true);
        return metadata;
    }

    /** The credential offer the offer link refers to. */
    public Map<String, Object> offer(String offerId) {
        Offers.Offer offer = offers.get(offerId);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("credential_issuer", wallet.issuer());
        document.put("credential_configuration_ids", List.of(CONFIGURATION_ID));
        document.put("grants", Map.of(PRE_AUTHORIZED_CODE_GRANT, Map.of("pre-authorized_code", offer.preAuthorizedCode())));
        return document;
    }

    /** The token endpoint: a pre-authorised code, once, for an access token that lives as long as its offer. */
    public Map<String, Object> token(String grantType, String preAuthorizedCode) {
        if (!PRE_AUTHORIZED_CODE_GRANT.equals(grantType)) {
            throw oauth(new ApiException(ErrorCode.INVALID_FIELD, "grant_type must be " + PRE_AUTHORIZED_CODE_GRANT
                    + "; this issuer has only the pre-authorized code flow"), "unsupported_grant_type");
        }
        Offers.Offer offer;
        try {
            offer = offers.redeemCode(preAuthorizedCode);
        } catch (ApiException e) {
            throw oauth(e, "invalid_grant");
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("access_token", offer.accessToken());
        answer.put("token_type", "Bearer");
        answer.put("expires_in", Math.max(1, Duration.between(offers.now(), offer.expiresAt()).toSeconds()));
        return answer;
    }

    /** The nonce endpoint: a fresh, single-use nonce for a key proof. */
    public Map<String, Object> nonce() {
        return Map.of("c_nonce", offers.newNonce());
    }

    /**
     * The credential endpoint: with the access token of an offer and one key proof, the offered
     * credential bound to the proof's key, as {@code {"credentials":[{"credential":{...}}]}}.
     */
    public String credential(String authorization, String body) {
        String token = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7).trim()
                : null;
        Offers.Offer offer = offers.byAccessToken(token).orElseThrow(() -> oauth(new ApiException(
                ErrorCode.UNAUTHENTICATED, "the access token is unknown, used or expired"), "invalid_token"));
        JsonNode request;
        try {
            request = CanonicalJson.read(body, JsonNode.class);
        } catch (CanonicalJson.MalformedJsonException e) {
            throw oauth(new ApiException(ErrorCode.MALFORMED_INPUT, e.getMessage()), "invalid_credential_request");
        }
        String configuration = request.path("credential_configuration_id").asText(null);
        if (!CONFIGURATION_ID.equals(configuration)) {
            throw oauth(new ApiException(ErrorCode.INVALID_FIELD, "credential_configuration_id must be "
                    + CONFIGURATION_ID + ", not " + configuration), "unknown_credential_configuration");
        }
        String jwt = proofJwt(request);
        String holder;
        try {
            holder = HolderKeyProof.holder(jwt, wallet.issuer(), offers.now(), offers::spendNonce);
        } catch (ApiException e) {
            throw oauth(e, "invalid_proof");
        }
        String credential;
        try {
            credential = wallet.deliver(offer, holder);
        } catch (ApiException e) {
            throw oauth(e, "credential_request_denied");
        }
        return "{\"credentials\":[{\"credential\":" + credential + "}]}";
    }

    /** The one JWT key proof of a request, as {@code proofs.jwt[0]} (1.0) or {@code proof.jwt} (drafts). */
    private static String proofJwt(JsonNode request) {
        JsonNode jwts = request.path("proofs").path("jwt");
        if (jwts.isArray() && jwts.size() == 1 && jwts.get(0).isTextual()) {
            return jwts.get(0).asText();
        }
        JsonNode proof = request.path("proof");
        if (!request.has("proofs") && "jwt".equals(proof.path("proof_type").asText()) && proof.path("jwt").isTextual()) {
            return proof.path("jwt").asText();
        }
        throw oauth(new ApiException(ErrorCode.HOLDER_PROOF_INVALID, "the request must carry exactly one jwt key proof"
                + " (proofs.jwt with one element): this issuer binds every credential to the wallet's key"),
                "invalid_proof");
    }

    /** {@code e} with OAuth's error members; an {@code error} it already names is kept. */
    static ApiException oauth(ApiException e, String error) {
        ApiException named = e.members().containsKey("error") ? e : e.with("error", error);
        return named.with("error_description", e.getMessage());
    }
}
