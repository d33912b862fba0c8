package org.creditbank.gateway.wallet;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.creditbank.gateway.ApiException;
import org.creditbank.gateway.auth.Principal;
import org.creditbank.model.ErrorCode;

/**
 * The open offers of this gateway and the one-time secrets that lead to them. Every secret is 128
 * random bits, single-use and expires with its offer; the number of open offers and nonces is
 * bounded, so no caller can fill the gateway's memory. One lock guards it all: every operation is
 * a few map lookups.
 */
final class Offers {

    /** How long a learner has to collect an offer with a wallet. */
    static final Duration OFFER_LIFETIME = Duration.ofMinutes(10);
    /** How long a key-proof nonce may be used. */
    static final Duration NONCE_LIFETIME = Duration.ofMinutes(5);
    /** At most this many offers are open at once on one gateway (expired ones are dropped first). */
    static final int MAX_OPEN_OFFERS = 10_000;
    /** At most this many key-proof nonces are outstanding at once. */
    static final int MAX_NONCES = 10_000;
    /** At most this many open offers per learner: a learner collects a few records at a time. */
    static final int MAX_OPEN_OFFERS_PER_CALLER = 20;

    /**
     * One offer of one record to whichever wallet collects it first.
     *
     * @param caller   the learner (or registrar) who opened it; the credential is signed for what
     *                 this caller may read, when it is collected
     * @param recordId the outcome offered
     * @param withName whether the credential carries the learner's name (the learner asked for it)
     * @param preAuthorizedCode the OpenID4VCI code a wallet exchanges for {@code accessToken}
     * @param challenge the VC-API exchange's DID Authentication challenge
     */
    record Offer(String id, Principal caller, String recordId, boolean withName, Instant expiresAt,
                 String preAuthorizedCode, String challenge, String accessToken) {

        Offer withAccessToken(String token) {
            return new Offer(id, caller, recordId, withName, expiresAt, preAuthorizedCode, challenge, token);
        }
    }

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Offer> byId = new HashMap<>();
    private final Map<String, String> idByCode = new HashMap<>();
    private final Map<String, String> idByToken = new HashMap<>();
    private final Map<String, Instant> nonces = new HashMap<>();

    Offers(Clock clock) {
        this.clock = clock;
    }

    Instant now() {
        return clock.instant();
    }

    synchronized Offer open(Principal caller, String recordId, boolean withName) {
        dropExpired();
        long ofCaller = byId.values().stream().filter(o -> o.caller().tokenId().equals(caller.tokenId())).count();
        if (ofCaller >= MAX_OPEN_OFFERS_PER_CALLER || byId.size() >= MAX_OPEN_OFFERS) {
            throw new ApiException(ErrorCode.RATE_LIMITED, "too many wallet offers are open; collect or let some"
                    + " expire (after " + OFFER_LIFETIME.toMinutes() + " minutes) first", List.of(),
                    (int) OFFER_LIFETIME.toSeconds(), null);
        }
        Offer offer = new Offer(secret(), caller, recordId, withName, clock.instant().plus(OFFER_LIFETIME), secret(),
                secret(), null);
        byId.put(offer.id(), offer);
        idByCode.put(offer.preAuthorizedCode(), offer.id());
        return offer;
    }

    /** The open offer {@code id} (a collected one is gone); OFFER_NOT_VALID when there is none. */
    synchronized Offer get(String id) {
        dropExpired();
        Offer offer = id == null ? null : byId.get(id);
        if (offer == null) {
            throw notValid("no open wallet offer " + abbreviate(id) + "; it was collected, has expired, or never existed");
        }
        return offer;
    }

    /** Spends a pre-authorised code: the access token of its offer, which works once. */
    synchronized Offer redeemCode(String code) {
        dropExpired();
        String id = code == null ? null : idByCode.remove(code);
        if (id == null) {
            throw notValid("the pre-authorized code is unknown, already used or expired");
        }
        Offer offer = byId.get(id).withAccessToken(secret());
        byId.put(id, offer);
        idByToken.put(offer.accessToken(), id);
        return offer;
    }

    /** The offer an access token was given for, unless it was collected or expired. */
    synchronized Optional<Offer> byAccessToken(String token) {
        dropExpired();
        String id = token == null ? null : idByToken.get(token);
        return Optional.ofNullable(id).map(byId::get);
    }

    /**
     * Collects the offer, once, which closes it and spends its code and token: false when another
     * request collected it first, so two wallets racing for one offer get one credential between them.
     */
    synchronized boolean collect(String id) {
        Offer offer = byId.remove(id);
        if (offer == null) {
            return false;
        }
        idByCode.remove(offer.preAuthorizedCode());
        if (offer.accessToken() != null) {
            idByToken.remove(offer.accessToken());
        }
        return true;
    }

    /**
     * Gives back an offer collected by a request whose credential could not be signed after all
     * (the ledger did not answer, say), so the wallet may retry while the offer lasts.
     */
    synchronized void reopen(Offer collected) {
        Offer offer = byId.containsKey(collected.id()) ? byId.get(collected.id()) : collected;
        byId.put(offer.id(), offer);
        if (offer.accessToken() != null) {
            idByToken.put(offer.accessToken(), offer.id());
        } else {
            idByCode.put(offer.preAuthorizedCode(), offer.id());
        }
    }

    synchronized String newNonce() {
        Instant now = clock.instant();
        nonces.values().removeIf(expiry -> !expiry.isAfter(now));
        if (nonces.size() >= MAX_NONCES) {
            throw new ApiException(ErrorCode.RATE_LIMITED, "too many key-proof nonces are outstanding",
                    List.of(), (int) NONCE_LIFETIME.toSeconds(), null);
        }
        String nonce = secret();
        nonces.put(nonce, now.plus(NONCE_LIFETIME));
        return nonce;
    }

    /** Spends a nonce: true once for a nonce this gateway gave out and that has not expired. */
    synchronized boolean spendNonce(String nonce) {
        Instant expiry = nonce == null ? null : nonces.remove(nonce);
        return expiry != null && expiry.isAfter(clock.instant());
    }

    private void dropExpired() {
        Instant now = clock.instant();
        byId.values().removeIf(o -> {
            boolean expired = !o.expiresAt().isAfter(now);
            if (expired) {
                idByCode.remove(o.preAuthorizedCode());
                if (o.accessToken() != null) {
                    idByToken.remove(o.accessToken());
                }
            }
            return expired;
        });
    }

    private String secret() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static ApiException notValid(String why) {
        return new ApiException(ErrorCode.OFFER_NOT_VALID, why);
    }

    private static String abbreviate(String id) {
        return id == null ? "(none)" : id.length() > 40 ? id.substring(0, 40) + "…" : id;
    }
}
