package org.creditbank.gateway.share;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.creditbank.gateway.ApiException;
import org.creditbank.gateway.auth.Principal;
import org.creditbank.gateway.auth.TokenRole;
import org.creditbank.gateway.credential.CredentialService;
import org.creditbank.gateway.credential.CredentialVerdict;
import org.creditbank.gateway.ledger.LedgerException;
import org.creditbank.gateway.outcome.OutcomeService;
import org.creditbank.gateway.recognition.RecognitionService;
import org.creditbank.model.ErrorCode;
import org.creditbank.model.json.CanonicalJson;
import org.creditbank.model.outcome.Outcome;
import org.creditbank.model.recognition.RecognitionView;

/**
 * A learner's shares: create one for records of their own, list and withdraw their own, and the
 * public side, the document behind a link. The credential of each record is signed when the learner
 * shares it, through the same use cases as a download ({@link CredentialService#outcomeCredential},
 * {@link CredentialService#recognitionCredential}), so a learner can disclose exactly what they could
 * download: their own records, of this institution, in force. Whoever opens the link gets those
 * credentials with a verdict taken then ({@link CredentialService#verify}, online against the ledger),
 * so a record revoked after it was shared shows as revoked, with the issuer's reason and date.
 *
 * <p>A share id is 128 random bits, base64url (22 characters), so a link is short enough for any QR
 * code and a phone camera, and guessing one is hopeless. Ownership: a learner sees and withdraws only
 * shares of their own account; another's looks absent (404), as records do.
 */
public final class ShareService {

    /** 22 base64url characters: what {@link #newId} draws. Anything else is not looked up. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{22}");

    private final ShareStore store;
    private final CredentialService credentials;
    private final OutcomeService outcomes;
    private final RecognitionService recognitions;
    private final String serviceIdentity;
    private final String publicBaseUrl;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ShareService(ShareStore store, CredentialService credentials, OutcomeService outcomes,
                        RecognitionService recognitions, String serviceIdentity, String publicBaseUrl, Clock clock) {
        this.store = store;
        this.credentials = credentials;
        this.outcomes = outcomes;
        this.recognitions = recognitions;
        this.serviceIdentity = serviceIdentity;
        this.publicBaseUrl = publicBaseUrl;
        this.clock = clock;
    }

    /** A share as its learner sees it in their list. */
    public record ShareView(String id, String link, String state, String recipient, String createdAt, String expiresAt,
                            String withdrawnAt, int openCount, String lastOpenedAt, List<String> outcomeIds,
                            List<String> recognitionIds) {
    }

    /** The answer to creating a share: the share, its link and the link's QR code (SVG). */
    public record Created(ShareView share, String link, String qrSvg) {
    }

    /** What whoever holds the link sees: each disclosed record's credential and the verdict on it now. */
    public record Document(String id, String link, String recipient, String createdAt, String expiresAt,
                           List<DisclosedRecord> records) {
    }

    /**
     * One disclosed record.
     *
     * @param standing what the ledger says of the record now, for a person: its status with the
     *                 issuer's reason and date, and the facts a credential does not carry (hours, level)
     */
    public record DisclosedRecord(String recordId, Share.Kind kind, JsonNode credential, CredentialVerdict verdict,
                                  Standing standing) {
    }

    /**
     * The record as the ledger holds it now.
     *
     * @param status          ACTIVE, SUSPENDED or REVOKED (for a recognition, its effective status)
     * @param reason          the issuer's reason for the last change; null while never changed
     * @param changedAt       when the status last changed; null while never changed
     * @param hours           study hours of an outcome; null when not recorded
     * @param level           qualification-framework level of an outcome; null when not recorded
     * @param lastValidDay    the outcome's last valid day; null for no end
     */
    public record Standing(String status, String reason, String changedAt, Integer hours, Integer level,
                           String lastValidDay) {
    }

