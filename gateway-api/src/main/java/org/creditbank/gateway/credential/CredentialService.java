package org.creditbank.gateway.credential;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.creditbank.credentials.CredentialException;
import org.creditbank.credentials.CredentialIssuer;
import org.creditbank.credentials.CredentialVerifier;
import org.creditbank.credentials.IssuerIdentity;
import org.creditbank.credentials.RecognisedSource;
import org.creditbank.credentials.SignedTranscript;
import org.creditbank.credentials.StatusPurpose;
import org.creditbank.credentials.TrustBundle;
import org.creditbank.credentials.VerificationReport;
import org.creditbank.gateway.ApiException;
import org.creditbank.gateway.auth.Principal;
import org.creditbank.gateway.learner.LearnerService;
import org.creditbank.gateway.ledger.LedgerCall;
import org.creditbank.gateway.ledger.LedgerException;
import org.creditbank.gateway.ledger.LedgerClient;
import org.creditbank.gateway.outcome.OutcomeService;
import org.creditbank.gateway.recognition.RecognitionService;
import org.creditbank.gateway.verification.VerificationService;
import org.creditbank.model.ErrorCode;
import org.creditbank.model.RecordId;
import org.creditbank.model.institution.Institution;
import org.creditbank.model.institution.SigningKey;
import org.creditbank.model.json.CanonicalJson;
import org.creditbank.model.outcome.IssuedStatus;
import org.creditbank.model.outcome.Outcome;
import org.creditbank.model.outcome.OutcomeStatus;
import org.creditbank.model.recognition.RecognitionView;
import org.creditbank.model.transcript.Transcript;

/**
 * The gateway's credential use cases: signs Open Badges 3.0 credentials and CLR-shaped transcripts
 * for ledger records, publishes this institution's status lists and key, and verifies what anyone
 * brings. Signing and checking are the {@code credentials} module's; this class adds what needs the
 * ledger (current statuses, status-list positions, the record behind a credential). A credential is
 * signed for what its caller may read: the record is read through {@link OutcomeService#get} and
 * {@link LearnerService#transcript}, which apply the one access rule for learners
 * ({@link Principal#mayReadRecordsOf}), so a learner asking for someone else's gets the same 404 as
 * for a record that does not exist, whichever route asks.
 *
 * <p>What the ledger says about this institution decides how it signs: credentials carry its
 * registered display name (not the MSP id of the configuration), and the {@code eddsa-rdfc-2022}
 * proof only while its Ed25519 key is registered and not retired on the ledger, so no credential
 * carries a proof that the consortium's own record would refuse. Both are read at most every
 * {@link #LEDGER_VIEW_REFRESH}. Online verification trusts the Ed25519 keys the ledger lists.
 */
public final class CredentialService {

    private final LedgerClient ledger;
    private final OutcomeService outcomes;
    private final RecognitionService recognitions;
    private final LearnerService learners;
    private final String serviceIdentity;
    private final String mspId;
    /** How long what the ledger says about this institution (name, Ed25519 key) is used before asking again. */
    public static final Duration LEDGER_VIEW_REFRESH = Duration.ofMinutes(1);
    private static final System.Logger LOG = System.getLogger(CredentialService.class.getName());

    private final CredentialSetup setup;
    private final VerificationService verification;
    private final SecureRandom random = new SecureRandom();
    private volatile Registered registered;
    private volatile Trusted trusted;

    /** The signer as the ledger last said this institution is, and when it said so. */
    private record Registered(Instant readAt, IssuerIdentity identity, CredentialIssuer issuer) {
    }

    /** The online verifier for one list of the ledger's registered keys. */
    private record Trusted(List<SigningKey> keys, TrustBundle trust, LedgerBackedCredentialCheck verifier) {
    }

    public CredentialService(LedgerClient ledger, OutcomeService outcomes, RecognitionService recognitions,
                             LearnerService learners, String serviceIdentity, String mspId, CredentialSetup setup,
                             VerificationService verification) {
        this.ledger = ledger;
        this.outcomes = outcomes;
        this.recognitions = recognitions;
        this.learners = learners;
        this.serviceIdentity = serviceIdentity;
        this.mspId = mspId;
        this.setup = setup;
        this.verification = verification;
        this.trusted = new Trusted(List.of(), setup.trust(),
                new LedgerBackedCredentialCheck(new CredentialVerifier(setup.trust()), verification));
    }

