package org.creditbank.credentials;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Issuer keys whose certificate chain a {@link CredentialVerifier} has already accepted, so that
 * every credential of an issuer does not re-parse the same certificates and run PKIX validation on
 * them again. An entry is keyed by everything the check reads (the organisation, and of the
 * {@code publicKeyJwk} its {@code kty}, {@code crv}, point and {@code x5c} certificates, read as
 * {@link P256Keys} reads them); the verifier's trust bundle is fixed, so the one
 * input left is the time of signing. With revocation off, PKIX uses that time only to check that
 * each certificate of the path is within its validity period, so an entry holds the period all of
 * them share and answers only for times inside it; any other time is validated again. Failures
 * are not kept. Bounded: emptied when full.
 */
final class CertifiedKeys {

    /** What {@code ISSUER_TRUSTED} reports: the CA that certified the key, and when the whole chain was valid. */
    record Certified(String caName, Date notBefore, Date notAfter) {

        static Certified of(List<X509Certificate> chain) {
            Date notBefore = chain.get(0).getNotBefore();
            Date notAfter = chain.get(0).getNotAfter();
            for (X509Certificate certificate : chain) {
                notBefore = certificate.getNotBefore().after(notBefore) ? certificate.getNotBefore() : notBefore;
                notAfter = certificate.getNotAfter().before(notAfter) ? certificate.getNotAfter() : notAfter;
            }
            return new Certified(chain.get(0).getIssuerX500Principal().getName(), notBefore, notAfter);
        }

        /** The same test as {@link X509Certificate#checkValidity(Date)}, for all certificates at once. */
        boolean validAt(Date time) {
            return !time.before(notBefore) && !time.after(notAfter);
        }
    }

    private static final int BOUND = 1024;

    private final Map<String, Certified> accepted = new ConcurrentHashMap<>();

    /** The key of an organisation's JWK: its fields, each prefixed by its length so that no two JWKs share one. */
    static String keyOf(String mspId, JsonNode jwk) {
        StringBuilder key = new StringBuilder(2048);
        field(key, mspId);
        for (String name : List.of("kty", "crv", "x", "y")) {
            field(key, jwk.path(name).asText());
        }
        for (JsonNode certificate : jwk.path("x5c")) {
            field(key, certificate.asText());
        }
        return key.toString();
    }

    /** The accepted chain for this key ({@link #keyOf}), if its certificates were all valid at {@code signedAt}. */
    Certified find(String key, Date signedAt) {
        Certified known = accepted.get(key);
        return known != null && known.validAt(signedAt) ? known : null;
    }

    void accept(String key, Certified certified) {
        if (accepted.size() >= BOUND) {
            accepted.clear();
        }
        accepted.put(key, certified);
    }

    private static void field(StringBuilder key, String value) {
        key.append(value.length()).append(':').append(value);
    }
}
