package org.creditbank.model.learner;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * Credit-bank learning-account numbers (学习账户号): {@code CB} followed by 15 random characters and
 * one check character, in Crockford base-32 (no I, L, O or U), e.g. {@code CB7K2M9QH4TZ1XW8R0}.
 *
 * <p>The number is random so that nothing about the person can be derived from it; it is made by
 * the client (the chaincode has no randomness) and only checked on the ledger. The check character
 * catches any single mistyped character, which matters to registrars copying from spreadsheets.
 */
public final class AccountNumber {

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int RANDOM_CHARS = 15;
    private static final Pattern SHAPE = Pattern.compile("CB[0-9A-HJKMNP-TV-Z]{16}");

    private AccountNumber() {
    }

    /** A fresh random account number. */
    public static String random(SecureRandom random) {
        StringBuilder body = new StringBuilder(RANDOM_CHARS);
        for (int i = 0; i < RANDOM_CHARS; i++) {
            body.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return "CB" + body + checkChar(body);
    }

    /** Whether {@code value} is a well-formed account number with a correct check character. */
    public static boolean isValid(String value) {
        if (value == null || !SHAPE.matcher(value).matches()) {
            return false;
        }
        String body = value.substring(2, 2 + RANDOM_CHARS);
        return value.charAt(value.length() - 1) == checkChar(body);
    }

    private static char checkChar(CharSequence body) {
        // Odd weights are invertible mod 32, so every single-character substitution changes the sum.
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            sum += ALPHABET.indexOf(body.charAt(i)) * (2 * i + 1);
        }
        return ALPHABET.charAt(sum % ALPHABET.length());
    }
}