    /**
     * A freshly signed AchievementCredential for outcome {@code id}: an ACTIVE outcome this
     * institution issued, which {@code caller} may read.
     */
    public String outcomeCredential(Principal caller, String id) {
        return outcomeCredential(caller, id, null, false);
    }

    /**
     * The same credential, with the learner's name as {@code credentialSubject.name} when
     * {@code withName}: only on the learner's (or their registrar's) request, from this
     * institution's private collection, read with the gateway's own identity, which sees the name
     * and nothing else of the personal data ({@code learner:nameOnCredential}). NOT_FOUND when this
     * institution holds no name (never given, or erased): the credential is never silently anonymous.
     */
    public String outcomeCredential(Principal caller, String id, boolean withName) {
        return outcomeCredential(caller, id, null, withName);
    }

    /**
     * The same credential issued to a wallet: its subject is {@code holder}, a DID the wallet has
     * just proved it controls (see {@code wallet}); null for the account URN as subject. The name
     * as for {@link #outcomeCredential(Principal, String, boolean)}.
     */
    public String outcomeCredential(Principal caller, String id, String holder, boolean withName) {
        Outcome outcome = outcomes.get(caller, id);
        CredentialIssuer signer = signer();
        if (!mspId.equals(outcome.issuer())) {
            throw new ApiException(ErrorCode.ORG_NOT_ALLOWED, "outcome " + outcome.id() + " was issued by "
                    + outcome.issuer() + "; only that institution's gateway issues its credentials");
        }
        List<String> listed = issuance(outcome.awardTxId()).stream().map(IssuedStatus::id).toList();
        int position = listed.indexOf(outcome.id());
        if (position < 0) {
            throw new IllegalStateException("outcome " + outcome.id() + " is missing from its issuance " + outcome.awardTxId());
        }
        String name = withName ? learners.nameOnCredential(serviceIdentity, outcome.draft().learner()) : null;
        try {
            return signer.issueAchievement(outcome, name, position, holder);
        } catch (CredentialException e) {
            throw notIssuable(e);
        }
    }

    /**
     * A freshly signed credential for recognition {@code id} (see
     * {@link CredentialIssuer#issueRecognition}): one this institution decided, in force (every
     * source outcome ACTIVE), which {@code caller} may read ({@link RecognitionService#get}, the
     * learner rule). Its sources are read as {@code caller} reads them, their institutions' names
     * as registered.
     */
    public String recognitionCredential(Principal caller, String id) {
        RecognitionView view = recognitions.get(caller, id);
        CredentialIssuer signer = signer();
        String recogniser = view.recognition().recogniser();
        if (!mspId.equals(recogniser)) {
            throw new ApiException(ErrorCode.ORG_NOT_ALLOWED, "recognition " + view.recognition().id() + " was decided by "
                    + recogniser + "; only that institution's gateway issues its credentials");
        }
        Map<String, String> names = new HashMap<>();
        List<RecognisedSource> sources = view.recognition().request().sourceOutcomeIds().stream().map(sourceId -> {
            Outcome source = outcomes.get(caller, sourceId);
            return new RecognisedSource(source, names.computeIfAbsent(source.issuer(), msp -> nameOf(msp, msp)));
        }).toList();
        try {
            return signer.issueRecognition(view, sources);
        } catch (CredentialException e) {
            throw notIssuable(e);
        }
    }

