package org.creditbank.credentials;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;
import org.creditbank.credentials.VerificationReport.Check;
import org.creditbank.credentials.VerificationReport.CheckResult;
import org.creditbank.credentials.VerificationReport.Status;
import org.creditbank.credentials.canonical.BundledContexts;
import org.creditbank.model.institution.SigningKey;
import org.creditbank.model.outcome.Validity;

/**
 * Verifies CreditBank credentials offline, trusting nothing but a {@link TrustBundle}: structure,
 * the ecdsa-rdfc-2019 signature, the issuer key's certificate chain, the validity period, the
 * eddsa-rdfc-2022 signature of a proof set and its key's registration on the ledger, the issuer's
 * status lists and, for transcripts, each disclosed entry's Merkle inclusion. Every check is
 * reported, passed or not, so a person can see why a credential was accepted or not.
 *
 * <p>An achievement credential has one status entry, revocation (Open Badges 3.0 allows one), so
 * its SUSPENSION is NOT_CHECKED and says that only the ledger knows; one issued before with a
 * revocation and a suspension entry (an array) has both checked.
 *
 * <p>The ECDSA proof is required (its key is the one a CA certified); the EdDSA proof is checked
 * whenever it is there, and a credential from before proof sets, without one, reports both EdDSA
 * checks NOT_CHECKED and stays valid.
 */
public final class CredentialVerifier {

    /**
     * Why SUSPENSION is not checked for an achievement credential as issued now: it names its
     * revocation list only, since Open Badges 3.0 allows one status entry. Credentials issued
     * before name a suspension list too, and that is checked as ever.
     */
    static final String NO_SUSPENSION_ENTRY = "the credential has no suspension status entry: Open Badges 3.0"
            + " allows one status entry, which is for revocation; whether the record is suspended only the ledger"
            + " says, and online verification asks it (LEDGER_RECORD)";

    private final TrustBundle trust;
    private final CertifiedKeys certified = new CertifiedKeys();

    public CredentialVerifier(TrustBundle trust) {
        this.trust = trust;
    }

    /**
     * Verifies a credential at instant {@code at}.
     *
     * @param statusLists the issuer's status list credentials the caller has (JSON); a status
     *                    whose list is missing or stale is reported NOT_CHECKED
     */
    public VerificationReport verify(String credentialJson, List<String> statusLists, Instant at) {
        ObjectNode vc;
        try {
            vc = CredentialJson.parseObject(credentialJson, "the credential");
        } catch (CredentialException e) {
            return notWellFormed(e.getMessage(), true);
        }
        List<CheckResult> checks = new ArrayList<>(verifySigned(vc, at));
        boolean trusted = new VerificationReport(checks).valid();
        for (StatusPurpose purpose : StatusPurpose.values()) {
            checks.add(checkStatus(vc, purpose, statusLists, at, trusted));
        }
        return new VerificationReport(checks);
    }

    /**
     * Verifies a transcript presentation made by {@link SignedTranscript#present}: the signed
     * envelope as a credential, then each disclosed entry against its signed Merkle root, the
     * status it was signed with and its validUntil. A transcript has no status lists (its entries
     * come from every institution), so REVOCATION and SUSPENSION are NOT_CHECKED, with the reason:
     * a change after signing is known only to the ledger, which online verification asks.
     */
    public VerificationReport verifyTranscript(String presentationJson, Instant at) {
        ObjectNode presentation;
        try {
            presentation = CredentialJson.parseObject(presentationJson, "the presentation");
        } catch (CredentialException e) {
            return notWellFormed(e.getMessage(), false);
        }
        JsonNode transcript = presentation.get("transcript");
        if (!(transcript instanceof ObjectNode envelope)) {
            return notWellFormed("the presentation has no transcript object", false);
        }
        List<CheckResult> checks = new ArrayList<>(verifySigned(envelope, at));
        boolean wellFormed = checks.get(0).status() == Status.PASSED;
        for (StatusPurpose purpose : StatusPurpose.values()) {
            checks.add(notChecked(purpose == StatusPurpose.REVOCATION ? Check.REVOCATION : Check.SUSPENSION,
                    !wellFormed ? "the document is not well-formed"
                    : "a transcript has no status list: its entries were in force when the transcript was signed at "
                    + instant(envelope.path("validFrom")) + "; whether one was " + (purpose == StatusPurpose.REVOCATION
                    ? "revoked" : "suspended") + " since, only the ledger says (verify online: LEDGER_RECORD)"));
        }
        checks.add(TranscriptDisclosures.check(presentation, envelope, at));
        return new VerificationReport(checks);
    }