    /** Shares records of {@code learner}'s own account; each must be one they could download as a credential. */
    public Created create(Principal learner, ShareRequest request) {
        Instant now = now();
        ApiException.throwIfAny(request.validate(now));
        List<Share.Disclosed> records = new ArrayList<>();
        request.outcomeIds().forEach(id -> records.add(new Share.Disclosed(id, Share.Kind.OUTCOME,
                credentials.outcomeCredential(learner, id))));
        request.recognitionIds().forEach(id -> records.add(new Share.Disclosed(id, Share.Kind.RECOGNITION,
                credentials.recognitionCredential(learner, id))));
        Share share = new Share(newId(), learner.learner(), request.recipient(), now, request.expiry(), null, 0, null,
                records);
        store.add(share);
        String link = link(share.id());
        return new Created(view(share, now), link, credentials.qrCodeOfLink(link));
    }

    /** The learner's own shares, newest first. */
    public List<ShareView> list(Principal learner) {
        Instant now = now();
        return store.ofLearner(learner.learner()).stream().map(s -> view(s, now)).toList();
    }

    /** Withdraws one of the learner's own shares; withdrawing it again changes nothing. */
    public ShareView withdraw(Principal learner, String id) {
        Share share = own(learner, id);
        store.withdraw(share.id(), now());
        return view(own(learner, id), now());
    }

    /** The document behind link {@code id}, while it is open; counts as one opening. */
    public Document document(String id) {
        Share share = open(id);
        store.opened(share.id(), now());
        Principal owner = new Principal("share " + share.id(), TokenRole.LEARNER, serviceIdentity, share.learner(), null);
        List<DisclosedRecord> records = share.records().stream().map(r -> new DisclosedRecord(r.recordId(), r.kind(),
                CanonicalJson.read(r.credential(), JsonNode.class), credentials.verify(r.credential()),
                standing(owner, r))).toList();
        return new Document(share.id(), link(share.id()), share.recipient(), share.createdAt().toString(),
                text(share.expiresAt()), records);
    }

    /** The QR code (SVG) of link {@code id}, while it is open: for the printed page. */
    public String qrCode(String id) {
        return credentials.qrCodeOfLink(link(open(id).id()));
    }

    /** A fresh share id: 128 bits from a {@link SecureRandom}, base64url without padding (22 characters). */
    String newId() {
        byte[] bits = new byte[16];
        random.nextBytes(bits);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
    }

    private String link(String id) {
        return publicBaseUrl + "/s/" + id;
    }

    private Share open(String id) {
        Instant now = now();
        return find(id).filter(s -> s.openAt(now)).orElseThrow(() -> new ApiException(ErrorCode.SHARE_NOT_AVAILABLE,
                "this share link is unknown, was withdrawn by the learner, or has expired"));
    }

    private Share own(Principal learner, String id) {
        return find(id).filter(s -> s.learner().equals(learner.learner()))
                .orElseThrow(() -> ApiException.notFound("no share " + id));
    }

    private Optional<Share> find(String id) {
        return id != null && ID.matcher(id).matches() ? store.find(id) : Optional.empty();
    }

    /** What the ledger says of a disclosed record now; null when it cannot say (the verdict still stands). */
    private Standing standing(Principal owner, Share.Disclosed r) {
        try {
            if (r.kind() == Share.Kind.OUTCOME) {
                Outcome o = outcomes.get(owner, r.recordId());
                return new Standing(o.status().name(), o.statusReason(), o.statusChangedAt(), o.draft().hours(),
                        o.draft().level(), o.draft().validUntil());
            }
            RecognitionView v = recognitions.get(owner, r.recordId());
            return new Standing(v.effectiveStatus().name(), null, null, null, null, null);
        } catch (ApiException | LedgerException e) {
            return null;
        }
    }

    private ShareView view(Share s, Instant now) {
        String state = s.withdrawnAt() != null ? "WITHDRAWN" : s.openAt(now) ? "OPEN" : "EXPIRED";
        return new ShareView(s.id(), link(s.id()), state, s.recipient(), s.createdAt().toString(), text(s.expiresAt()),
                text(s.withdrawnAt()), s.openCount(), text(s.lastOpenedAt()),
                ids(s, Share.Kind.OUTCOME), ids(s, Share.Kind.RECOGNITION));
    }

    private static List<String> ids(Share s, Share.Kind kind) {
        return s.records().stream().filter(r -> r.kind() == kind).map(Share.Disclosed::recordId).toList();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static String text(Instant at) {
        return at == null ? null : at.toString();
    }
}
