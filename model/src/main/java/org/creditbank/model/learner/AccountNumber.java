package org.creditbank.model.learner;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Credit-bank learning-account numbers (学习账户号): {@code CB} followed by 15 random characters and
 * one check character, in Crockford base-32 (no I, L, O or U), e.g. {@code CB7K2M9QH4TZ1XW8R0}.
 *
 * <p>The number is random so that nothing about the person can be derived from it; it is made by
 * the client (the chaincode has no randomness) and only checked on the ledger. The check character
 * catches any single mistyped character, which matters to registrars copying from spreadsheets.
 *
 * <p>An institution that retries an opening (a timeout, a second click) must get the same account,
 * not a second one. So it may instead send an <em>opening key</em>, a UUID it draws once per
 * learner it enrols and keeps with its own record; the number is then derived from the institution
 * and the key ({@link #forOpeningKey}), by the chaincode itself, so the same key always opens the
 * same account and no two institutions' keys meet. The key is a UUID, not a student number, so
 * that nothing about the person can be guessed from the key (it is in the transaction) or the number.
 */
public final class AccountNumber {

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int RANDOM_CHARS = 15;
    private static final Pattern SHAPE = Pattern.compile("CB[0-9A-HJKMNP-TV-Z]{16}");
    private static final Pattern OPENING_KEY =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

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

    /** Whether {@code key} is a usable opening key: a UUID in its usual text form, in either case. */
    public static boolean isValidOpeningKey(String key) {
        return key != null && OPENING_KEY.matcher(key).matches();
    }

    /**
     * The account number that {@code institution} (an MSP id) opens for {@code openingKey}: the same
     * for the same two, whatever the key's case; a different one for another institution.
     */
    public static String forOpeningKey(String institution, String openingKey) {
        if (!isValidOpeningKey(openingKey)) {
            throw new IllegalArgumentException("an opening key is a UUID");
        }
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(("creditbank account\n" + institution + "\n"
                    + openingKey.toLowerCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
        StringBuilder body = new StringBuilder(RANDOM_CHARS);
        for (int i = 0; i < RANDOM_CHARS; i++) {
            body.append(ALPHABET.charAt(digest[i] & 0x1f));
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
