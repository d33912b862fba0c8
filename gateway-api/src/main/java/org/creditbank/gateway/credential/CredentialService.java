package org.creditbank.gateway.credential;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.SecureRandom;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.creditbank.credentials.CredentialException;
import org.creditbank.credentials.CredentialIssuer;
import org.creditbank.credentials.CredentialVerifier;
import org.creditbank.credentials.SignedTranscript;
import org.creditbank.credentials.StatusPurpose;
import org.creditbank.credentials.TrustBundle;
import org.creditbank.gateway.ApiException;
import org.creditbank.gateway.auth.Principal;
import org.creditbank.gateway.learner.LearnerService;
import org.creditbank.gateway.ledger.LedgerCall;
import org.creditbank.gateway.ledger.LedgerException;
import org.creditbank.gateway.ledger.LedgerClient;
import org.creditbank.gateway.outcome.OutcomeService;
import org.creditbank.gateway.verification.VerificationService;
import org.creditbank.model.ErrorCode;
import org.creditbank.model.json.CanonicalJson;
import org.creditbank.model.outcome.IssuedStatus;
import org.creditbank.model.outcome.Outcome;
import org.creditbank.model.outcome.OutcomeStatus;
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
 */
public final class CredentialService {

    private final LedgerClient ledger;
    private final OutcomeService outcomes;
    private final LearnerService learners;
    private final String serviceIdentity;
    private final String mspId;
    private final CredentialSetup setup;
    private final CredentialIssuer issuer;
    private final LedgerBackedCredentialCheck checker;
    private final SecureRandom random = new SecureRandom();

    public CredentialService(LedgerClient ledger, OutcomeService outcomes, LearnerService learners,
                             String serviceIdentity, String mspId, CredentialSetup setup, VerificationService verification) {
        this.ledger = ledger;
        this.outcomes = outcomes;
        this.learners = learners;
        this.serviceIdentity = serviceIdentity;
        this.mspId = mspId;
        this.setup = setup;
        this.issuer = setup.issuer() == null ? null : new CredentialIssuer(setup.issuer(), setup.clock());
        this.checker = new LedgerBackedCredentialCheck(new CredentialVerifier(setup.trust()), verification);
    }

    /**
     * A freshly signed AchievementCredential for outcome {@code id}: an ACTIVE outcome this
     * institution issued, which {@code caller} may read.
     */
    public String outcomeCredential(Principal caller, String id) {
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
        try {
            return signer.issueAchievement(outcome, null, position);
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
     * This institution's signed status list {@code listId} (an issuing transaction) for
     * {@code purpose}, made from the ledger's statuses now: bit i stands for the i-th outcome that
     * transaction issued.
     */
    public String statusList(String listId, String purpose) {
        return statusLists(listId, List.of(purpose(purpose))).get(0);
    }

    private List<String> statusLists(String listId, List<StatusPurpose> purposes) {
        CredentialIssuer signer = signer();
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

    /**
     * What an outside verifier needs to resolve this institution's key: the controller document
     * (verification method with its X.509 chain), the status-list URLs and the CA this institution
     * says is its own, which a careful verifier compares with the channel configuration.
     */
    public String issuerDocument() {
        CredentialIssuer signer = signer();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("mspId", mspId);
        doc.put("name", setup.issuer().name());
        doc.put("id", setup.issuer().id());
        doc.put("controllerDocument", CanonicalJson.read(signer.controllerDocument(), JsonNode.class));
        Map<String, String> lists = new LinkedHashMap<>();
        for (StatusPurpose p : StatusPurpose.values()) {
            lists.put(p.value(), setup.issuer().statusListUrl(p, "{issuing transaction id}"));
        }
        doc.put("statusLists", lists);
        doc.put("trustBundle", CanonicalJson.read(new TrustBundle(
                Map.of(mspId, setup.trust().caCertificatesOf(mspId))).toJson(), JsonNode.class));
        return CanonicalJson.toJson(doc);
    }

    /** Verifies a credential or transcript presentation against the trust bundle and the ledger. */
    public CredentialVerdict verify(String json) {
        JsonNode document = parse(json);
        boolean ours = issuer != null && document != null && mspId.equals(document.path("issuer").path("mspId").asText());
        List<String> ownLists = ours ? ownStatusLists(document) : List.of();
        String link = document == null ? null : VerifyLink.of(setup.publicBaseUrl(), CanonicalJson.toJson(document));
        return checker.check(json, document, ownLists, setup.clock().instant().truncatedTo(ChronoUnit.SECONDS), link);
    }

    /** The QR code (SVG) of the verification-page link for a credential or presentation. */
    public String qrCode(String json) {
        JsonNode document = parse(json);
        if (document == null) {
            throw new ApiException(ErrorCode.MALFORMED_INPUT, "a QR code is made for a JSON credential"
                    + " or presentation; this is not JSON");
        }
        return VerifyLink.qrSvg(VerifyLink.of(setup.publicBaseUrl(), CanonicalJson.toJson(document)));
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

    /** The outcomes one of our transactions issued, in order, with their statuses now. */
    private List<IssuedStatus> issuance(String txId) {
        return List.of(CanonicalJson.read(ledger.evaluate(serviceIdentity, LedgerCall.of("outcome:issuanceStatuses", txId)),
                IssuedStatus[].class));
    }

    private CredentialIssuer signer() {
        if (issuer == null) {
            throw new ApiException(ErrorCode.CREDENTIALS_NOT_CONFIGURED, "this gateway has no issuer key; set"
                    + " credentials.key and credentials.certificates to issue credentials");
        }
        return issuer;
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
