package org.creditbank.model.key;

import java.util.Arrays;

/**
 * An Ed25519 public key as a Multikey {@code publicKeyMultibase} (W3C Controlled Identifiers,
 * Multikey): base58btc of the ed25519-pub multicodec prefix {@code 0xed 0x01} and the 32 raw key
 * bytes, which always reads {@code z6Mk...}. This one string is how the key is registered on the
 * ledger, named in a {@code did:web} document and carried in a proof's verification method, so
 * all three can be compared as text.
 */
public final class Ed25519Multikey {

    /** Raw Ed25519 public keys are 32 bytes (RFC 8032). */
    public static final int KEY_BYTES = 32;
    private static final byte[] PREFIX = {(byte) 0xed, 0x01};

    private Ed25519Multikey() {
    }

    /** The {@code z6Mk...} form of a raw 32-byte public key. */
    public static String encode(byte[] rawPublicKey) {
        if (rawPublicKey.length != KEY_BYTES) {
            throw new IllegalArgumentException("an Ed25519 public key has 32 bytes, not " + rawPublicKey.length);
        }
        byte[] prefixed = Arrays.copyOf(PREFIX, PREFIX.length + KEY_BYTES);
        System.arraycopy(rawPublicKey, 0, prefixed, PREFIX.length, KEY_BYTES);
        return Base58Btc.encodeMultibase(prefixed);
    }

    /**
     * The raw 32 key bytes of a {@code publicKeyMultibase}; throws {@link IllegalArgumentException}
     * saying why when it is not base58btc, not ed25519-pub or not 32 bytes long.
     */
    public static byte[] decode(String publicKeyMultibase) {
        byte[] bytes = Base58Btc.decodeMultibase(publicKeyMultibase);
        if (bytes.length != PREFIX.length + KEY_BYTES || bytes[0] != PREFIX[0] || bytes[1] != PREFIX[1]) {
            throw new IllegalArgumentException("not an Ed25519 Multikey (multicodec 0xed01 and 32 key bytes)");
        }
        return Arrays.copyOfRange(bytes, PREFIX.length, bytes.length);
    }

    /** Whether {@link #decode} accepts {@code value}. */
    public static boolean isValid(String value) {
        try {
            decode(value);
            return true;
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }
}
