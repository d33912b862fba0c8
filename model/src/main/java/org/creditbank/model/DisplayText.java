package org.creditbank.model;

import java.util.Optional;

/**
 * The rule for every piece of free text a user gives that others will read: titles, names,
 * categories, reasons, justifications, CSV cells. Such text is signed into credentials and shown by
 * every verifier for as long as the record exists, so it must look the same to everyone who reads
 * it. Refused, with a message naming the character:
 * <ul>
 *   <li>control characters (C0, DEL, C1), which terminals and logs act on; a line break only in
 *       {@linkplain #problem(String, boolean) paragraphs} (justifications, notes), and only as
 *       {@code \n}, never CR;</li>
 *   <li>Unicode line and paragraph separators (U+2028, U+2029): line breaks in disguise;</li>
 *   <li>bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), which make
 *       {@code exe.pdf} look like {@code fdp.exe} ("Trojan Source"); the implicit marks LRM/RLM stay
 *       allowed, mixed Chinese/Arabic/Hebrew text needs nothing else;</li>
 *   <li>text with nothing visible in it (only zero-width or other format characters and spaces);</li>
 *   <li>unpaired UTF-16 surrogates, which no encoding can carry (they would turn into {@code ?});</li>
 *   <li>U+FFFD, the replacement character: it only appears when text was decoded with the wrong
 *       encoding somewhere, and would then be signed as it is, for ever;</li>
 *   <li>a leading {@code =}: a spreadsheet runs such a cell as a formula ({@code =HYPERLINK(…)}).</li>
 * </ul>
 *
 * <p>Why only {@code =} of the spreadsheet triggers: the others ({@code + - @}, tab, CR) start
 * legitimate text ({@code -5 °C 冷库操作}, {@code +1 技能加分}), and tab and CR are control characters,
 * refused anyway. Nothing of ours writes a spreadsheet today; an export that does must neutralise
 * cells that start with {@code + - @} (prefix a {@code '}) as OWASP recommends, while {@code =} never
 * gets that far. Ordinary Chinese, emoji (also those joined with ZWJ) and accented text pass.
 *
 * <p>Shared by gateway and chaincode through every record's {@code validate()} (via
 * {@link Violations#text} and {@link Violations#paragraph}), so a client that calls the chaincode
 * directly is refused the same way.
 */
public final class DisplayText {

    private DisplayText() {
    }

    /**
     * Why {@code text} cannot be shown to others, or empty when it can.
     *
     * @param paragraph whether line breaks ({@code \n}) belong in this text
     */
    public static Optional<String> problem(String text, boolean paragraph) {
        boolean visible = false;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            Optional<String> problem = problem(c, paragraph);
            if (problem.isPresent()) {
                return problem;
            }
            visible |= !invisible(c);
            i += Character.charCount(c);
        }
        if (!visible) {
            return Optional.of("must contain visible text, not only spaces or zero-width characters");
        }
        if (text.startsWith("=")) {
            return Optional.of("must not start with '=' (a spreadsheet would run it as a formula)");
        }
        return Optional.empty();
    }

    private static Optional<String> problem(int c, boolean paragraph) {
        if (c == '\n') {
            return paragraph ? Optional.empty() : Optional.of("must be one line (no line breaks)");
        }
        if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) { // codePointAt gives a lone one as it is
            return Optional.of("contains an unpaired surrogate " + name(c) + ", which is not a character; send UTF-8 text");
        }
        if (c == 0xFFFD) {
            return Optional.of("contains U+FFFD, the mark of text decoded with the wrong encoding; send it as UTF-8");
        }
        if (c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069) {
            return Optional.of("contains the bidirectional control " + name(c) + ", which changes how the text around it reads");
        }
        int type = Character.getType(c);
        if (type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
            return Optional.of("contains the control character " + name(c)
                    + (paragraph ? " (line breaks are \\n only)" : ""));
        }
        return Optional.empty();
    }

    /** Spaces and format characters (zero-width space and joiners, BOM, soft hyphen) show nothing on their own. */
    private static boolean invisible(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.getType(c) == Character.FORMAT
                || c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0 || c == 0x2800; // Hangul fillers, braille blank
    }

    private static String name(int c) {
        return String.format("U+%04X", c);
    }
}
