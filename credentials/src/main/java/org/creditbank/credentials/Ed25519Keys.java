package org.creditbank.credentials;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.creditbank.model.key.Ed25519Multikey;

/**
 * Ed25519 keys (RFC 8032) with the JDK's own EdDSA provider, for {@code eddsa-rdfc-2022} proofs.
 * A public key travels as its 32 raw bytes in a Multikey ({@link Ed25519Multikey}); the JDK wants
 * it as an X.509 SubjectPublicKeyInfo, which for Ed25519 is always the same 12-byte header
 * (RFC 8410) followed by those bytes.
 */
public final class Ed25519Keys {

    private static final byte[] SPKI_HEADER = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};

    private Ed25519Keys() {
    }

    /** A fresh key pair (for tests and for the key-generation command). */
    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is missing from this JVM", e);
        }
    }

    /**
     * The signing key of a private key alone (as a PKCS#8 file holds it): the JDK does not derive
     * an EdDSA public key, so Bouncy Castle computes it from the 32-byte seed.
     */
    public static Ed25519SigningKey signingKey(PrivateKey privateKey) {
        byte[] seed = privateKey instanceof EdECPrivateKey ed ? ed.getBytes().orElse(null) : null;
        if (seed == null || seed.length != Ed25519PrivateKeyParameters.KEY_SIZE) {
            throw new CredentialException(CredentialException.Code.KEY, "the key is not an Ed25519 private key", null);
        }
        byte[] publicKey = new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded();
        return new Ed25519SigningKey(privateKey, fromMultikey(Ed25519Multikey.encode(publicKey)));
    }

    /** The {@code z6Mk...} Multikey form of an Ed25519 public key. */
    public static String multikey(PublicKey key) {
        return Ed25519Multikey.encode(raw(key));
    }

    /** The public key of a {@code publicKeyMultibase}; throws {@link CredentialException} (KEY) when it is none. */
    public static PublicKey fromMultikey(String publicKeyMultibase) {
        try {
            byte[] raw = Ed25519Multikey.decode(publicKeyMultibase);
            byte[] spki = Arrays.copyOf(SPKI_HEADER, SPKI_HEADER.length + raw.length);
            System.arraycopy(raw, 0, spki, SPKI_HEADER.length, raw.length);
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new CredentialException(CredentialException.Code.KEY,
                    "not an Ed25519 Multikey: " + publicKeyMultibase, e);
        }
    }

    static byte[] sign(PrivateKey key, byte[] data) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key);
            signer.update(data);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new CredentialException(CredentialException.Code.KEY, "unusable Ed25519 signing key", e);
        }
    }

    /**
     * Whether {@code signature} is {@code key}'s Ed25519 signature of {@code data}. Bouncy Castle's
     * RFC 8032 code, not the JDK's: on Java 17 the JDK's EdDSA took about 1 ms a signature, which
     * made the Ed25519 proof of a proof set cost more than everything else in verifying it.
     */
    public static boolean verify(PublicKey key, byte[] data, byte[] signature) {
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, new Ed25519PublicKeyParameters(raw(key), 0));
        verifier.update(data, 0, data.length);
        return verifier.verifySignature(signature);
    }

    /** Whether the two keys are one pair: a signature by {@code privateKey} verifies with {@code publicKey}. */
    static boolean isPair(PrivateKey privateKey, PublicKey publicKey) {
        byte[] probe = new byte[32];
        new SecureRandom().nextBytes(probe);
        return verify(publicKey, probe, sign(privateKey, probe));
    }

    private static byte[] raw(PublicKey key) {
        byte[] spki = key.getEncoded();
        if (!"EdDSA".equals(key.getAlgorithm()) && !"Ed25519".equals(key.getAlgorithm())
                || spki.length != SPKI_HEADER.length + Ed25519Multikey.KEY_BYTES
                || !Arrays.equals(spki, 0, SPKI_HEADER.length, SPKI_HEADER, 0, SPKI_HEADER.length)) {
            throw new CredentialException(CredentialException.Code.KEY, "the key is not an Ed25519 public key", null);
        }
        return Arrays.copyOfRange(spki, SPKI_HEADER.length, spki.length);
    }
}
