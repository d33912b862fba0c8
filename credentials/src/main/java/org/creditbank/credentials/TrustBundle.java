package org.creditbank.credentials;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.creditbank.model.json.CanonicalJson;

/**
 * The institutions a verifier trusts: for each Fabric MSP id, the CA certificates of that
 * organisation. A credential is only as trustworthy as this list, so it is an explicit input
 * (a file an employer gets from the credit bank's published channel configuration), never
 * discovered from the credential itself.
 *
 * <pre>{@code {"Org1MSP": ["-----BEGIN CERTIFICATE-----\n...\n-----END CERTIFICATE-----\n"]}}</pre>
 */
public record TrustBundle(Map<String, List<X509Certificate>> caCertificates) {

    public TrustBundle {
        Map<String, List<X509Certificate>> copy = new LinkedHashMap<>();
        caCertificates.forEach((msp, certs) -> copy.put(msp, List.copyOf(certs)));
        caCertificates = Map.copyOf(copy);
    }

    /** The CA certificates of {@code mspId}; empty when the organisation is not trusted. */
    public List<X509Certificate> caCertificatesOf(String mspId) {
        return caCertificates.getOrDefault(mspId, List.of());
    }

    /** Reads the JSON form shown above. */
    public static TrustBundle parse(String json) {
        Map<String, List<String>> pems;
        try {
            pems = CanonicalJson.read(json, new TypeReference<Map<String, List<String>>>() { });
        } catch (CanonicalJson.MalformedJsonException e) {
            throw new CredentialException(CredentialException.Code.MALFORMED, "trust bundle: " + e.getMessage(), e);
        }
        Map<String, List<X509Certificate>> certs = new LinkedHashMap<>();
        pems.forEach((msp, list) -> certs.put(msp, list.stream().map(TrustBundle::certificate).toList()));
        return new TrustBundle(certs);
    }

    /** The JSON form shown above, for publishing a bundle. */
    public String toJson() {
        Map<String, List<String>> pems = new LinkedHashMap<>();
        caCertificates.forEach((msp, list) -> pems.put(msp, list.stream().map(TrustBundle::pem).toList()));
        return CanonicalJson.toJson(pems);
    }

    private static X509Certificate certificate(String pem) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException e) {
            throw new CredentialException(CredentialException.Code.MALFORMED,
                    "trust bundle holds an unreadable certificate", e);
        }
    }

    private static String pem(X509Certificate cert) {
        try {
            List<String> lines = new ArrayList<>();
            lines.add("-----BEGIN CERTIFICATE-----");
            lines.add(Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(cert.getEncoded()));
            lines.add("-----END CERTIFICATE-----");
            return String.join("\n", lines) + "\n";
        } catch (CertificateEncodingException e) {
            throw new CredentialException(CredentialException.Code.KEY, "cannot encode a CA certificate", e);
        }
    }
}
