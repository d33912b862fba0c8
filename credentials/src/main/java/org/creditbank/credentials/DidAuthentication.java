package org.creditbank.credentials;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.stream.StreamSupport;

/**
 * Checks a wallet's DID Authentication: a Verifiable Presentation, without credentials, that a
 * wallet signs with the key of its {@code did:key} to prove it controls that DID (VC-API exchanges,
 * the {@code DIDAuthentication} query of the Verifiable Presentation Request spec). A credential is
 * then issued to that DID as its subject, so only the holder of the key can present it as theirs.
 *
 * <p>What is accepted is deliberately narrow: an Ed25519 {@code did:key} (what the Learner
 * Credential Wallet and Digital Bazaar's libraries make), one {@code eddsa-rdfc-2022} proof with
 * proof purpose {@code authentication} whose verification method is the DID's own key, and the
 * exchange's {@code challenge} and {@code domain}, so a presentation made for another exchange, or
 * replayed, is refused. A did:key needs no resolver: the key is the identifier.
 */
public final class DidAuthentication {

    /** How far a presentation's {@code created} may lie in the future (clocks of phones drift). */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final String DID_KEY = "did:key:";
    private static final String AUTHENTICATION = "authentication";

    private DidAuthentication() {
    }

    /**
     * The DID that {@code presentation} authenticates, when it is a valid DID Authentication for
     * {@code challenge} and {@code domain} at {@code now}; otherwise {@link CredentialException}
     * (MALFORMED, or KEY for a signature or key that does not check out) saying why.
     */
    public static String holder(JsonNode presentation, String challenge, String domain, Instant now) {
        if (!(presentation instanceof ObjectNode vp) || !types(vp).contains("VerifiablePresentation")) {
            throw refused("not a Verifiable Presentation");
        }
        String holder = vp.path("holder").isTextual() ? vp.path("holder").asText() : vp.path("holder").path("id").asText();
        PublicKey key = ed25519DidKey(holder);
        List<JsonNode> proofs = DataIntegrityProof.proofs(vp);
        if (proofs.size() != 1 || !proofs.get(0).isObject()) {
            throw refused("a DID Authentication has exactly one proof, not " + proofs.size());
        }
        JsonNode proof = proofs.get(0);
        requireEqual(proof, "type", DataIntegrityProof.TYPE);
        requireEqual(proof, "cryptosuite", DataIntegrityProof.EDDSA_RDFC_2022);
        requireEqual(proof, "proofPurpose", AUTHENTICATION);
        requireEqual(proof, "challenge", challenge);
        requireEqual(proof, "domain", domain);
        requireEqual(proof, "verificationMethod", methodId(holder));
        requireNotFromTheFuture(proof, now);
        ObjectNode unsecured = DataIntegrityProof.unsecured(vp);
        if (!DataIntegrityProof.verifyEddsa(unsecured, DataIntegrityProof.documentHash(unsecured), proof, key)) {
            throw new CredentialException(CredentialException.Code.KEY,
                    "the presentation's signature does not verify with the key of " + holder, null);
        }
        return holder;
    }

    /** The verification method of an Ed25519 did:key: the DID, '#', and its key again. */
    public static String methodId(String didKey) {
        return didKey + "#" + didKey.substring(DID_KEY.length());
    }

    /** Whether {@code did} is an Ed25519 {@code did:key} ({@code did:key:z6Mk...}). */
    public static boolean isEd25519DidKey(String did) {
        try {
            ed25519DidKey(did);
            return true;
        } catch (CredentialException e) {
            return false;
        }
    }

    /** The public key an Ed25519 {@code did:key} is made of. */
    public static PublicKey ed25519DidKey(String did) {
        if (did == null || !did.startsWith(DID_KEY) || did.indexOf('#') >= 0) {
            throw refused("the holder must be an Ed25519 did:key (did:key:z6Mk...), not " + did);
        }
        return Ed25519Keys.fromMultikey(did.substring(DID_KEY.length()));
    }

    private static List<String> types(JsonNode document) {
        JsonNode type = document.path("type");
        return type.isArray() ? StreamSupport.stream(type.spliterator(), false).map(JsonNode::asText).toList()
                : List.of(type.asText());
    }

    private static void requireEqual(JsonNode proof, String field, String expected) {
        if (!proof.path(field).isTextual() || !proof.path(field).asText().equals(expected)) {
            throw refused("the proof's " + field + " must be " + expected + ", not "
                    + (proof.has(field) ? proof.path(field).toString() : "missing"));
        }
    }

    private static void requireNotFromTheFuture(JsonNode proof, Instant now) {
        try {
            if (proof.has("created") && Instant.parse(proof.path("created").asText()).isAfter(now.plus(CLOCK_SKEW))) {
                throw refused("the proof was created in the future (" + proof.path("created").asText() + ")");
            }
        } catch (DateTimeParseException e) {
            throw refused("the proof's created is not a date-time: " + proof.path("created"));
        }
    }

    private static CredentialException refused(String why) {
        return new CredentialException(CredentialException.Code.MALFORMED, why, null);
    }
}