    private List<CheckResult> verifySigned(ObjectNode vc, Instant at) {
        String malformation = malformation(vc);
        if (malformation != null) {
            return List.of(
                    new CheckResult(Check.WELL_FORMED, Status.FAILED, malformation),
                    notChecked(Check.SIGNATURE, "the credential is not well-formed"),
                    notChecked(Check.ISSUER_TRUSTED, "the credential is not well-formed"),
                    notChecked(Check.VALIDITY_PERIOD, "the credential is not well-formed"),
                    notChecked(Check.EDDSA_SIGNATURE, "the credential is not well-formed"),
                    notChecked(Check.EDDSA_KEY_REGISTERED, "the credential is not well-formed"));
        }
        ObjectNode unsecured = DataIntegrityProof.unsecured(vc);
        JsonNode ecdsa = proof(vc, DataIntegrityProof.ECDSA_RDFC_2019);
        JsonNode eddsa = proof(vc, DataIntegrityProof.EDDSA_RDFC_2022);
        byte[] documentHash;
        String unhashable = null;
        try {
            documentHash = DataIntegrityProof.documentHash(unsecured);
        } catch (CredentialException | IllegalArgumentException e) {
            documentHash = null;
            unhashable = "the signature cannot be checked: " + e.getMessage();
        }
        CheckResult eddsaSignature = checkEddsaSignature(vc, unsecured, documentHash, unhashable, eddsa);
        return List.of(
                new CheckResult(Check.WELL_FORMED, Status.PASSED, "a VC 2.0 credential with an ecdsa-rdfc-2019 proof"
                        + (eddsa == null ? "" : " and an eddsa-rdfc-2022 proof")),
                checkSignature(vc, unsecured, documentHash, unhashable, ecdsa),
                checkIssuer(vc, ecdsa),
                checkValidity(vc, at),
                eddsaSignature,
                checkEddsaKey(vc, eddsa, eddsaSignature));
    }

    /** The proof of {@code cryptosuite}; {@link #malformation} made sure there is at most one. */
    private static JsonNode proof(ObjectNode vc, String cryptosuite) {
        for (JsonNode proof : DataIntegrityProof.proofs(vc)) {
            if (cryptosuite.equals(proof.path("cryptosuite").asText())) {
                return proof;
            }
        }
        return null;
    }

