package org.creditbank.bench;

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
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.creditbank.credentials.CredentialIssuer;
import org.creditbank.credentials.IssuerIdentity;
import org.creditbank.credentials.TrustBundle;
import org.creditbank.model.learner.AccountNumber;
import org.creditbank.model.outcome.Outcome;
import org.creditbank.model.outcome.OutcomeDraft;
import org.creditbank.model.outcome.OutcomeKind;
import org.creditbank.model.outcome.OutcomeStatus;
import org.creditbank.model.outcome.Result;

/**
 * A college with a CA of its own (P-256, made in memory) and an issuer key certified by it, that
 * issues credentials for outcomes that never went to a ledger: offline verification does not look
 * at the ledger, so this is all it takes to measure it without a network. The credentials differ
 * in learner, record, course, result and dates, so a verifier cannot profit from seeing the same
 * document twice.
 */
final class LocalCollege {

    static final String MSP = "CollegeMSP";
    /** When the pool is verified: inside every credential's validity period. */
    static final Instant VERIFIED_AT = Instant.parse("2027-01-01T00:00:00Z");

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final OutcomeKind[] KINDS = OutcomeKind.values();

    private final X509Certificate ca;
    private final IssuerIdentity identity;

    private LocalCollege(X509Certificate ca, IssuerIdentity identity) {
        this.ca = ca;
        this.identity = identity;
    }

    static LocalCollege create() throws Exception {
        KeyPair caKeys = p256();
        String caName = "CN=ca.college.example,O=" + MSP;
        X509Certificate ca = certificate(caName, caKeys, caName, caKeys, true);
        KeyPair issuerKeys = p256();
        X509Certificate cert = certificate("CN=registrar.college.example,O=" + MSP, issuerKeys, caName, caKeys, false);
        return new LocalCollege(ca, new IssuerIdentity(MSP, "广州五金职业技术学院", "did:web:college.example",
                "https://college.example/status", (ECPrivateKey) issuerKeys.getPrivate(), List.of(cert)));
    }

    TrustBundle trustBundle() {
        return new TrustBundle(Map.of(MSP, List.of(ca)));
    }

    /** {@code n} credentials for distinct learners and records. */
    List<String> credentials(int n) {
        CredentialIssuer issuer = new CredentialIssuer(identity,
                Clock.fixed(Instant.parse("2026-08-01T12:00:00Z"), ZoneOffset.UTC));
        List<String> pool = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            pool.add(issuer.issueAchievement(outcome(i), i % 3 == 0 ? "学习者 " + i : null, i % 4096));
        }
        return pool;
    }

    private Outcome outcome(int i) {
        Result result = switch (i % 3) {
            case 0 -> new Result(Result.Scale.PERCENTAGE, Integer.toString(60 + i % 40));
            case 1 -> new Result(Result.Scale.LETTER, String.valueOf((char) ('A' + i % 4)));
            default -> new Result(Result.Scale.PASS_FAIL, "PASS");
        };
        OutcomeDraft draft = new OutcomeDraft("2026-B-" + i, AccountNumber.random(RANDOM), KINDS[i % KINDS.length],
                "C" + (100 + i % 90), "课程 " + (i % 90) + " 数控车床编程", i % 2 == 0 ? "专业核心" : null,
                new BigDecimal(1 + i % 5).add(i % 2 == 0 ? new BigDecimal("0.5") : BigDecimal.ZERO), 16 + i % 64,
                1 + i % 5, result, "2026-0" + (1 + i % 6) + "-01", "2026-07-" + (10 + i % 18),
                i % 5 == 0 ? null : "2030-06-30", String.format("%064x", i), i % 2 == 0 ? null
                : "https://evidence.example/" + i + ".pdf");
        String id = Outcome.idOf(MSP, draft.localId());
        return new Outcome(id, MSP, draft, Outcome.hashOf(MSP, draft),
                Instant.parse("2026-07-30T08:00:00Z").plusSeconds(i).toString(), "tx-" + (i / 50),
                OutcomeStatus.ACTIVE, null, null, "registrar");
    }

    private static KeyPair p256() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static X509Certificate certificate(String subject, KeyPair subjectKeys, String issuer, KeyPair issuerKeys,
                                               boolean ca) throws Exception {
        Instant from = Instant.parse("2026-01-01T00:00:00Z");
        var builder = new JcaX509v3CertificateBuilder(new X500Name(issuer), BigInteger.valueOf(RANDOM.nextLong(1,
                Long.MAX_VALUE)), Date.from(from), Date.from(from.plus(3650, ChronoUnit.DAYS)), new X500Name(subject),
                subjectKeys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        builder.addExtension(Extension.keyUsage, true,
                new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign : KeyUsage.digitalSignature));
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
    }
}
