package org.creditbank.gateway.wallet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.security.PublicKey;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.Predicate;
import org.creditbank.credentials.CredentialException;
import org.creditbank.credentials.DidAuthentication;
import org.creditbank.credentials.Ed25519Keys;
import org.creditbank.gateway.ApiException;
import org.creditbank.model.ErrorCode;
import org.creditbank.model.key.Ed25519Multikey;

/**
 * An OpenID4VCI key proof (1.0, appendix F.1): a JWT of type {@code openid4vci-proof+jwt} that the
 * wallet signs with the key it wants the credential bound to, for this issuer ({@code aud}), now
 * ({@code iat}) and with a nonce this gateway gave out. Its key, named in the header as an Ed25519
 * {@code did:key} ({@code kid}) or given as a public {@code jwk}, is the holder; a {@code jwk} is
 * named as {@code did:jwk}, so both forms end as a DID the credential's subject can be.
 *
 * <p>Parsing and ES256 are Nimbus JOSE+JWT's; Ed25519 (EdDSA) signatures are checked by
 * {@link Ed25519Keys#verify}, as our own credentials' are, so Nimbus needs no second crypto
 * provider (Tink) for them.
 */
final class HolderKeyProof {

    static final String TYPE = "openid4vci-proof+jwt";
    /** The signing algorithms a wallet may use, as the issuer metadata lists them. */
    static final List<String> ALGORITHMS = List.of(JWSAlgorithm.ES256.getName(), JWSAlgorithm.EdDSA.getName());
    /** How far a proof's {@code iat} may be from this gateway's clock. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    /** Plain Jackson, which keeps an object's members in the order they came (the canonical writer sorts them). */
    private static final ObjectMapper IN_ORDER = new ObjectMapper();

    private HolderKeyProof() {
    }

    /**
     * The holder DID {@code jwt} proves possession of, after checking everything above;
     * HOLDER_PROOF_INVALID, saying which check failed, otherwise. {@code spendNonce} is asked last,
     * so a proof that fails any other check does not use its nonce up.
     */
    static String holder(String jwt, String issuer, Instant now, Predicate<String> spendNonce) {
        SignedJWT proof;
        JWTClaimsSet claims;
        try {
            proof = SignedJWT.parse(jwt);
            claims = proof.getJWTClaimsSet();
        } catch (ParseException | NullPointerException e) {
            throw invalid("the key proof is not a signed JWT: " + e.getMessage());
        }
        JWSHeader header = proof.getHeader();
        if (!new JOSEObjectType(TYPE).equals(header.getType())) {
            throw invalid("the key proof's typ must be " + TYPE + ", not " + header.getType());
        }
        if (!ALGORITHMS.contains(header.getAlgorithm().getName())) {
            throw invalid("the key proof must be signed with one of " + ALGORITHMS + ", not " + header.getAlgorithm());
        }
        if (claims.getAudience() == null || !claims.getAudience().contains(issuer)) {
            throw invalid("the key proof is for " + claims.getAudience() + ", not for this issuer " + issuer);
        }
        Date issuedAt = claims.getIssueTime();
        if (issuedAt == null || Duration.between(issuedAt.toInstant(), now).abs().compareTo(CLOCK_SKEW) > 0) {
            throw invalid("the key proof's iat must be within " + CLOCK_SKEW.toMinutes() + " minutes of " + now);
        }
        Holder holder = holderKey(header);
        if (!verifies(proof, holder)) {
            throw invalid("the key proof's signature does not verify with its own key");
        }
        Object nonce = claims.getClaim("nonce");
        if (!(nonce instanceof String value) || !spendNonce.test(value)) {
            throw new ApiException(ErrorCode.HOLDER_PROOF_INVALID, "the key proof's nonce is missing, used or expired;"
                    + " ask the nonce endpoint for a fresh one").with("error", "invalid_nonce");
        }
        return holder.did();
    }

    /** The key that signed the proof, and the DID it is named by. */
    private record Holder(String did, JWK jwk, PublicKey ed25519) {
    }

    private static Holder holderKey(JWSHeader header) {
        if ((header.getJWK() == null) == (header.getKeyID() == null)) {
            throw invalid("the key proof's header names its key by exactly one of kid (a did:key) and jwk");
        }
        if (header.getKeyID() != null) {
            String kid = header.getKeyID();
            String did = kid.contains("#") ? kid.substring(0, kid.indexOf('#')) : kid;
            if (!DidAuthentication.isEd25519DidKey(did) || !kid.equals(DidAuthentication.methodId(did))) {
                throw invalid("the key proof's kid must be an Ed25519 did:key verification method, not " + kid);
            }
            if (!JWSAlgorithm.EdDSA.equals(header.getAlgorithm())) {
                throw invalid("an Ed25519 did:key signs with EdDSA, not " + header.getAlgorithm());
            }
            return new Holder(did, null, DidAuthentication.ed25519DidKey(did));
        }
        JWK jwk = header.getJWK();
        if (jwk.isPrivate()) {
            throw invalid("the key proof's jwk must be a public key; never send a private key");
        }
        String did = "did:jwk:" + Base64URL.encode(asTheWalletWroteIt(header));
        if (jwk instanceof ECKey ec && Curve.P_256.equals(ec.getCurve()) && JWSAlgorithm.ES256.equals(header.getAlgorithm())) {
            return new Holder(did, jwk, null);
        }
        if (jwk instanceof OctetKeyPair okp && Curve.Ed25519.equals(okp.getCurve())
                && JWSAlgorithm.EdDSA.equals(header.getAlgorithm())) {
            try {
                return new Holder(did, jwk, Ed25519Keys.fromMultikey(Ed25519Multikey.encode(okp.getDecodedX())));
            } catch (CredentialException | IllegalArgumentException e) {
                throw invalid("the key proof's jwk is not an Ed25519 public key: " + e.getMessage());
            }
        }
        throw invalid("the key proof's jwk must be a P-256 key with ES256 or an Ed25519 key with EdDSA");
    }

    /**
     * The header's {@code jwk} as the wallet serialised it (its members in its order): a did:jwk is
     * the base64url of the JWK's JSON, and a wallet recognises a credential as its own by that
     * exact string, which a re-serialisation with another member order would change.
     */
    private static byte[] asTheWalletWroteIt(JWSHeader header) {
        try {
            JsonNode parsed = IN_ORDER.readTree(header.getParsedBase64URL().decode());
            return IN_ORDER.writeValueAsBytes(parsed.path("jwk"));
        } catch (IOException e) {
            throw invalid("the key proof's header is not JSON: " + e.getMessage());
        }
    }

    private static boolean verifies(SignedJWT proof, Holder holder) {
        try {
            if (holder.ed25519() != null) {
                return Ed25519Keys.verify(holder.ed25519(), proof.getSigningInput(), proof.getSignature().decode());
            }
            return proof.verify(new ECDSAVerifier((ECKey) holder.jwk()));
        } catch (JOSEException e) {
            return false;
        }
    }

    private static ApiException invalid(String why) {
        return new ApiException(ErrorCode.HOLDER_PROOF_INVALID, why).with("error", "invalid_proof");
    }
}
