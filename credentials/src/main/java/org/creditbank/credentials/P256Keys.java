package org.creditbank.credentials;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.nist.NISTNamedCurves;

/**
 * P-256 public keys as JSON Web Keys with their X.509 chain in {@code x5c} (RFC 7517): the form
 * of an issuer's verification method, so a verifier gets the key and the certificate that ties it
 * to an institution's CA in one object, and a standard W3C verifier can use it as a
 * {@code JsonWebKey} verification method.
 */
final class P256Keys {

    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64URL_DECODE = Base64.getUrlDecoder();
    private static final int COORDINATE_BYTES = 32;

    private P256Keys() {
    }

    /** Fails unless {@code key} is on P-256, the curve ecdsa-rdfc-2019 is used with here. */
    static void requireP256(ECKey key) {
        if (key.getParams().getCurve().getField().getFieldSize() != 256
                || !key.getParams().getOrder().equals(p256Order())) {
            throw new CredentialException(CredentialException.Code.KEY, "the key is not a P-256 key", null);
        }
    }

    /** Whether {@code publicKey} is the public half of {@code privateKey} (Q = d·G). */
    static boolean isPair(ECPrivateKey privateKey, ECPublicKey publicKey) {
        ECPoint expected = publicKey.getW();
        var q = NISTNamedCurves.getByName("P-256").getG().multiply(privateKey.getS()).normalize();
        return q.getAffineXCoord().toBigInteger().equals(expected.getAffineX())
                && q.getAffineYCoord().toBigInteger().equals(expected.getAffineY());
    }

    static ObjectNode toJwk(ECPublicKey key, List<X509Certificate> chain) {
        requireP256(key);
        ObjectNode jwk = JsonNodeFactory.instance.objectNode();
        jwk.put("kty", "EC");
        jwk.put("crv", "P-256");
        jwk.put("x", B64URL.encodeToString(fixed(key.getW().getAffineX())));
        jwk.put("y", B64URL.encodeToString(fixed(key.getW().getAffineY())));
        var x5c = jwk.putArray("x5c");
        try {
            for (X509Certificate cert : chain) {
                x5c.add(Base64.getEncoder().encodeToString(cert.getEncoded()));
            }
        } catch (GeneralSecurityException e) {
            throw new CredentialException(CredentialException.Code.KEY, "cannot encode the issuer certificate", e);
        }
        return jwk;
    }

    static ECPublicKey fromJwk(JsonNode jwk) {
        if (!"EC".equals(jwk.path("kty").asText()) || !"P-256".equals(jwk.path("crv").asText())) {
            throw new CredentialException(CredentialException.Code.KEY, "publicKeyJwk is not an EC P-256 key", null);
        }
        try {
            BigInteger x = new BigInteger(1, B64URL_DECODE.decode(jwk.path("x").asText()));
            BigInteger y = new BigInteger(1, B64URL_DECODE.decode(jwk.path("y").asText()));
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            ECParameterSpec p256 = parameters.getParameterSpec(ECParameterSpec.class);
            return (ECPublicKey) KeyFactory.getInstance("EC")
                    .generatePublic(new ECPublicKeySpec(new ECPoint(x, y), p256));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new CredentialException(CredentialException.Code.KEY, "publicKeyJwk is not a valid P-256 point", e);
        }
    }

    /** The {@code x5c} certificates of a JWK, leaf first. */
    static List<X509Certificate> chain(JsonNode jwk) {
        List<X509Certificate> chain = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (JsonNode der : jwk.path("x5c")) {
                chain.add((X509Certificate) factory.generateCertificate(
                        new ByteArrayInputStream(Base64.getDecoder().decode(der.asText()))));
            }
        } catch (CertificateException | IllegalArgumentException e) {
            throw new CredentialException(CredentialException.Code.KEY, "x5c holds an unreadable certificate", e);
        }
        return chain;
    }

    private static byte[] fixed(BigInteger coordinate) {
        byte[] raw = coordinate.toByteArray();
        byte[] out = new byte[COORDINATE_BYTES];
        int copy = Math.min(raw.length, COORDINATE_BYTES);
        System.arraycopy(raw, raw.length - copy, out, COORDINATE_BYTES - copy, copy);
        return out;
    }

    private static BigInteger p256Order() {
        return NISTNamedCurves.getByName("P-256").getN();
    }
}
