package org.creditbank.credentials;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.BitSet;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The {@code encodedList} of a Bitstring Status List v1.0: bit {@code i} is the most significant
 * bit of byte {@code i / 8}, GZIP-compressed, base64url without padding, multibase prefix
 * {@code u}. At least 131,072 bits, so that one credential's index says little about the issuer's
 * volume (the spec's herd-privacy minimum).
 */
final class BitstringStatusList {

    static final int MIN_BITS = 131_072;
    /** A decoded list larger than this is refused, so a hostile list cannot exhaust memory. */
    private static final int MAX_BYTES = 16 * 1024 * 1024;

    private BitstringStatusList() {
    }

    static String encode(BitSet set, int lengthBits) {
        byte[] bytes = new byte[Math.max(lengthBits, MIN_BITS) / 8];
        for (int i = set.nextSetBit(0); i >= 0; i = set.nextSetBit(i + 1)) {
            if (i / 8 >= bytes.length) {
                throw new IllegalArgumentException("index " + i + " is beyond the list length");
            }
            bytes[i / 8] |= (byte) (0x80 >>> (i % 8));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new IllegalStateException("in-memory compression failed", e);
        }
        return "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
    }

    /** Whether bit {@code index} is set; throws {@link IllegalArgumentException} for a bad list or index. */
    static boolean isSet(String encodedList, int index) {
        if (encodedList == null || !encodedList.startsWith("u")) {
            throw new IllegalArgumentException("encodedList must be base64url multibase (start with 'u')");
        }
        byte[] bytes = gunzip(Base64.getUrlDecoder().decode(encodedList.substring(1)));
        if (index < 0 || index / 8 >= bytes.length) {
            throw new IllegalArgumentException("statusListIndex " + index + " is outside the list of "
                    + (bytes.length * 8) + " entries");
        }
        return (bytes[index / 8] & (0x80 >>> (index % 8))) != 0;
    }

    private static byte[] gunzip(byte[] compressed) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new IllegalArgumentException("status list is larger than " + MAX_BYTES + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            throw new IllegalArgumentException("encodedList is not GZIP data", e);
        }
    }
}
