package org.creditbank.credentials;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.InvalidKeyException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.jcajce.provider.asymmetric.util.ECUtil;

/**
 * Issuer public keys ready for Bouncy Castle's ECDSA verifier, one per JWK point, shared by every
 * credential that key signed. Decoding and validating the point was most of the cost of a
 * signature check, and a reused point also keeps the precomputed multiples Bouncy Castle attaches
 * to it (verification takes about a third of the time with them). Only keys that
 * {@link P256Keys#fromJwk} accepted are kept; the map is emptied when it reaches its bound, since
 * a verifier sees few issuer keys.
 */
final class VerificationKeys {

    private static final int BOUND = 1024;
    private static final Map<String, ECPublicKeyParameters> BY_POINT = new ConcurrentHashMap<>();

    private VerificationKeys() {
    }

    /** The key of a {@code publicKeyJwk}; throws {@link CredentialException} (KEY) as {@link P256Keys#fromJwk} does. */
    static ECPublicKeyParameters of(JsonNode jwk) {
        if (!"EC".equals(jwk.path("kty").asText()) || !"P-256".equals(jwk.path("crv").asText())) {
            throw new CredentialException(CredentialException.Code.KEY, "publicKeyJwk is not an EC P-256 key", null);
        }
        String point = jwk.path("x").asText() + "." + jwk.path("y").asText();
        ECPublicKeyParameters known = BY_POINT.get(point);
        if (known != null) {
            return known;
        }
        ECPublicKeyParameters key;
        try {
            key = (ECPublicKeyParameters) ECUtil.generatePublicKeyParameter(P256Keys.fromJwk(jwk));
        } catch (InvalidKeyException e) {
            throw new CredentialException(CredentialException.Code.KEY, "unusable public key", e);
        }
        if (BY_POINT.size() >= BOUND) {
            BY_POINT.clear();
        }
        BY_POINT.put(point, key);
        return key;
    }
}
