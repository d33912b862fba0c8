package org.creditbank.credentials;

import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Issuer keys whose certificate chain a {@link CredentialVerifier} has already accepted, so that
 * every credential of an issuer does not re-parse the same certificates and run PKIX validation on
 * them again. An entry is keyed by everything the check read (the organisation and the whole
 * {@code publicKeyJwk}: point and {@code x5c}); the verifier's trust bundle is fixed, so the one
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

    /** The accepted chain for {@code mspId} and this JWK text, if its certificates were all valid at {@code signedAt}. */
    Certified find(String mspId, String jwk, Date signedAt) {
        Certified known = accepted.get(mspId + "\n" + jwk);
        return known != null && known.validAt(signedAt) ? known : null;
    }

    void accept(String mspId, String jwk, Certified certified) {
        if (accepted.size() >= BOUND) {
            accepted.clear();
        }
        accepted.put(mspId + "\n" + jwk, certified);
    }
}