    /**
     * A signed transcript of what stands on the learner's account: revoked, suspended and expired
     * records are left out (see {@link CredentialIssuer#issueTranscript}). Without {@code disclose}
     * it is what the learner keeps ({@code {"credential", "entries"}}); with record ids it is a
     * presentation revealing just those entries, ready to hand to one verifier. Asking to disclose a
     * record of the account that was left out is 422 CREDENTIAL_NOT_ISSUABLE, saying why. Only for
     * an account {@code caller} may read.
     */
    public String transcriptCredential(Principal caller, String accountNo, List<String> disclose) {
        Transcript transcript = learners.transcript(caller, accountNo);
        SignedTranscript signed;
        try {
            signed = signer().issueTranscript(transcript.learner(), transcript.outcomes(), transcript.recognitions(),
                    random);
        } catch (CredentialException e) {
            throw notIssuable(e);
        }
        if (disclose.isEmpty()) {
            Map<String, Object> kept = new LinkedHashMap<>();
            kept.put("credential", CanonicalJson.read(signed.credential(), JsonNode.class));
            kept.put("entries", signed.entries());
            return CanonicalJson.toJson(kept);
        }
        List<String> recordIds = signed.entries().stream().map(e -> String.valueOf(e.entry().get("recordId"))).toList();
        List<Integer> indices = new ArrayList<>();
        for (String id : disclose) {
            if (!recordIds.contains(id)) {
                throw leftOut(transcript, id);
            }
            indices.add(recordIds.indexOf(id));
        }
        return signed.present(indices);
    }

    /** Why record {@code id} is not in the learner's signed transcript: not in force, or not the learner's at all. */
    private static ApiException leftOut(Transcript transcript, String id) {
        String status = transcript.outcomes().stream().filter(o -> o.id().equals(id))
                .map(o -> o.status() == OutcomeStatus.ACTIVE ? "past its last valid day " + o.draft().validUntil()
                        : o.status().name())
                .findFirst()
                .orElseGet(() -> transcript.recognitions().stream().filter(r -> r.recognition().id().equals(id))
                        .map(r -> r.effectiveStatus() + " (a source outcome is not active)").findFirst().orElse(null));
        if (status == null) {
            return ApiException.notFound("the learner's transcript has no record " + id);
        }
        return new ApiException(ErrorCode.CREDENTIAL_NOT_ISSUABLE, "record " + id + " is " + status
                + ", so it is not in force and a signed transcript leaves it out");
    }

    /**
     * This institution's signed status list {@code listId} for {@code purpose}, made from the
     * ledger's statuses now. For an issuing transaction, bit i stands for the i-th outcome that
     * transaction issued; for one of this institution's recognitions (a recognition id), bit 0
     * stands for its credential and follows its effective status
     * ({@link CredentialIssuer#issueRecognitionStatusList}). Achievement credentials name the
     * revocation list only (Open Badges 3.0 allows one status entry); the suspension list is for
     * credentials issued before, which name both, so they keep verifying as they did.
     */
    public String statusList(String listId, String purpose) {
        return statusLists(listId, List.of(purpose(purpose))).get(0);
    }

    private List<String> statusLists(String listId, List<StatusPurpose> purposes) {
        CredentialIssuer signer = signer();
        Optional<RecordId> recognition = RecordId.parse(listId).filter(r -> r.kind() == RecordId.Kind.RECOGNITION);
        if (recognition.isPresent()) {
            RecognitionView view = ownRecognition(recognition.get());
            return purposes.stream().map(p -> signer.issueRecognitionStatusList(p, view, setup.statusListTtl())).toList();
        }
        List<IssuedStatus> issued = issuance(listId);
        return purposes.stream().map(p -> {
            OutcomeStatus marked = p == StatusPurpose.REVOCATION ? OutcomeStatus.REVOKED : OutcomeStatus.SUSPENDED;
            BitSet bits = new BitSet();
            for (int i = 0; i < issued.size(); i++) {
                bits.set(i, issued.get(i).status() == marked);
            }
            return signer.issueStatusList(p, listId, bits, setup.statusListTtl());
        }).toList();
    }

    /** This institution's name as the ledger has it registered (what its credentials say as issuer name). */
    public String issuerName() {
        return registered().identity().name();
    }

    /**
     * What an outside verifier needs to resolve this institution's key: the controller document
     * (verification method with its X.509 chain), the status-list URLs and the CA this institution
     * says is its own, which a careful verifier compares with the channel configuration.
     */
    public String issuerDocument() {
        Registered self = registered();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("mspId", mspId);
        doc.put("name", self.identity().name());
        doc.put("id", self.identity().id());
        doc.put("controllerDocument", CanonicalJson.read(self.issuer().controllerDocument(), JsonNode.class));
        Map<String, String> lists = new LinkedHashMap<>();
        for (StatusPurpose p : StatusPurpose.values()) {
            lists.put(p.value(), self.identity().statusListUrl(p, "{issuing transaction id}"));
        }
        doc.put("statusLists", lists);
        doc.put("trustBundle", CanonicalJson.read(new TrustBundle(Map.of(mspId, setup.trust().caCertificatesOf(mspId)))
                .withSigningKeys(ownKeys()).toJson(), JsonNode.class));
        return CanonicalJson.toJson(doc);
    }