    private static String malformation(ObjectNode vc) {
        JsonNode context = vc.path("@context");
        if (!context.isArray() || !BundledContexts.VC_V2.equals(context.path(0).asText())) {
            return "@context must be a list starting with " + BundledContexts.VC_V2;
        }
        if (!contains(vc.path("type"), "VerifiableCredential")) {
            return "type must include VerifiableCredential";
        }
        JsonNode issuer = vc.path("issuer");
        JsonNode key = issuer.path("issuerKey");
        if (!issuer.path("id").isTextual() || !issuer.path("mspId").isTextual() || !key.isObject()) {
            return "issuer must be an object with id, mspId and issuerKey";
        }
        if (!"JsonWebKey".equals(key.path("type").asText()) || !key.path("id").isTextual()
                || !key.path("publicKeyJwk").isObject()) {
            return "issuer.issuerKey must be a JsonWebKey verification method with an id";
        }
        if (!vc.path("credentialSubject").isObject()) {
            return "credentialSubject must be an object";
        }
        if (instant(vc.path("validFrom")) == null
                || vc.has("validUntil") && instant(vc.path("validUntil")) == null) {
            return "validFrom (and validUntil, if present) must be date-times with a time zone";
        }
        List<JsonNode> proofs = DataIntegrityProof.proofs(vc);
        List<String> suites = proofs.stream().map(p -> p.path("cryptosuite").asText()).toList();
        if (!suites.contains(DataIntegrityProof.ECDSA_RDFC_2019) || proofs.size() > 2
                || !List.of(DataIntegrityProof.ECDSA_RDFC_2019, DataIntegrityProof.EDDSA_RDFC_2022)
                .containsAll(suites) || suites.stream().distinct().count() != suites.size()) {
            return "proof must be an ecdsa-rdfc-2019 proof, or a proof set of one ecdsa-rdfc-2019 and one"
                    + " eddsa-rdfc-2022 proof";
        }
        for (JsonNode proof : proofs) {
            if (!proof.isObject()
                    || !DataIntegrityProof.TYPE.equals(proof.path("type").asText())
                    || !DataIntegrityProof.PURPOSE.equals(proof.path("proofPurpose").asText())
                    || !proof.path("verificationMethod").isTextual()
                    || instant(proof.path("created")) == null
                    || !proof.path("proofValue").asText().startsWith("z")) {
                return "each proof must be a DataIntegrityProof with purpose assertionMethod, verificationMethod,"
                        + " created and a base58btc proofValue";
            }
        }
        return null;
    }

    private static CheckResult checkSignature(ObjectNode vc, ObjectNode unsecured, byte[] documentHash,
                                              String unhashable, JsonNode proof) {
        JsonNode key = vc.path("issuer").path("issuerKey");
        String method = proof.path("verificationMethod").asText();
        if (!method.equals(key.path("id").asText())) {
            return failed(Check.SIGNATURE, "the proof names key " + method + " but the issuer's key is "
                    + key.path("id").asText());
        }
        if (!vc.path("issuer").path("id").asText().equals(key.path("controller").asText())) {
            return failed(Check.SIGNATURE, "the issuer's key is controlled by " + key.path("controller").asText()
                    + ", not by the issuer " + vc.path("issuer").path("id").asText());
        }
        if (documentHash == null) {
            return failed(Check.SIGNATURE, unhashable);
        }
        try {
            if (DataIntegrityProof.verifyEcdsa(unsecured, documentHash, proof,
                    VerificationKeys.of(key.path("publicKeyJwk")))) {
                return new CheckResult(Check.SIGNATURE, Status.PASSED, "signature by " + method + " is valid");
            }
            return failed(Check.SIGNATURE, "the signature does not match the credential's content:"
                    + " it was altered after signing or signed by another key");
        } catch (CredentialException | IllegalArgumentException e) {
            return failed(Check.SIGNATURE, "the signature cannot be checked: " + e.getMessage());
        }
    }

    /**
     * The eddsa-rdfc-2022 proof: its verification method is {@code <issuer id>#<publicKeyMultibase>}
     * (the key is in its name, see {@link IssuerIdentity#eddsaVerificationMethodId}) and the
     * signature verifies with that key.
     */
    private static CheckResult checkEddsaSignature(ObjectNode vc, ObjectNode unsecured, byte[] documentHash,
                                                   String unhashable, JsonNode proof) {
        if (proof == null) {
            return notChecked(Check.EDDSA_SIGNATURE, "the credential has no eddsa-rdfc-2022 proof (signed before"
                    + " proof sets, or by an issuer without an Ed25519 key); its ecdsa-rdfc-2019 proof is checked");
        }
        String method = proof.path("verificationMethod").asText();
        String issuer = vc.path("issuer").path("id").asText();
        if (!method.startsWith(issuer + "#")) {
            return failed(Check.EDDSA_SIGNATURE, "the eddsa-rdfc-2022 proof names key " + method
                    + ", which is not a key of the issuer " + issuer);
        }
        if (documentHash == null) {
            return failed(Check.EDDSA_SIGNATURE, unhashable);
        }
        try {
            if (DataIntegrityProof.verifyEddsa(unsecured, documentHash, proof,
                    Ed25519Keys.fromMultikey(method.substring(issuer.length() + 1)))) {
                return new CheckResult(Check.EDDSA_SIGNATURE, Status.PASSED, "eddsa-rdfc-2022 signature by "
                        + method + " is valid");
            }
            return failed(Check.EDDSA_SIGNATURE, "the eddsa-rdfc-2022 signature does not match the credential's"
                    + " content: it was altered after signing or signed by another key");
        } catch (CredentialException | IllegalArgumentException e) {
            return failed(Check.EDDSA_SIGNATURE, "the eddsa-rdfc-2022 signature cannot be checked: " + e.getMessage());
        }
    }

