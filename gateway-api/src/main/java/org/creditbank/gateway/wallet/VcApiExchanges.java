package org.creditbank.gateway.wallet;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.creditbank.credentials.CredentialException;
import org.creditbank.credentials.DidAuthentication;
import org.creditbank.credentials.canonical.BundledContexts;
import org.creditbank.gateway.ApiException;
import org.creditbank.model.ErrorCode;
import org.creditbank.model.json.CanonicalJson;

/**
 * A VC-API exchange per offer, the way the Learner Credential Wallet collects a credential: the
 * wallet POSTs to the exchange and is asked for a DID Authentication (a Verifiable Presentation
 * Request with this offer's challenge and this gateway's domain); it POSTs the signed presentation
 * back and receives the credential, issued to the DID it authenticated, in a presentation.
 */
public final class VcApiExchanges {

    private final WalletOffers wallet;
    private final Offers offers;

    VcApiExchanges(WalletOffers wallet, Offers offers) {
        this.wallet = wallet;
        this.offers = offers;
    }

    /** The interaction URL's answer: which protocols can collect this offer. */
    public Map<String, Object> protocols(String offerId) {
        Offers.Offer offer = offers.get(offerId);
        WalletOffers.OfferLinks links = wallet.links(offer);
        return Map.of("protocols", Map.of("vcapi", links.exchange(), "OID4VCI", links.credentialOffer()));
    }

    /**
     * One step of the exchange: without a presentation, the request for DID Authentication; with
     * one, the credential. The answer is JSON text (the credential keeps its signed bytes).
     */
    public String step(String offerId, String body) {
        Offers.Offer offer = offers.get(offerId);
        JsonNode message;
        try {
            message = body == null || body.isBlank() ? CanonicalJson.read("{}", JsonNode.class)
                    : CanonicalJson.read(body, JsonNode.class);
        } catch (CanonicalJson.MalformedJsonException e) {
            throw new ApiException(ErrorCode.MALFORMED_INPUT, e.getMessage(), e.violations(), null, e);
        }
        if (!message.has("verifiablePresentation")) {
            return CanonicalJson.toJson(Map.of("verifiablePresentationRequest", didAuthenticationRequest(offer)));
        }
        String holder;
        try {
            holder = DidAuthentication.holder(message.path("verifiablePresentation"), offer.challenge(), wallet.domain(),
                    offers.now());
        } catch (CredentialException e) {
            throw new ApiException(ErrorCode.HOLDER_PROOF_INVALID, "the DID Authentication was not accepted: "
                    + e.getMessage(), List.of(), null, e);
        }
        String credential = wallet.deliver(offer, holder);
        return "{\"verifiablePresentation\":{\"@context\":[\"" + BundledContexts.VC_V2
                + "\"],\"type\":[\"VerifiablePresentation\"],\"verifiableCredential\":[" + credential + "]}}";
    }

    private Map<String, Object> didAuthenticationRequest(Offers.Offer offer) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("type", "DIDAuthentication");
        query.put("acceptedMethods", List.of(Map.of("method", "key")));
        query.put("acceptedCryptosuites", List.of(Map.of("cryptosuite", "eddsa-rdfc-2022")));
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("query", List.of(query));
        request.put("challenge", offer.challenge());
        request.put("domain", wallet.domain());
        return request;
    }
}