    /**
     * This institution's DID document, served at {@code /.well-known/did.json} of the host its
     * {@code did:web} names: the keys its credentials are signed with now, both assertion methods.
     */
    public String didDocument() {
        return registered().issuer().controllerDocument();
    }

    /** Verifies a credential or transcript presentation against the trust bundle and the ledger. */
    public CredentialVerdict verify(String json) {
        JsonNode document = parse(json);
        boolean ours = setup.issuer() != null && document != null
                && mspId.equals(document.path("issuer").path("mspId").asText());
        List<String> ownLists = ours ? ownStatusLists(document) : List.of();
        String link = document == null ? null : VerifyLink.of(setup.publicBaseUrl(), CanonicalJson.toJson(document));
        CredentialVerdict verdict = verifier().check(json, document, ownLists,
                setup.clock().instant().truncatedTo(ChronoUnit.SECONDS), link);
        boolean trusted = verdict.checks().stream().anyMatch(c -> c.check().equals("ISSUER_TRUSTED")
                && c.status() == VerificationReport.Status.PASSED);
        JsonNode signer = document == null ? null : document.has("transcript") ? document.path("transcript") : document;
        String msp = signer == null ? "" : signer.path("issuer").path("mspId").asText();
        if (!trusted || msp.isEmpty()) {
            return verdict;
        }
        try {
            return verdict.withIssuerName(nameOf(msp, null));
        } catch (LedgerException e) {
            return verdict; // the verdict stands without the registered name
        }
    }

    /** The online verifier trusting the bundle's CAs and the Ed25519 keys the ledger lists now. */
    private LedgerBackedCredentialCheck verifier() {
        List<SigningKey> keys = signingKeys(LedgerCall.of("signingkey:list"));
        Trusted known = trusted;
        if (!known.keys().equals(keys)) {
            // A new verifier only when the ledger's keys changed: it keeps the certificate chains it accepted.
            TrustBundle trust = setup.trust().withSigningKeys(keys);
            known = new Trusted(keys, trust, new LedgerBackedCredentialCheck(new CredentialVerifier(trust), verification));
            trusted = known;
        }
        return known.verifier();
    }

    /** The keys of a signingkey list call; none when the ledger cannot say (e.g. a chaincode from before the contract). */
    private List<SigningKey> signingKeys(LedgerCall call) {
        try {
            return List.of(CanonicalJson.read(ledger.evaluate(serviceIdentity, call), SigningKey[].class));
        } catch (LedgerException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot read the ledger's signing keys: " + e.getMessage());
            return List.of();
        }
    }

    private List<SigningKey> ownKeys() {
        return signingKeys(LedgerCall.of("signingkey:listOf", mspId));
    }

    /**
     * The signer as the ledger says this institution is: its registered name (the configured one
     * while it has no profile) and its Ed25519 key only while that is registered and in force.
     */
    private Registered registered() {
        if (setup.issuer() == null) {
            throw new ApiException(ErrorCode.CREDENTIALS_NOT_CONFIGURED, "this gateway has no issuer key; set"
                    + " credentials.key and credentials.certificates to issue credentials");
        }
        Instant now = setup.clock().instant();
        Registered known = registered;
        if (known != null && now.isBefore(known.readAt().plus(LEDGER_VIEW_REFRESH))) {
            return known;
        }
        IssuerIdentity identity = setup.issuer().withName(registeredName());
        if (identity.eddsaKey() != null) {
            String multikey = identity.eddsaKey().publicKeyMultibase();
            boolean inForce = ownKeys().stream()
                    .anyMatch(k -> k.publicKeyMultibase().equals(multikey) && k.inForceAt(now));
            if (!inForce) {
                LOG.log(System.Logger.Level.WARNING, "the Ed25519 key " + multikey + " of " + mspId + " is not registered"
                        + " on the ledger (or retired): credentials carry only the ecdsa-rdfc-2019 proof until the org"
                        + " admin runs signingkey:register " + multikey);
                identity = identity.withoutEddsaKey();
            }
        }
        known = new Registered(now, identity, new CredentialIssuer(identity, setup.clock()));
        registered = known;
        return known;
    }

