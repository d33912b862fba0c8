package org.creditbank.credentials;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.creditbank.model.RecordId;
import org.creditbank.model.institution.SigningKey;
import org.creditbank.model.json.CanonicalJson;
import org.creditbank.model.learner.AccountNumber;
import org.creditbank.model.outcome.Outcome;
import org.creditbank.model.outcome.OutcomeDraft;
import org.creditbank.model.outcome.OutcomeKind;
import org.creditbank.model.outcome.OutcomeStatus;
import org.creditbank.model.outcome.Result;

/**
 * A test institution as a Fabric organisation would be: its own CA (made here with Bouncy Castle,
 * never stored), an issuer key certified by it and an Ed25519 key its admin registered on the
 * ledger at {@link #KEY_REGISTERED}. Also makes ledger outcomes for it.
 */
public final class TestInstitution {

    static final SecureRandom RANDOM = new SecureRandom();
    static final Instant AWARDED = Instant.parse("2026-07-10T08:00:00Z");
    /** When the Ed25519 key is registered on the ledger in {@link #trustBundle()}. */
    public static final String KEY_REGISTERED = "2026-01-01T00:00:00Z";

    final String mspId;
    public final X509Certificate caCertificate;
    public final IssuerIdentity identity;

    private TestInstitution(String mspId, X509Certificate caCertificate, IssuerIdentity identity) {
        this.mspId = mspId;
        this.caCertificate = caCertificate;
        this.identity = identity;
    }

    public static TestInstitution create(String mspId, String name, String domain) {
        return create(mspId, name, domain, "https://" + domain + "/credentials/status");
    }

    /** An institution whose status lists are published under {@code statusListBase} (e.g. a test gateway). */
    public static TestInstitution create(String mspId, String name, String domain, String statusListBase) {
        try {
            KeyPair ca = p256();
            X509Certificate caCert = certificate("CN=ca." + domain + ",O=" + mspId, ca, "CN=ca." + domain + ",O="
                    + mspId, ca, true);
            KeyPair issuer = p256();
            X509Certificate issuerCert = certificate("CN=registrar." + domain + ",O=" + mspId, issuer,
                    "CN=ca." + domain + ",O=" + mspId, ca, false);
            KeyPair ed25519 = Ed25519Keys.generate();
            IssuerIdentity identity = new IssuerIdentity(mspId, name, "did:web:" + domain,
                    statusListBase, (ECPrivateKey) issuer.getPrivate(),
                    List.of(issuerCert), new Ed25519SigningKey(ed25519.getPrivate(), ed25519.getPublic()));
            return new TestInstitution(mspId, caCert, identity);
        } catch (Exception e) {
            throw new IllegalStateException("test PKI setup failed", e);
        }
    }

    /** Trusts this institution's CA and its Ed25519 key, registered at {@link #KEY_REGISTERED} and not retired. */
    public TrustBundle trustBundle() {
        return new TrustBundle(Map.of(mspId, List.of(caCertificate)), Map.of(mspId, List.of(signingKey())));
    }

    /** The ledger's record of this institution's Ed25519 key. */
    public SigningKey signingKey() {
        return new SigningKey(mspId, identity.eddsaKey().publicKeyMultibase(), KEY_REGISTERED, null);
    }

    /** This institution as an issuer was before proof sets: a single ecdsa-rdfc-2019 proof. */
    public IssuerIdentity ecdsaOnly() {
        return new IssuerIdentity(mspId, identity.name(), identity.id(), identity.statusListBase(),
                identity.signingKey(), identity.certificateChain());
    }

    /** An ACTIVE outcome this institution issued: 3 credits, 86%, valid through 2030-06-30. */
    public Outcome outcome(String learner) {
        return outcome(learner, "2026-CNC-0001");
    }

    /** The same outcome under another local id. */
    public Outcome outcome(String learner, String localId) {
        return outcome(learner, localId, "2030-06-30");
    }

    /**
     * The same outcome valid through {@code validUntil} (its last valid day, after 2026-07-01):
     * for verifiers whose clock cannot be set, a date relative to today keeps a test from expiring.
     */
    public Outcome outcomeValidThrough(String learner, LocalDate validUntil) {
        return outcome(learner, "2026-CNC-0001", validUntil.toString());
    }

