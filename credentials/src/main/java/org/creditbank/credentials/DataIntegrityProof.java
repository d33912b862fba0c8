package org.creditbank.credentials;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.jcajce.provider.asymmetric.util.ECUtil;
import org.creditbank.model.key.Base58Btc;
import org.creditbank.credentials.canonical.Canonicalizer;

/**
 * W3C Data Integrity proofs with two cryptosuites that hash the same way and differ only in the
 * signature: {@code ecdsa-rdfc-2019} on P-256 (VC Data Integrity ECDSA, sections 3.2-3.4; RFC 6979
 * deterministic nonces, Bouncy Castle, 64-byte r||s) and {@code eddsa-rdfc-2022} on Ed25519 (VC Data
 * Integrity EdDSA, sections 3.2-3.4; the JDK's EdDSA, 64-byte signature). Each suite canonicalises
 * the proof configuration (the proof options with the document's {@code @context}) and the
 * document without {@code proof} with RDFC-1.0, hashes each with SHA-256 and signs the two hashes,
 * configuration first; the signature is the base58btc {@code proofValue}. Signing RDF rather than
 * JSON bytes is what lets any conforming verifier check the credential however it re-serialises it.
 *
 * <p>A <em>proof set</em> ({@code proof} is an array) has one proof per suite, each over the
 * document without any proof (Data Integrity 1.0, section 2.1.2; no {@code previousProof}
 * chaining), so a verifier that knows only one of the suites can check its own proof and ignore
 * the other. The document is canonicalised once for all of them.
 */
final class DataIntegrityProof {

    static final String TYPE = "DataIntegrityProof";
    static final String ECDSA_RDFC_2019 = "ecdsa-rdfc-2019";
    static final String EDDSA_RDFC_2022 = "eddsa-rdfc-2022";
    static final String PURPOSE = "assertionMethod";
    private static final int SCALAR_BYTES = 32;
    private static final int ED25519_SIGNATURE_BYTES = 64;

    /** One proof of a proof set to make: its suite, the key it names and how it signs the hash data. */
    record Signer(String cryptosuite, String verificationMethod, UnaryOperator<byte[]> signature) {

        static Signer ecdsa(String verificationMethod, ECPrivateKey key) {
            P256Keys.requireP256(key);
            ECPrivateKeyParameters parameters = privateParameters(key);
            return new Signer(ECDSA_RDFC_2019, verificationMethod, data -> ecdsaSign(parameters, data));
        }

        static Signer eddsa(String verificationMethod, PrivateKey key) {
            return new Signer(EDDSA_RDFC_2022, verificationMethod, data -> Ed25519Keys.sign(key, data));
        }
    }

    /** RDFC-1.0, with the fast path unless it is switched off ({@link Canonicalizer#FAST_PATH_PROPERTY}). */
    private static final Canonicalizer RDFC = Canonicalizer.configured();

    private DataIntegrityProof() {
    }

    /** A copy of {@code document} with a single ecdsa-rdfc-2019 proof (an object): credentials before proof sets. */
    static ObjectNode sign(ObjectNode document, String verificationMethod, Instant created, ECPrivateKey key) {
        ObjectNode signed = document.deepCopy();
        signed.set("proof", signAll(document, created, List.of(Signer.ecdsa(verificationMethod, key))).get(0));
        return signed;
    }

    /** A copy of {@code document} whose {@code proof} is a proof set: one proof per signer, in order. */
    static ObjectNode signSet(ObjectNode document, Instant created, List<Signer> signers) {
        ObjectNode signed = document.deepCopy();
        ArrayNode set = signed.putArray("proof");
        signAll(document, created, signers).forEach(set::add);
        return signed;
    }

    private static List<ObjectNode> signAll(ObjectNode document, Instant created, List<Signer> signers) {
        byte[] documentHash = documentHash(document);
        List<ObjectNode> proofs = new ArrayList<>();
        for (Signer signer : signers) {
            ObjectNode proof = document.objectNode();
            proof.put("type", TYPE);
            proof.put("cryptosuite", signer.cryptosuite());
            proof.put("created", created.truncatedTo(ChronoUnit.SECONDS).toString());
            proof.put("verificationMethod", signer.verificationMethod());
            proof.put("proofPurpose", PURPOSE);
            byte[] signature = signer.signature().apply(hashData(document, proof, documentHash));
            proof.put("proofValue", Base58Btc.encodeMultibase(signature));
            proofs.add(proof);
        }
        return proofs;
    }