    /**
     * The institution's name as registered on the ledger, with its English name when the profile has
     * one ({@link org.creditbank.model.institution.InstitutionProfile#credentialName}); the configured
     * one while it is not registered.
     */
    private String registeredName() {
        return nameOf(mspId, setup.issuer().name());
    }

    /** Institution {@code msp}'s name as credentials carry it; {@code unregistered} while it has no profile. */
    private String nameOf(String msp, String unregistered) {
        try {
            Institution institution = CanonicalJson.read(ledger.evaluate(serviceIdentity,
                    LedgerCall.of("institution:get", msp)), Institution.class);
            return institution.profile().credentialName();
        } catch (LedgerException e) {
            if (e.refusal().filter(r -> r.code() == ErrorCode.INSTITUTION_NOT_REGISTERED).isPresent()) {
                return unregistered;
            }
            throw e;
        }
    }

    /** The QR code (SVG) of the verification-page link for a credential or presentation. */
    public String qrCode(String json) {
        JsonNode document = parse(json);
        if (document == null) {
            throw new ApiException(ErrorCode.MALFORMED_INPUT, "a QR code is made for a JSON credential"
                    + " or presentation; this is not JSON");
        }
        return VerifyLink.qrSvg(VerifyLink.forQr(setup.publicBaseUrl(), document));
    }

    /** The QR code (SVG) of a link to one of this gateway's pages, such as a share's short link. */
    public String qrCodeOfLink(String link) {
        return VerifyLink.qrSvg(link);
    }

    /** The document as JSON, or null when it is not JSON (the verifier then reports it malformed). */
    private static JsonNode parse(String json) {
        try {
            return CanonicalJson.read(json, JsonNode.class);
        } catch (CanonicalJson.MalformedJsonException e) {
            return null;
        }
    }

    /** The current status lists behind one of our own credentials: those its status entries name. */
    private List<String> ownStatusLists(JsonNode credential) {
        String base = setup.issuer().statusListBase() + "/";
        List<String> lists = new ArrayList<>();
        JsonNode entries = credential.path("credentialStatus");
        for (JsonNode entry : entries.isArray() ? entries : List.of(entries)) {
            String url = entry.path("statusListCredential").asText();
            int slash = url.lastIndexOf('/');
            if (url.startsWith(base) && slash > base.length()) {
                String listId = url.substring(base.length(), slash);
                try {
                    lists.addAll(statusLists(listId, List.of(purpose(url.substring(slash + 1)))));
                } catch (ApiException | LedgerException e) {
                    // A list we cannot produce is reported by the verifier as not checked.
                }
            }
        }
        return lists;
    }

    /** One of our recognitions with its effective status now; another institution's has no list here. */
    private RecognitionView ownRecognition(RecordId id) {
        if (!mspId.equals(id.institution())) {
            throw ApiException.notFound("no status list " + id + " here: " + id.institution() + " publishes the lists of"
                    + " its own recognitions");
        }
        return CanonicalJson.read(ledger.evaluate(serviceIdentity, LedgerCall.of("recognition:get", id.toString())),
                RecognitionView.class);
    }

    /** The outcomes one of our transactions issued, in order, with their statuses now. */
    private List<IssuedStatus> issuance(String txId) {
        return List.of(CanonicalJson.read(ledger.evaluate(serviceIdentity, LedgerCall.of("outcome:issuanceStatuses", txId)),
                IssuedStatus[].class));
    }

    private CredentialIssuer signer() {
        return registered().issuer();
    }

    private static StatusPurpose purpose(String value) {
        for (StatusPurpose p : StatusPurpose.values()) {
            if (p.value().equals(value)) {
                return p;
            }
        }
        throw ApiException.notFound("no status list '" + value + "'; there are revocation and suspension");
    }

    private static ApiException notIssuable(CredentialException e) {
        return new ApiException(ErrorCode.CREDENTIAL_NOT_ISSUABLE, e.getMessage(), List.of(), null, e);
    }
}
