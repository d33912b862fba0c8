package org.creditbank.chaincode.testing;

import com.google.protobuf.ByteString;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;

/**
 * A caller for the in-memory ledger: a real X.509 certificate, signed by a per-organisation test
 * CA, with the Fabric CA attribute extension ({@code creditbank.role}) or the admin NodeOU, wrapped
 * in a Fabric SerializedIdentity. The contract's own identity code parses it as it would on a peer.
 */
public record TestIdentity(String mspId, String name, byte[] creator) {

    /** Fabric CA's OID for enrollment attributes (JSON {"attrs":{...}}). */
    private static final ASN1ObjectIdentifier ATTRIBUTES = new ASN1ObjectIdentifier("1.2.3.4.5.6.7.8.1");
    private static final AtomicLong SERIAL = new AtomicLong(1);

    /** An org admin (NodeOU {@code admin}). */
    public static TestIdentity admin(String mspId) {
        return create(mspId, "Admin@" + mspId, "admin", null);
    }

    /** A client with {@code creditbank.role=role}, or no role at all when {@code role} is null. */
    public static TestIdentity withRole(String mspId, String name, String role) {
        return create(mspId, name, "client", role);
    }

    private static TestIdentity create(String mspId, String name, String ou, String role) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair caKey = generator.generateKeyPair();
            KeyPair userKey = generator.generateKeyPair();
            X500Name issuer = new X500Name("CN=ca." + mspId + ",O=" + mspId);
            X500Name subject = new X500Name("CN=" + name + ",OU=" + ou + ",O=" + mspId);
            Instant now = Instant.parse("2026-01-01T00:00:00Z");
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                    BigInteger.valueOf(SERIAL.getAndIncrement()), Date.from(now),
                    Date.from(now.plus(3650, ChronoUnit.DAYS)), subject, userKey.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            if (role != null) {
                String attrs = "{\"attrs\":{\"" + "creditbank.role" + "\":\"" + role + "\"}}";
                builder.addExtension(ATTRIBUTES, false, attrs.getBytes(StandardCharsets.UTF_8));
            }
            ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA").build(caKey.getPrivate());
            X509CertificateHolder cert = builder.build(signer);
            StringWriter pem = new StringWriter();
            try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
                writer.writeObject(cert);
            }
            byte[] creator = SerializedIdentity.newBuilder()
                    .setMspid(mspId)
                    .setIdBytes(ByteString.copyFromUtf8(pem.toString()))
                    .build().toByteArray();
            return new TestIdentity(mspId, name, creator);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create test identity " + name, e);
        }
    }
}
