package org.creditbank.gateway.credential;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.creditbank.credentials.CredentialException;
import org.creditbank.credentials.Ed25519Keys;
import org.creditbank.credentials.Ed25519SigningKey;
import org.creditbank.credentials.IssuerIdentity;
import org.creditbank.credentials.TrustBundle;
import org.creditbank.gateway.config.CredentialSettings;

/**
 * Loads the issuer key and certificates a Fabric CA enrolment leaves on disk (PEM files), the
 * Ed25519 key of the second proof ({@link SigningKeyCommand} makes it) and the trust bundle, so
 * that no key ever has to be in the properties file or the repository. The certificate file holds
 * the key's certificate first and the organisation's CA last; that CA is trusted for this
 * organisation in addition to whatever the trust bundle file lists.
 */
public final class IssuerFiles {

    private IssuerFiles() {
    }

    public static CredentialSetup load(CredentialSettings settings, String mspId, Clock clock) {
        List<X509Certificate> certificates = settings.issuerCertificates() == null
                ? List.of() : certificates(settings.issuerCertificates());
        IssuerIdentity issuer = null;
        Map<String, List<X509Certificate>> trusted = new HashMap<>();
        if (settings.trustBundle() != null) {
            trusted.putAll(TrustBundle.parse(read(settings.trustBundle())).caCertificates());
        }
        if (settings.issuerKey() != null) {
            if (certificates.size() < 2) {
                throw new IllegalArgumentException("credentials.certificates must hold the issuer's certificate and"
                        + " its organisation CA's certificate (the CA last)");
            }
            X509Certificate ca = certificates.get(certificates.size() - 1);
            issuer = new IssuerIdentity(mspId, settings.issuerName(), settings.issuerId(),
                    settings.publicBaseUrl() + "/api/v1/status-lists", privateKey(settings.issuerKey()),
                    certificates.subList(0, certificates.size() - 1),
                    settings.eddsaKey() == null ? null : eddsaKey(settings.eddsaKey()));
            List<X509Certificate> own = new ArrayList<>(trusted.getOrDefault(mspId, List.of()));
            own.add(ca);
            trusted.put(mspId, own);
        }
        return new CredentialSetup(issuer, new TrustBundle(trusted), settings.publicBaseUrl(),
                settings.statusListTtl(), clock);
    }

    private static List<X509Certificate> certificates(Path file) {
        try (ByteArrayInputStream in = new ByteArrayInputStream(read(file).getBytes(StandardCharsets.US_ASCII))) {
            return CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(X509Certificate.class::cast).toList();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("cannot read the certificates in " + file, e);
        }
    }

    /** A PKCS#8 PEM key ("BEGIN PRIVATE KEY"), as Fabric CA writes it. */
    private static ECPrivateKey privateKey(Path file) {
        try {
            return (ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(pkcs8(file));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException(file + " holds no EC private key", e);
        }
    }

    /** A PKCS#8 PEM Ed25519 key, as {@link SigningKeyCommand} (or {@code openssl genpkey -algorithm ed25519}) writes it. */
    static Ed25519SigningKey eddsaKey(Path file) {
        try {
            return Ed25519Keys.signingKey(KeyFactory.getInstance("Ed25519").generatePrivate(pkcs8(file)));
        } catch (GeneralSecurityException | CredentialException e) {
            throw new IllegalArgumentException(file + " holds no Ed25519 private key", e);
        }
    }

    private static PKCS8EncodedKeySpec pkcs8(Path file) {
        String pem = read(file);
        int begin = pem.indexOf("-----BEGIN PRIVATE KEY-----");
        int end = pem.indexOf("-----END PRIVATE KEY-----");
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException(file + " holds no PKCS#8 private key (BEGIN PRIVATE KEY)");
        }
        return new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(pem.substring(begin + 27, end)));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
