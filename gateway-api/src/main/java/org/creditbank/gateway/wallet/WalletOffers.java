package org.creditbank.gateway.wallet;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.creditbank.gateway.auth.Principal;
import org.creditbank.gateway.credential.CredentialService;
import org.creditbank.model.json.CanonicalJson;

/**
 * A learner's way into a wallet: opens a one-time offer of one of their outcomes and says how a
 * wallet collects it, by OpenID4VCI ({@link Oid4vciIssuer}) or a VC-API exchange
 * ({@link VcApiExchanges}), each as a link short enough for a QR code. What a wallet finally gets is
 * the credential {@link CredentialService#outcomeCredential} signs for the learner who opened the
 * offer, with the wallet's DID as subject, so the learner access rule applies to it as to a download.
 */
public final class WalletOffers {

    /** The Learner Credential Wallet's deep link, which takes a VC-API exchange (DCC's LCW docs). */
    static final String LEARNER_CREDENTIAL_WALLET = "https://lcw.app/request.html?request=";

    private final CredentialService credentials;
    private final String baseUrl;
    private final Offers offers;
    private final Oid4vciIssuer oid4vci;
    private final VcApiExchanges vcApi;

    public WalletOffers(CredentialService credentials, String publicBaseUrl, Clock clock) {
        this.credentials = credentials;
        this.baseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
                : publicBaseUrl;
        this.offers = new Offers(clock);
        this.oid4vci = new Oid4vciIssuer(this, offers);
        this.vcApi = new VcApiExchanges(this, offers);
    }

    /**
     * How a wallet collects an offer.
     *
     * @param credentialOffer    the OpenID4VCI offer link ({@code openid-credential-offer://}), by reference
     * @param interactionUrl     the VC-API interaction URL: GET it for the {@code protocols}
     * @param exchange           the VC-API exchange a wallet POSTs to
     * @param learnerCredentialWallet the deep link that opens the exchange in the Learner Credential Wallet
     */
    public record OfferLinks(String offerId, String recordId, String expiresAt, String credentialOffer,
                             String interactionUrl, String exchange, String learnerCredentialWallet) {
    }

    public Oid4vciIssuer oid4vci() {
        return oid4vci;
    }

    public VcApiExchanges vcApi() {
        return vcApi;
    }

    /**
     * Opens an offer of outcome {@code outcomeId} for {@code caller}, with the learner's name in the
     * credential when {@code withName}, after making sure the caller may have that credential now
     * (the same refusals as downloading it: 404, 403, 422; 404 too when the name is asked for and
     * this institution holds none).
     */
    public OfferLinks open(Principal caller, String outcomeId, boolean withName) {
        credentials.outcomeCredential(caller, outcomeId, withName);
        Offers.Offer offer = offers.open(caller, outcomeId, withName);
        return links(offer);
    }

    OfferLinks links(Offers.Offer offer) {
        String exchange = baseUrl + "/exchanges/" + offer.id();
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("credentialRequestOrigin", baseUrl);
        request.put("protocols", Map.of("vcapi", exchange));
        return new OfferLinks(offer.id(), offer.recordId(), offer.expiresAt().toString(), credentialOfferLink(offer),
                exchange + "/protocols", exchange,
                LEARNER_CREDENTIAL_WALLET + encode(CanonicalJson.toJson(request)));
    }

    String credentialOfferLink(Offers.Offer offer) {
        return "openid-credential-offer://?credential_offer_uri=" + encode(baseUrl + "/oid4vci/offers/" + offer.id());
    }

    /** The credential issuer identifier: this gateway's public base URL. */
    String issuer() {
        return baseUrl;
    }

    /** The host (and port) of this gateway, the {@code domain} a DID Authentication is made for. */
    String domain() {
        return URI.create(baseUrl).getRawAuthority();
    }

    String issuerName() {
        return credentials.issuerName();
    }

    /**
     * Signs the offered credential for {@code holder}, once: the offer is collected first, so two
     * wallets racing get one credential, and given back if signing fails, so the wallet may retry.
     */
    String deliver(Offers.Offer offer, String holder) {
        if (!offers.collect(offer.id())) {
            throw Offers.notValid("this wallet offer was collected already");
        }
        try {
            return credentials.outcomeCredential(offer.caller(), offer.recordId(), holder, offer.withName());
        } catch (RuntimeException e) {
            offers.reopen(offer);
            throw e;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