    /**
     * The Ed25519 key's authority: the trust bundle (from the ledger) lists it as registered by the
     * issuer's organisation, and in force (registered, not yet retired) when the proof was created.
     */
    private CheckResult checkEddsaKey(ObjectNode vc, JsonNode proof, CheckResult signature) {
        if (proof == null) {
            return notChecked(Check.EDDSA_KEY_REGISTERED, "the credential has no eddsa-rdfc-2022 proof");
        }
        if (signature.status() != Status.PASSED) {
            return notChecked(Check.EDDSA_KEY_REGISTERED, "the eddsa-rdfc-2022 signature is not valid");
        }
        String msp = vc.path("issuer").path("mspId").asText();
        List<SigningKey> registered = trust.signingKeysOf(msp);
        if (registered.isEmpty()) {
            return notChecked(Check.EDDSA_KEY_REGISTERED, "the trust bundle lists no registered Ed25519 key of "
                    + msp + " (give the verifier a bundle with the ledger's signing keys)");
        }
        String method = proof.path("verificationMethod").asText();
        String multikey = method.substring(method.indexOf('#') + 1);
        Instant created = instant(proof.path("created"));
        for (SigningKey key : registered) {
            if (key.publicKeyMultibase().equals(multikey)) {
                if (!key.inForceAt(created)) {
                    return failed(Check.EDDSA_KEY_REGISTERED, "signed at " + created + ", but " + msp
                            + " registered the key at " + key.registeredAt()
                            + (key.retiredAt() == null ? "" : " and retired it at " + key.retiredAt()));
                }
                return new CheckResult(Check.EDDSA_KEY_REGISTERED, Status.PASSED, "Ed25519 key registered by " + msp
                        + " on the ledger at " + key.registeredAt()
                        + (key.retiredAt() == null ? "" : ", retired at " + key.retiredAt())
                        + "; in force when signed at " + created);
            }
        }
        return failed(Check.EDDSA_KEY_REGISTERED, "the Ed25519 key " + multikey + " is not registered on the ledger"
                + " for " + msp);
    }

