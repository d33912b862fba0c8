package org.creditbank.credentials;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.creditbank.credentials.canonical.BundledContexts;
import org.creditbank.model.learner.AccountNumber;
import org.creditbank.model.outcome.Outcome;
import org.creditbank.model.outcome.OutcomeDraft;
import org.creditbank.model.outcome.OutcomeStatus;
import org.creditbank.model.outcome.Validity;
import org.creditbank.model.recognition.Recognition;
import org.creditbank.model.recognition.RecognitionView;

/**
 * Turns ledger records into signed W3C Verifiable Credentials 2.0 that a learner can show to
 * anyone: an Open Badges 3.0 {@code AchievementCredential} per outcome (with one status entry,
 * revocation, as Open Badges 3.0 allows), the issuer's Bitstring status lists, and a CLR 2.0-shaped
 * transcript whose entries the learner can disclose one by one.
 * Every credential carries a Data Integrity proof set: {@code ecdsa-rdfc-2019} with the P-256 key
 * the institution's Fabric CA certified and, when the issuer has one, {@code eddsa-rdfc-2022} with
 * its ledger-registered Ed25519 key, so verifiers that never heard of CreditBank can check it
 * whichever of the two suites they implement (many wallets know only EdDSA).
 *
 * <p>The learner appears only as {@code urn:creditbank:account:<accountNo>}; a name is included
 * only when the caller passes one, because a credential travels further than the ledger.
 */
public final class CredentialIssuer {

    static final String ACCOUNT_URN = "urn:creditbank:account:";
    static final String RECORD_URN = "urn:creditbank:record:";
    /** How many credentials one status list covers (the Bitstring Status List minimum, for herd privacy). */
    public static final int STATUS_LIST_BITS = BitstringStatusList.MIN_BITS;
    /** A recognition credential's bit in its recognition's own status lists (see {@link #issueRecognition}). */
    public static final int RECOGNITION_STATUS_INDEX = 0;

    static final String DID_V1 = "https://www.w3.org/ns/did/v1";
    static final String MULTIKEY_V1 = "https://w3id.org/security/multikey/v1";

    private final IssuerIdentity issuer;
    private final Clock clock;

    public CredentialIssuer(IssuerIdentity issuer, Clock clock) {
        this.issuer = issuer;
        this.clock = clock;
    }

    /**
     * The credential for one ACTIVE outcome.
     *
     * @param learnerName included as {@code credentialSubject.name} only if not null
     * @param statusIndex this credential's position in the status lists of the transaction that
     *                    issued the outcome (its place among that transaction's outcomes)
     */
    public String issueAchievement(Outcome outcome, String learnerName, int statusIndex) {
        return issueAchievement(outcome, learnerName, statusIndex, null);
    }

    /**
     * The credential for one ACTIVE outcome, issued to a holder: its subject is the holder's DID
     * (which the holder proved it controls, see {@link DidAuthentication}) instead of the account
     * URN, so a wallet can present it as its own. The ledger record it names is the same, and so
     * is every check a verifier makes; the account number stays in the credential as the subject's
     * {@code identifier}, which is what the ledger knows the learner by.
     *
     * @param holder the holder's DID, or null for the account URN as the subject
     */
    public String issueAchievement(Outcome outcome, String learnerName, int statusIndex, String holder) {
        if (outcome.status() != OutcomeStatus.ACTIVE) {
            throw new CredentialException(CredentialException.Code.UNSUPPORTED_RECORD,
                    "outcome " + outcome.id() + " is " + outcome.status() + "; only ACTIVE outcomes get credentials",
                    null);
        }
        if (!issuer.mspId().equals(outcome.issuer())) {
            throw new CredentialException(CredentialException.Code.UNSUPPORTED_RECORD,
                    "outcome " + outcome.id() + " was issued by " + outcome.issuer() + ", not " + issuer.mspId(), null);
        }
        if (statusIndex < 0 || statusIndex >= STATUS_LIST_BITS) {
            throw new IllegalArgumentException("statusIndex must be from 0 to " + (STATUS_LIST_BITS - 1));
        }
        OutcomeDraft draft = outcome.draft();
        ObjectNode vc = envelope(newCredentialId(), "AchievementCredential");
        vc.put("name", draft.achievementTitle());
        // Whole seconds, rounded down: verifiers compare against whole-second times, and a credential
        // must be valid in the very second its outcome was awarded.
        vc.put("validFrom", Instant.parse(outcome.awardedAt()).truncatedTo(ChronoUnit.SECONDS).toString());
        if (draft.validUntil() != null) {
            // The ledger's validUntil is the last valid day; the credential's is the first instant after it.
            vc.put("validUntil", Validity.endsAt(draft.validUntil()).toString());
        }
        String account = learnerSubjectId(draft.learner());
        ObjectNode subject = AchievementMapping.subject(outcome, issuer, holder == null ? account : holder, learnerName);
        if (holder != null) {
            AchievementMapping.identifyAccount(subject, draft.learner());
        }
        vc.set("credentialSubject", subject);
        vc.set("evidence", AchievementMapping.evidence(outcome));
        // The list is that of the transaction that issued the outcome; the index is its place in it.
        putRevocationEntry(vc, outcome.awardTxId(), statusIndex);
        return sign(vc);
    }

