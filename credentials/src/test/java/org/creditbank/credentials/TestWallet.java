package org.creditbank.credentials;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.KeyPair;
import java.time.Instant;
import java.util.function.Consumer;
import org.creditbank.model.key.Base58Btc;

/**
 * A wallet for tests: an Ed25519 did:key and the DID Authentication presentations it signs. Shared
 * with the gateway's tests (test-jar); the independent wallet is the one the network tests run.
 */
public final class TestWallet {

    private final KeyPair key = Ed25519Keys.generate();
    public final String did = "did:key:" + Ed25519Keys.multikey(key.getPublic());

    /** A DID Authentication for {@code challenge} and {@code domain}. */
    public ObjectNode authenticate(String challenge, String domain, Instant created) {
        return authenticate(challenge, domain, created, vp -> { });
    }

    /** The same, after {@code edit} of the presentation before it is signed. */
    public ObjectNode authenticate(String challenge, String domain, Instant created, Consumer<ObjectNode> edit) {
        ObjectNode vp = CredentialJson.object();
        vp.putArray("@context").add("https://www.w3.org/ns/credentials/v2");
        vp.put("id", "urn:uuid:7d2f0b55-5e3a-4c53-9a51-0c2b0f8b7a10");
        vp.putArray("type").add("VerifiablePresentation");
        vp.put("holder", did);
        ObjectNode proof = CredentialJson.object();
        proof.put("type", DataIntegrityProof.TYPE);
        proof.put("cryptosuite", DataIntegrityProof.EDDSA_RDFC_2022);
        proof.put("created", created.toString());
        proof.put("verificationMethod", DidAuthentication.methodId(did));
        proof.put("proofPurpose", "authentication");
        proof.put("challenge", challenge);
        proof.put("domain", domain);
        byte[] signature = Ed25519Keys.sign(key.getPrivate(),
                DataIntegrityProof.hashData(vp, proof, DataIntegrityProof.documentHash(vp)));
        proof.put("proofValue", Base58Btc.encodeMultibase(signature));
        edit.accept(vp);
        vp.set("proof", proof);
        return vp;
    }
}
