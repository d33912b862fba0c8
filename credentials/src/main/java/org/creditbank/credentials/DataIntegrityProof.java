package org.creditbank.credentials;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.ECPrivateKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.jcajce.provider.asymmetric.util.ECUtil;
import org.creditbank.credentials.canonical.Canonicalizer;

/**
 * W3C Data Integrity proofs with the {@code ecdsa-rdfc-2019} cryptosuite on P-256 (VC Data
 * Integrity ECDSA, sections 3.2-3.4): the proof options and the document are each canonicalised
 * with RDFC-1.0 and hashed with SHA-256; the two hashes, options first, are signed with ECDSA
 * (RFC 6979 deterministic nonces, Bouncy Castle); the 64-byte r||s signature is the base58btc
 * {@code proofValue}. Signing RDF rather than JSON bytes is what lets any conforming verifier
 * check the credential however it re-serialises the JSON.
 */
final class DataIntegrityProof {

    static final String TYPE = "DataIntegrityProof";
    static final String CRYPTOSUITE = "ecdsa-rdfc-2019";
    static final String PURPOSE = "assertionMethod";
    private static final int SCALAR_BYTES = 32;
    /** RDFC-1.0, with the fast path unless it is switched off ({@link Canonicalizer#FAST_PATH_PROPERTY}). */
    private static final Canonicalizer RDFC = Canonicalizer.configured();

    private DataIntegrityProof() {
    }

    /** A copy of {@code document} with a proof made by {@code key}, named by {@code verificationMethod}. */
    static ObjectNode sign(ObjectNode document, String verificationMethod, Instant created, ECPrivateKey key) {
        P256Keys.requireP256(key);
        ObjectNode proof = document.objectNode();
        proof.put("type", TYPE);
        proof.put("cryptosuite", CRYPTOSUITE);
        proof.put("created", created.truncatedTo(ChronoUnit.SECONDS).toString());
        proof.put("verificationMethod", verificationMethod);
        proof.put("proofPurpose", PURPOSE);

        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, privateParameters(key));
        BigInteger[] rs = signer.generateSignature(sha256(hashData(document, proof)));
        byte[] signature = new byte[2 * SCALAR_BYTES];
        copyFixed(rs[0], signature, 0);
        copyFixed(rs[1], signature, SCALAR_BYTES);
        proof.put("proofValue", Base58Btc.encodeMultibase(signature));

        ObjectNode signed = document.deepCopy();
        signed.set("proof", proof);
        return signed;
    }

    /**
     * Whether the proof of {@code signed} is a valid signature by {@code key}. Throws
     * {@link CredentialException} when the document cannot be canonicalised at all.
     */
    static boolean verify(ObjectNode signed, ECPublicKeyParameters key) {
        ObjectNode document = signed.deepCopy();
        ObjectNode proof = (ObjectNode) document.remove("proof");
        byte[] signature = Base58Btc.decodeMultibase(proof.path("proofValue").asText());
        proof.remove("proofValue");
        if (signature.length != 2 * SCALAR_BYTES) {
            return false;
        }
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(signature, 0, SCALAR_BYTES));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, SCALAR_BYTES, 2 * SCALAR_BYTES));
        ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, key);
        return verifier.verifySignature(sha256(hashData(document, proof)), r, s);
    }

    /** SHA-256(canonical proof options) || SHA-256(canonical document), as the cryptosuite defines. */
    private static byte[] hashData(ObjectNode document, ObjectNode proofOptions) {
        ObjectNode options = document.objectNode();
        options.set("@context", document.get("@context"));
        options.setAll(proofOptions);
        byte[] optionsHash = sha256(RDFC.nquads(options).getBytes(StandardCharsets.UTF_8));
        byte[] documentHash = sha256(RDFC.nquads(document).getBytes(StandardCharsets.UTF_8));
        byte[] both = Arrays.copyOf(optionsHash, optionsHash.length + documentHash.length);
        System.arraycopy(documentHash, 0, both, optionsHash.length, documentHash.length);
        return both;
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