    /**
     * The one status entry of an achievement credential, revocation: Open Badges 3.0 allows at most
     * one (its schema requires an object), and revocation is the status an offline verifier must
     * not miss, final on the ledger. A suspension is a temporary hold that only the ledger shows,
     * to online verification.
     */
    private void putRevocationEntry(ObjectNode vc, String listId, int index) {
        String list = issuer.statusListUrl(StatusPurpose.REVOCATION, listId);
        vc.putObject("credentialStatus")
                .put("id", list + "#" + index)
                .put("type", "BitstringStatusListEntry")
                .put("statusPurpose", StatusPurpose.REVOCATION.value())
                .put("statusListIndex", Integer.toString(index))
                .put("statusListCredential", list);
    }

    /**
     * The issuer's status list {@code listId} for {@code purpose}: bit {@code i} set means the
     * credential with status index {@code i} in that list is revoked (or suspended). Verifiers
     * cache it for {@code ttl}. Achievement credentials name only the revocation list; suspension
     * lists are for those issued before, which name both.
     */
    public String issueStatusList(StatusPurpose purpose, String listId, BitSet set, Duration ttl) {
        String url = issuer.statusListUrl(purpose, listId);
        ObjectNode vc = envelope(url, "BitstringStatusListCredential");
        vc.put("validFrom", clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());
        ObjectNode subject = vc.putObject("credentialSubject");
        subject.put("id", url + "#list");
        subject.put("type", "BitstringStatusList");
        subject.put("statusPurpose", purpose.value());
        subject.put("encodedList", BitstringStatusList.encode(set, STATUS_LIST_BITS));
        subject.put("ttl", ttl.toMillis());
        return sign(vc);
    }

