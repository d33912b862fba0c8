package org.creditbank.credentials;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.creditbank.model.institution.SigningKey;
import org.creditbank.model.json.CanonicalJson;
import org.creditbank.model.key.Ed25519Multikey;

/**
 * The institutions a verifier trusts: for each Fabric MSP id, the CA certificates of that
 * organisation and the Ed25519 signing keys its admin registered on the ledger (with when each was
 * in force). A credential is only as trustworthy as this list, so it is an explicit input (a file
 * an employer gets from the credit bank's published channel configuration and ledger), never
 * discovered from the credential itself.
 *
 * <pre>{@code
 * {"Org1MSP": ["-----BEGIN CERTIFICATE-----\n...\n-----END CERTIFICATE-----\n"],
 *  "Org2MSP": {"caCertificates": ["-----BEGIN CERTIFICATE-----\n..."],
 *              "signingKeys": [{"mspId": "Org2MSP", "publicKeyMultibase": "z6Mk...",
 *                               "registeredAt": "2026-09-01T12:00:00Z", "retiredAt": null}]}}
 * }</pre>
 * The first form (certificates only) is what bundles looked like before Ed25519 keys; it is still
 * read, and written for an organisation without registered keys.
 */
public record TrustBundle(Map<String, List<X509Certificate>> caCertificates,
                          Map<String, List<SigningKey>> signingKeys) {

    public TrustBundle {
        Map<String, List<X509Certificate>> copy = new LinkedHashMap<>();
        caCertificates.forEach((msp, certs) -> copy.put(msp, List.copyOf(certs)));
        caCertificates = Map.copyOf(copy);
        Map<String, List<SigningKey>> keys = new LinkedHashMap<>();
        signingKeys.forEach((msp, list) -> keys.put(msp, List.copyOf(list)));
        signingKeys = Map.copyOf(keys);
    }

    /** A bundle of CA certificates only: no Ed25519 key is known to be registered. */
    public TrustBundle(Map<String, List<X509Certificate>> caCertificates) {
        this(caCertificates, Map.of());
    }

    /** The CA certificates of {@code mspId}; empty when the organisation is not trusted. */
    public List<X509Certificate> caCertificatesOf(String mspId) {
        return caCertificates.getOrDefault(mspId, List.of());
    }

    /** The Ed25519 keys registered for {@code mspId}, retired ones included; empty when none are known. */
    public List<SigningKey> signingKeysOf(String mspId) {
        return signingKeys.getOrDefault(mspId, List.of());
    }

    /** This bundle with {@code keys} (as the ledger lists them) as the registered signing keys, grouped by MSP id. */
    public TrustBundle withSigningKeys(List<SigningKey> keys) {
        Map<String, List<SigningKey>> byMsp = new LinkedHashMap<>();
        for (SigningKey key : keys) {
            byMsp.computeIfAbsent(key.mspId(), msp -> new ArrayList<>()).add(key);
        }
        return new TrustBundle(caCertificates, byMsp);
    }

    /** Reads the JSON form shown above. */
    public static TrustBundle parse(String json) {
        JsonNode root;
        try {
            root = CanonicalJson.read(json, JsonNode.class);
        } catch (CanonicalJson.MalformedJsonException e) {
            throw new CredentialException(CredentialException.Code.MALFORMED, "trust bundle: " + e.getMessage(), e);
        }
        if (!root.isObject()) {
            throw malformed("it must be an object of MSP ids");
        }
        Map<String, List<X509Certificate>> certs = new LinkedHashMap<>();
        Map<String, List<SigningKey>> keys = new LinkedHashMap<>();
        for (var entry : (Iterable<Map.Entry<String, JsonNode>>) root::fields) {
            String msp = entry.getKey();
            JsonNode value = entry.getValue();
            JsonNode pems = value.isObject() ? value.path("caCertificates") : value;
            if (!pems.isArray()) {
                throw malformed(msp + " must be a list of PEM certificates or an object with caCertificates");
            }
            List<X509Certificate> list = new ArrayList<>();
            for (JsonNode pem : pems) {
                list.add(certificate(pem.asText()));
            }
            certs.put(msp, list);
            if (value.isObject()) {
                keys.put(msp, signingKeys(msp, value.path("signingKeys")));
            }
        }
        return new TrustBundle(certs, keys);
    }

    /** The JSON form shown above, for publishing a bundle. */
    public String toJson() {
        Map<String, Object> out = new LinkedHashMap<>();
        caCertificates.forEach((msp, list) -> {
            List<String> pems = list.stream().map(TrustBundle::pem).toList();
            List<SigningKey> keys = signingKeysOf(msp);
            out.put(msp, keys.isEmpty() ? pems : Map.of("caCertificates", pems, "signingKeys", keys));
        });
        return CanonicalJson.toJson(out);
    }

    private static List<SigningKey> signingKeys(String msp, JsonNode list) {
        if (list.isMissingNode()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw malformed(msp + ".signingKeys must be a list");
        }
        List<SigningKey> keys = new ArrayList<>();
        for (JsonNode key : list) {
            SigningKey parsed;
            try {
                parsed = CanonicalJson.read(CanonicalJson.toJson(key), SigningKey.class);
                Instant.parse(parsed.registeredAt());
                if (parsed.retiredAt() != null) {
                    Instant.parse(parsed.retiredAt());
                }
            } catch (CanonicalJson.MalformedJsonException | DateTimeParseException | NullPointerException e) {
                throw malformed(msp + " has an unreadable signing key: " + e.getMessage());
            }
            if (!msp.equals(parsed.mspId()) || !Ed25519Multikey.isValid(parsed.publicKeyMultibase())) {
                throw malformed(msp + " has a signing key that is not an Ed25519 Multikey of " + msp);
            }
            keys.add(parsed);
        }
        return keys;
    }

    private static CredentialException malformed(String reason) {
        return new CredentialException(CredentialException.Code.MALFORMED, "trust bundle: " + reason, null);
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
