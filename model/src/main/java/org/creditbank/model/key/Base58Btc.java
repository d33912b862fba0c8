package org.creditbank.model.key;

import java.math.BigInteger;

/**
 * Base58 with the Bitcoin alphabet, multibase prefix {@code z}: how Data Integrity proofs carry
 * their signature bytes ({@code proofValue}) and Multikeys their public key
 * ({@code publicKeyMultibase}). In {@code model} because the chaincode checks a registered key's
 * encoding and the credentials module signs and verifies with it.
 */
public final class Base58Btc {

    private static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final BigInteger BASE = BigInteger.valueOf(58);

    private Base58Btc() {
    }

    public static String encodeMultibase(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        BigInteger n = new BigInteger(1, bytes);
        while (n.signum() > 0) {
            BigInteger[] qr = n.divideAndRemainder(BASE);
            out.append(ALPHABET.charAt(qr[1].intValue()));
            n = qr[0];
        }
        for (int i = 0; i < bytes.length && bytes[i] == 0; i++) {
            out.append(ALPHABET.charAt(0));
        }
        return "z" + out.reverse();
    }

    /** Decodes a {@code z}-prefixed value; throws {@link IllegalArgumentException} on anything else. */
    public static byte[] decodeMultibase(String value) {
        if (value == null || !value.startsWith("z")) {
            throw new IllegalArgumentException("not a base58btc multibase value (must start with 'z')");
        }
        String digits = value.substring(1);
        BigInteger n = BigInteger.ZERO;
        int leadingZeros = 0;
        boolean leading = true;
        for (char c : digits.toCharArray()) {
            int d = ALPHABET.indexOf(c);
            if (d < 0) {
                throw new IllegalArgumentException("'" + c + "' is not a base58btc digit");
            }
            if (leading && d == 0) {
                leadingZeros++;
            } else {
                leading = false;
            }
            n = n.multiply(BASE).add(BigInteger.valueOf(d));
        }
        byte[] body = n.signum() == 0 ? new byte[0] : n.toByteArray();
        int skip = body.length > 1 && body[0] == 0 ? 1 : 0;
        byte[] out = new byte[leadingZeros + body.length - skip];
        System.arraycopy(body, skip, out, leadingZeros, body.length - skip);
        return out;
    }
}