    private CheckResult checkIssuer(ObjectNode vc, JsonNode proof) {
        String msp = vc.path("issuer").path("mspId").asText();
        List<X509Certificate> cas = trust.caCertificatesOf(msp);
        if (cas.isEmpty()) {
            return failed(Check.ISSUER_TRUSTED, "organisation " + msp + " is not in the trust bundle");
        }
        JsonNode jwk = vc.path("issuer").path("issuerKey").path("publicKeyJwk");
        Instant signedAt = instant(proof.path("created"));
        String key = CertifiedKeys.keyOf(msp, jwk);
        CertifiedKeys.Certified known = certified.find(key, Date.from(signedAt));
        if (known != null) {
            return issuerTrusted(msp, known, signedAt);
        }
        try {
            List<X509Certificate> chain = P256Keys.chain(jwk);
            if (chain.isEmpty()) {
                return failed(Check.ISSUER_TRUSTED, "the issuer's key carries no certificate (x5c)");
            }
            if (!chain.get(0).getPublicKey().equals(P256Keys.fromJwk(jwk))) {
                return failed(Check.ISSUER_TRUSTED, "the issuer's key is not the key in its certificate");
            }
            boolean[] usage = chain.get(0).getKeyUsage();
            if (usage != null && !usage[0]) {
                return failed(Check.ISSUER_TRUSTED, "the issuer's certificate does not allow digital signatures");
            }
            PKIXParameters parameters = new PKIXParameters(
                    cas.stream().map(ca -> new TrustAnchor(ca, null)).collect(Collectors.toSet()));
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(signedAt));
            CertPathValidator.getInstance("PKIX").validate(
                    CertificateFactory.getInstance("X.509").generateCertPath(chain), parameters);
            CertifiedKeys.Certified accepted = CertifiedKeys.Certified.of(chain);
            certified.accept(key, accepted);
            return issuerTrusted(msp, accepted, signedAt);
        } catch (GeneralSecurityException e) {
            return failed(Check.ISSUER_TRUSTED, "the issuer's certificate does not chain to a CA of " + msp
                    + " in the trust bundle: " + e.getMessage());
        } catch (CredentialException e) {
            return failed(Check.ISSUER_TRUSTED, e.getMessage());
        }
    }

    private static CheckResult issuerTrusted(String msp, CertifiedKeys.Certified certified, Instant signedAt) {
        return new CheckResult(Check.ISSUER_TRUSTED, Status.PASSED, "key certified by a CA of " + msp
                + " (" + certified.caName() + ") when signed at " + signedAt);
    }

    private static CheckResult checkValidity(ObjectNode vc, Instant at) {
        Instant from = instant(vc.path("validFrom"));
        Instant until = vc.has("validUntil") ? instant(vc.path("validUntil")) : null;
        if (at.isBefore(from)) {
            return failed(Check.VALIDITY_PERIOD, "not valid before " + from);
        }
        if (!Validity.inForceAt(until, at)) {
            return failed(Check.VALIDITY_PERIOD, "expired at " + until);
        }
        String period = "valid from " + from + (until == null ? " with no end" : " until " + until);
        return new CheckResult(Check.VALIDITY_PERIOD, Status.PASSED, period + " (checked at " + at + ")");
    }

    private CheckResult checkStatus(ObjectNode vc, StatusPurpose purpose, List<String> statusLists, Instant at,
                                    boolean credentialTrusted) {
        Check check = purpose == StatusPurpose.REVOCATION ? Check.REVOCATION : Check.SUSPENSION;
        JsonNode entry = statusEntry(vc, purpose);
        if (entry == null && purpose == StatusPurpose.SUSPENSION) {
            return notChecked(check, NO_SUSPENSION_ENTRY);
        }
        if (entry == null) {
            return notChecked(check, "the credential has no " + purpose.value() + " status entry");
        }
        if (!credentialTrusted) {
            return notChecked(check, "the credential failed an earlier check");
        }
        String url = entry.path("statusListCredential").asText();
        int index;
        try {
            index = Integer.parseInt(entry.path("statusListIndex").asText());
        } catch (NumberFormatException e) {
            return failed(check, "statusListIndex is not a number");
        }
        ObjectNode list = null;
        try {
            for (String json : statusLists) {
                ObjectNode candidate = CredentialJson.parseObject(json, "a supplied status list");
                if (url.equals(candidate.path("id").asText())) {
                    list = candidate;
                }
            }
        } catch (CredentialException e) {
            return failed(check, e.getMessage());
        }
        if (list == null) {
            return notChecked(check, "no status list " + url + " was supplied");
        }
        List<CheckResult> listChecks = verifySigned(list, at);
        if (!new VerificationReport(listChecks).valid()) {
            CheckResult c = listChecks.stream().filter(r -> r.status() != Status.PASSED
                    && (r.status() == Status.FAILED || VerificationReport.REQUIRED.contains(r.check())))
                    .findFirst().orElseThrow();
            return failed(check, "status list " + url + " is not trustworthy: " + c.check() + " " + c.reason());
        }
        JsonNode subject = list.path("credentialSubject");
        if (!list.path("issuer").path("id").asText().equals(vc.path("issuer").path("id").asText())
                || !list.path("issuer").path("mspId").asText().equals(vc.path("issuer").path("mspId").asText())) {
            return failed(check, "status list " + url + " was issued by someone else than the credential");
        }
        if (!contains(list.path("type"), "BitstringStatusListCredential")
                || !purpose.value().equals(subject.path("statusPurpose").asText())) {
            return failed(check, "status list " + url + " is not a " + purpose.value() + " BitstringStatusList");
        }
        Instant listIssued = instant(list.path("validFrom"));
        boolean set;
        try {
            set = BitstringStatusList.isSet(subject.path("encodedList").asText(), index);
        } catch (IllegalArgumentException e) {
            return failed(check, "status list " + url + " is unreadable: " + e.getMessage());
        }
        String state = purpose == StatusPurpose.REVOCATION ? "revoked" : "suspended";
        Duration ttl = subject.path("ttl").canConvertToLong() ? Duration.ofMillis(subject.path("ttl").asLong()) : null;
        boolean stale = ttl != null && !at.isBefore(listIssued.plus(ttl));
        if (set && (!stale || purpose == StatusPurpose.REVOCATION)) {
            // Revocation is final on the ledger, so even an out-of-date list proves it.
            return failed(check, state + " by the issuer (status list of " + listIssued + ", index " + index + ")");
        }
        if (stale) {
            return notChecked(check, "status list " + url + " of " + listIssued + " is older than its ttl (" + ttl
                    + "); fetch a fresh one");
        }
        return new CheckResult(check, Status.PASSED, "not " + state + " as of " + listIssued);
    }

    private static JsonNode statusEntry(ObjectNode vc, StatusPurpose purpose) {
        JsonNode status = vc.path("credentialStatus");
        Iterable<JsonNode> entries = status.isArray() ? status : List.of(status);
        for (JsonNode entry : entries) {
            if ("BitstringStatusListEntry".equals(entry.path("type").asText())
                    && purpose == StatusPurpose.fromValue(entry.path("statusPurpose").asText())) {
                return entry;
            }
        }
        return null;
    }

    private static VerificationReport notWellFormed(String reason, boolean withStatus) {
        List<CheckResult> checks = new ArrayList<>(List.of(
                new CheckResult(Check.WELL_FORMED, Status.FAILED, reason),
                notChecked(Check.SIGNATURE, "the document is not well-formed"),
                notChecked(Check.ISSUER_TRUSTED, "the document is not well-formed"),
                notChecked(Check.VALIDITY_PERIOD, "the document is not well-formed"),
                notChecked(Check.EDDSA_SIGNATURE, "the document is not well-formed"),
                notChecked(Check.EDDSA_KEY_REGISTERED, "the document is not well-formed")));
        if (withStatus) {
            checks.add(notChecked(Check.REVOCATION, "the document is not well-formed"));
            checks.add(notChecked(Check.SUSPENSION, "the document is not well-formed"));
        }
        return new VerificationReport(checks);
    }

    static boolean contains(JsonNode types, String type) {
        if (types.isTextual()) {
            return types.asText().equals(type);
        }
        for (JsonNode t : types) {
            if (type.equals(t.asText())) {
                return true;
            }
        }
        return false;
    }

    private static Instant instant(JsonNode value) {
        try {
            return value.isTextual() ? OffsetDateTime.parse(value.asText()).toInstant() : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static CheckResult failed(Check check, String reason) {
        return new CheckResult(check, Status.FAILED, reason);
    }

    private static CheckResult notChecked(Check check, String reason) {
        return new CheckResult(check, Status.NOT_CHECKED, reason);
    }
}