    /**
     * A transcript of what the learner has that is in force now. Only the Merkle root of the
     * salted entries is signed; the learner keeps the entries and salts and later reveals any
     * subset with {@link SignedTranscript#present}.
     *
     * <p>Records not in force when it is signed are left out: an outcome that is REVOKED, SUSPENDED
     * or past its last valid day, a recognition whose effective status is not ACTIVE. They are left
     * out rather than signed with their status because an entry that is not there cannot be shown
     * as part of a signed transcript to any verifier, however careless, and no learner needs to show
     * a record that does not stand; the ledger's own transcript still lists them. Each entry says the
     * status it was signed with ({@link TranscriptEntry#STATUS}, always ACTIVE), so a verifier can
     * tell it from an entry signed before this rule, which proves nothing about its record's status.
     * A record revoked or suspended after signing stays in the transcript: only the ledger knows,
     * which is why online verification asks it about every disclosed entry.
     *
     * @throws CredentialException UNSUPPORTED_RECORD when a record belongs to another learner, or
     *                             nothing of the learner's is in force
     */
    public SignedTranscript issueTranscript(String learner, List<Outcome> outcomes, List<RecognitionView> recognitions,
                                            SecureRandom random) {
        String subjectId = learnerSubjectId(learner);
        Instant signedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        LocalDate today = signedAt.atOffset(ZoneOffset.UTC).toLocalDate();
        List<TranscriptEntry> entries = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            requireLearner(learner, outcome.id(), outcome.draft().learner());
            if (outcome.inForceOn(today)) {
                entries.add(TranscriptEntry.inForce("outcome", outcome.id(), outcome.contentHash(), outcome.content(),
                        salt(random)));
            }
        }
        for (RecognitionView view : recognitions) {
            Recognition recognition = view.recognition();
            requireLearner(learner, recognition.id(), recognition.request().learner());
            if (view.effectiveStatus() == OutcomeStatus.ACTIVE) {
                entries.add(TranscriptEntry.inForce("recognition", recognition.id(), recognition.contentHash(),
                        recognition.content(), salt(random)));
            }
        }
        if (entries.isEmpty()) {
            throw new CredentialException(CredentialException.Code.UNSUPPORTED_RECORD, "learner " + learner
                    + " has nothing in force to put in a transcript (revoked, suspended and expired records are"
                    + " left out)", null);
        }
        List<byte[]> leaves = entries.stream().map(TranscriptEntry::leafHash).toList();
        ObjectNode vc = envelope(newCredentialId(), "ClrCredential");
        vc.put("name", "CreditBank transcript");
        vc.put("validFrom", signedAt.toString());
        ObjectNode subject = vc.putObject("credentialSubject");
        subject.put("id", subjectId);
        subject.putArray("type").add("ClrSubject");
        subject.put("entriesRoot", HexFormat.of().formatHex(MerkleTree.root(leaves)));
        subject.put("entryCount", entries.size());
        return new SignedTranscript(sign(vc), entries);
    }

    /**
     * The credential of a recognition decision, signed by the recognising institution: an
     * AchievementCredential whose achievement is the credit granted here (see
     * {@link RecognitionMapping}), whose evidence names the decision's ledger record and each
     * source outcome (record id, issuer, content hash), in the order the decision lists them.
     *
     * <p>Its status follows its sources, as the recognition's effective status does: it names a
     * revocation list of its own (a suspended source shows online, as for outcomes), whose id is the recognition's id and where it is bit
     * {@link #RECOGNITION_STATUS_INDEX} ({@link #issueRecognitionStatusList}). A list per
     * recognition rather than per recognising transaction because a transaction records exactly one
     * recognition, so the two lists would be the same, and the recognition id is what the ledger
     * answers for directly ({@code recognition:get}), without an index of transactions; the list
     * says no more about the learner than the credential that names it.
     *
     * @param sources the outcomes the recognition stands on, exactly those it lists
     * @throws CredentialException UNSUPPORTED_RECORD when the recognition is not this issuer's, is
     *                             not in force (a source revoked or suspended), or {@code sources}
     *                             are not its sources
     */
    public String issueRecognition(RecognitionView view, List<RecognisedSource> sources) {
        Recognition recognition = view.recognition();
        if (!issuer.mspId().equals(recognition.recogniser())) {
            throw new CredentialException(CredentialException.Code.UNSUPPORTED_RECORD, "recognition " + recognition.id()
                    + " was decided by " + recognition.recogniser() + ", not " + issuer.mspId(), null);
        }
        if (view.effectiveStatus() != OutcomeStatus.ACTIVE) {
            throw new CredentialException(CredentialException.Code.UNSUPPORTED_RECORD, "recognition " + recognition.id()
                    + " is " + view.effectiveStatus() + " (" + notActive(view) + "); only a recognition in force gets"
                    + " a credential", null);
        }
        List<String> listed = recognition.request().sourceOutcomeIds();
        if (!sources.stream().map(s -> s.outcome().id()).toList().equals(listed)) {
            throw new CredentialException(CredentialException.Code.UNSUPPORTED_RECORD, "the sources given are not"
                    + " those recognition " + recognition.id() + " stands on (" + String.join(", ", listed) + ")", null);
        }
        String learner = recognition.request().learner();
        for (RecognisedSource source : sources) {
            requireLearner(learner, source.outcome().id(), source.outcome().draft().learner());
        }
        ObjectNode vc = envelope(newCredentialId(), "AchievementCredential");
        vc.put("name", recognition.target().title());
        vc.put("validFrom", Instant.parse(recognition.recognisedAt()).truncatedTo(ChronoUnit.SECONDS).toString());
        vc.set("credentialSubject", RecognitionMapping.subject(recognition, issuer, learnerSubjectId(learner)));
        vc.set("evidence", RecognitionMapping.evidence(recognition, sources));
        putRevocationEntry(vc, recognition.id(), RECOGNITION_STATUS_INDEX);
        return sign(vc);
    }

    /**
     * The status list of a recognition's credential for {@code purpose}, as the recognition stands
     * now: its bit is set for revocation when a source is revoked (final, as the source's revocation
     * is), for suspension when one is suspended and none revoked (lifted when the source is reinstated).
     */
    public String issueRecognitionStatusList(StatusPurpose purpose, RecognitionView view, Duration ttl) {
        OutcomeStatus marked = purpose == StatusPurpose.REVOCATION ? OutcomeStatus.REVOKED : OutcomeStatus.SUSPENDED;
        BitSet bits = new BitSet();
        bits.set(RECOGNITION_STATUS_INDEX, view.effectiveStatus() == marked);
        return issueStatusList(purpose, view.recognition().id(), bits, ttl);
    }

    private static String notActive(RecognitionView view) {
        return view.sourceStatus().entrySet().stream().filter(e -> e.getValue() != OutcomeStatus.ACTIVE)
                .map(e -> "source " + e.getKey() + " is " + e.getValue()).sorted()
                .reduce((a, b) -> a + ", " + b).orElse("a source is not active");
    }

    /**
     * The issuer's DID document, as {@code did:web} serves it at {@code /.well-known/did.json}: what
     * a third-party verifier needs to resolve each proof's {@code verificationMethod}. It lists the
     * P-256 key (a {@code JsonWebKey} with its certificate chain) and the Ed25519 key (a
     * {@code Multikey}), both as assertion methods.
     */
    public String controllerDocument() {
        ObjectNode doc = CredentialJson.object();
        doc.putArray("@context").add(DID_V1).add(MULTIKEY_V1);
        doc.put("id", issuer.id());
        var methods = doc.putArray("verificationMethod").add(verificationMethod());
        var assertion = doc.putArray("assertionMethod").add(issuer.verificationMethodId());
        if (issuer.eddsaKey() != null) {
            ObjectNode multikey = methods.addObject();
            multikey.put("id", issuer.eddsaVerificationMethodId());
            multikey.put("type", "Multikey");
            multikey.put("controller", issuer.id());
            multikey.put("publicKeyMultibase", issuer.eddsaKey().publicKeyMultibase());
            assertion.add(issuer.eddsaVerificationMethodId());
        }
        return CredentialJson.write(doc);
    }

    /** A credential without subject: every kind uses VC 2.0, Open Badges 3.0 (for the issuer Profile) and ours. */
    private ObjectNode envelope(String id, String type) {
        ObjectNode vc = CredentialJson.object();
        ArrayNode context = vc.putArray("@context");
        BundledContexts.CREDITBANK_DOCUMENTS.forEach(context::add);
        vc.put("id", id);
        vc.putArray("type").add("VerifiableCredential").add(type);
        vc.set("issuer", issuerProfile());
        return vc;
    }

    private static String newCredentialId() {
        return "urn:uuid:" + UUID.randomUUID();
    }

    private ObjectNode issuerProfile() {
        ObjectNode profile = CredentialJson.object();
        profile.put("id", issuer.id());
        profile.putArray("type").add("Profile");
        profile.put("name", issuer.name());
        profile.put("mspId", issuer.mspId());
        profile.set("issuerKey", verificationMethod());
        return profile;
    }

    /** A JsonWebKey verification method whose {@code x5c} chains the key to the institution's CA. */
    private ObjectNode verificationMethod() {
        ObjectNode method = CredentialJson.object();
        method.put("id", issuer.verificationMethodId());
        method.put("type", "JsonWebKey");
        method.put("controller", issuer.id());
        method.set("publicKeyJwk", P256Keys.toJwk(issuer.publicKey(), issuer.certificateChain()));
        return method;
    }

    private String sign(ObjectNode unsigned) {
        if (issuer.eddsaKey() == null) {
            return CredentialJson.write(DataIntegrityProof.sign(unsigned, issuer.verificationMethodId(),
                    clock.instant(), issuer.signingKey()));
        }
        return CredentialJson.write(DataIntegrityProof.signSet(unsigned, clock.instant(), List.of(
                DataIntegrityProof.Signer.ecdsa(issuer.verificationMethodId(), issuer.signingKey()),
                DataIntegrityProof.Signer.eddsa(issuer.eddsaVerificationMethodId(), issuer.eddsaKey().privateKey()))));
    }

    private static String learnerSubjectId(String learner) {
        if (!AccountNumber.isValid(learner)) {
            throw new CredentialException(CredentialException.Code.UNSUPPORTED_RECORD,
                    "learner " + learner + " is not a valid credit-bank account number", null);
        }
        return ACCOUNT_URN + learner;
    }

    private static void requireLearner(String learner, String recordId, String recordLearner) {
        if (!learner.equals(recordLearner)) {
            throw new CredentialException(CredentialException.Code.UNSUPPORTED_RECORD,
                    "record " + recordId + " belongs to another learner", null);
        }
    }

    private static String salt(SecureRandom random) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return HexFormat.of().formatHex(salt);
    }
}