    /** The proofs of a secured document: its {@code proof} object, or each object of its proof set. */
    static List<JsonNode> proofs(JsonNode secured) {
        JsonNode proof = secured.path("proof");
        List<JsonNode> proofs = new ArrayList<>();
        if (proof.isArray()) {
            proof.forEach(proofs::add);
        } else if (!proof.isMissingNode()) {
            proofs.add(proof);
        }
        return proofs;
    }

    /** The document a proof signs: {@code secured} without {@code proof}. */
    static ObjectNode unsecured(ObjectNode secured) {
        ObjectNode document = secured.deepCopy();
        document.remove("proof");
        return document;
    }

    /**
     * SHA-256 of the canonical document, shared by every proof of a set. Throws
     * {@link CredentialException} when the document cannot be canonicalised at all.
     */
    static byte[] documentHash(ObjectNode unsecured) {
        return sha256(RDFC.nquads(unsecured).getBytes(StandardCharsets.UTF_8));
    }

    /** Whether {@code proof}, an ecdsa-rdfc-2019 proof of {@code unsecured}, is a valid signature by {@code key}. */
    static boolean verifyEcdsa(ObjectNode unsecured, byte[] documentHash, JsonNode proof, ECPublicKeyParameters key) {
        byte[] signature = Base58Btc.decodeMultibase(proof.path("proofValue").asText());
        if (signature.length != 2 * SCALAR_BYTES) {
            return false;
        }
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(signature, 0, SCALAR_BYTES));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, SCALAR_BYTES, 2 * SCALAR_BYTES));
        ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, key);
        return verifier.verifySignature(sha256(hashData(unsecured, options(proof), documentHash)), r, s);
    }

    /** Whether {@code proof}, an eddsa-rdfc-2022 proof of {@code unsecured}, is a valid signature by {@code key}. */
    static boolean verifyEddsa(ObjectNode unsecured, byte[] documentHash, JsonNode proof, PublicKey key) {
        byte[] signature = Base58Btc.decodeMultibase(proof.path("proofValue").asText());
        return signature.length == ED25519_SIGNATURE_BYTES
                && Ed25519Keys.verify(key, hashData(unsecured, options(proof), documentHash), signature);
    }

    /** The proof options a proof was made from: the proof without its value. */
    private static ObjectNode options(JsonNode proof) {
        ObjectNode options = ((ObjectNode) proof).deepCopy();
        options.remove("proofValue");
        return options;
    }

    /** SHA-256(canonical proof configuration) || SHA-256(canonical document), as both cryptosuites define. */
    static byte[] hashData(ObjectNode document, ObjectNode proofOptions, byte[] documentHash) {
        ObjectNode configuration = document.objectNode();
        configuration.set("@context", document.get("@context"));
        configuration.setAll(proofOptions);
        byte[] configurationHash = sha256(RDFC.nquads(configuration)
                .getBytes(StandardCharsets.UTF_8));
        byte[] both = Arrays.copyOf(configurationHash, configurationHash.length + documentHash.length);
        System.arraycopy(documentHash, 0, both, configurationHash.length, documentHash.length);
        return both;
    }

    /** ECDSA over SHA-256 of the hash data (the suite's P-256 signature input), r||s. */
    private static byte[] ecdsaSign(ECPrivateKeyParameters key, byte[] hashData) {
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, key);
        BigInteger[] rs = signer.generateSignature(sha256(hashData));
        byte[] signature = new byte[2 * SCALAR_BYTES];
        copyFixed(rs[0], signature, 0);
        copyFixed(rs[1], signature, SCALAR_BYTES);
        return signature;
    }

    private static ECPrivateKeyParameters privateParameters(ECPrivateKey key) {
        try {
            return (ECPrivateKeyParameters) ECUtil.generatePrivateKeyParameter(key);
        } catch (InvalidKeyException e) {
            throw new CredentialException(CredentialException.Code.KEY, "unusable signing key", e);
        }
    }

    private static void copyFixed(BigInteger value, byte[] target, int offset) {
        byte[] raw = value.toByteArray();
        int copy = Math.min(raw.length, SCALAR_BYTES);
        System.arraycopy(raw, raw.length - copy, target, offset + SCALAR_BYTES - copy, copy);
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