    private Outcome outcome(String learner, String localId, String validUntil) {
        OutcomeDraft draft = new OutcomeDraft(localId, learner, OutcomeKind.COURSE, "CNC101", "数控车床编程",
                "专业核心", new BigDecimal("2.5"), 48, 4, new Result(Result.Scale.PERCENTAGE, "86"), "2026-03-01",
                "2026-07-01", validUntil, "a".repeat(64), "https://evidence.example/cnc101.pdf");
        String id = RecordId.outcome(mspId, draft.localId()).toString();
        return new Outcome(id, mspId, draft, Outcome.hashOf(mspId, draft), AWARDED.toString(), "tx-0001",
                OutcomeStatus.ACTIVE, null, null, "registrar");
    }

    /**
     * The {@code i}-th of a series of ACTIVE outcomes that differ in learner, kind, result scale,
     * credits (whole and decimal), dates and optional members (category, validUntil, evidence URI).
     */
    public Outcome variedOutcome(int i) {
        OutcomeKind[] kinds = OutcomeKind.values();
        Result.Scale scale = Result.Scale.values()[i % Result.Scale.values().length];
        String value = switch (scale) {
            case PERCENTAGE -> Integer.toString(50 + i % 51);
            case GRADE_POINT -> "3." + i % 10;
            case LETTER -> String.valueOf((char) ('A' + i % 5));
            case PASS_FAIL -> "PASS";
        };
        OutcomeDraft draft = new OutcomeDraft("2026-V-" + i, learner(), kinds[i % kinds.length], "C" + (100 + i % 97),
                "课程 " + i + (i % 4 == 0 ? " \"quoted\" & <b>" : ""), i % 2 == 0 ? "专业核心" : null,
                new BigDecimal(i % 7).add(i % 3 == 0 ? new BigDecimal("0.25") : BigDecimal.ZERO), i % 5 == 0 ? null
                : 8 * (i % 30), i % 6 == 0 ? null : 1 + i % 8, new Result(scale, value), "2026-0" + (1 + i % 6) + "-01",
                "2026-07-" + (10 + i % 18), i % 5 == 0 ? null : "2030-06-30", String.format("%064x", i),
                i % 2 == 0 ? null : "https://evidence.example/" + i + ".pdf");
        String id = RecordId.outcome(mspId, draft.localId()).toString();
        return new Outcome(id, mspId, draft, Outcome.hashOf(mspId, draft), AWARDED.plusSeconds(i).toString(),
                "tx-" + i / 10, OutcomeStatus.ACTIVE, null, null, "registrar");
    }

    /**
     * A transcript this institution signed over exactly {@code entries}, whatever they say: what an
     * issuer without today's rules (a gateway from before inactive records were left out) signed.
     */
    public SignedTranscript transcriptSignedOver(String learner, List<Map<String, Object>> entries, Instant signedAt) {
        List<TranscriptEntry> salted = entries.stream()
                .map(e -> new TranscriptEntry(e, HexFormat.of().formatHex(RANDOM.generateSeed(16)))).toList();
        ObjectNode vc = CredentialJson.parseObject(new CredentialIssuer(identity, Clock.fixed(signedAt, ZoneOffset.UTC))
                .issueTranscript(learner, List.of(outcome(learner)), List.of(), RANDOM).credential(), "transcript");
        vc.remove("proof");
        ObjectNode subject = (ObjectNode) vc.get("credentialSubject");
        subject.put("entriesRoot", HexFormat.of().formatHex(
                MerkleTree.root(salted.stream().map(TranscriptEntry::leafHash).toList())));
        subject.put("entryCount", salted.size());
        return new SignedTranscript(CredentialJson.write(DataIntegrityProof.sign(vc, identity.verificationMethodId(),
                signedAt, identity.signingKey())), salted);
    }

    /** The entry such an older issuer made for an outcome: its id, hash and content, but no status. */
    public static Map<String, Object> entryWithoutStatus(Outcome outcome) {
        return Map.of("kind", "outcome", "recordId", outcome.id(), "contentHash", outcome.contentHash(),
                "content", CanonicalJson.read(CanonicalJson.toJson(outcome.content()),
                        new TypeReference<Map<String, Object>>() { }));
    }

    public static String learner() {
        return AccountNumber.random(RANDOM);
    }

    private static KeyPair p256() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static X509Certificate certificate(String subject, KeyPair subjectKeys, String issuer, KeyPair issuerKeys,
                                               boolean ca) throws Exception {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        var builder = new JcaX509v3CertificateBuilder(new X500Name(issuer), BigInteger.valueOf(RANDOM.nextLong(1,
                Long.MAX_VALUE)), Date.from(now), Date.from(now.plus(3650, ChronoUnit.DAYS)), new X500Name(subject),
                subjectKeys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        builder.addExtension(Extension.keyUsage, true,
                new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign : KeyUsage.digitalSignature));
        var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate());
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }
}
