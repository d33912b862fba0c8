package org.creditbank.gateway.http;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.creditbank.gateway.ApiException;
import org.creditbank.model.ErrorCode;

/**
 * The one place request bytes become text. Decoding is strict ({@link CodingErrorAction#REPORT}):
 * the JDK's default replaces every undecodable byte with U+FFFD, and such a title would then be
 * signed and kept on the ledger for ever; here it is a 400 {@code MALFORMED_INPUT} that says where.
 *
 * <p>Spreadsheets are the exception that proves the rule: Excel in a Chinese locale saves "CSV" in
 * the Windows code page GBK (GB18030 is its superset), and only "CSV UTF-8" in UTF-8. Refusing
 * those files would make every registrar learn about encodings before the first import, so a
 * spreadsheet that is not UTF-8 but is well-formed GB18030 <em>with Chinese in it</em> is decoded as
 * GB18030. The Chinese is what makes the guess safe: another legacy encoding (Latin-1) either
 * fails strict GB18030 decoding or does not produce Chinese text, and UTF-16 (Excel's "Unicode
 * Text") is recognised by its byte-order mark or NULs; those are refused with how to save the file
 * as UTF-8. Excel's UTF-8 byte-order mark is kept for {@code OutcomeCsv}, which skips it.
 */
public final class RequestText {

    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final String SAVE_AS_UTF8 = "In Excel choose File > Save As > \"CSV UTF-8 (Comma delimited)\"; "
            + "in WPS or LibreOffice choose CSV with character set UTF-8.";

    private RequestText() {
    }

    /** A body that must be UTF-8 (every JSON route and the credential documents). */
    public static String utf8(byte[] body) {
        try {
            return strict(StandardCharsets.UTF_8, body);
        } catch (CharacterCodingException e) {
            throw malformed("the request body is not valid UTF-8 (the first undecodable byte is at offset "
                    + offset(body) + "); send UTF-8 text", e);
        }
    }

    /** A spreadsheet export: UTF-8 (with or without Excel's byte-order mark), or GB18030 holding Chinese text. */
    public static String spreadsheet(byte[] body) {
        if (utf16(body)) {
            throw malformed("the file is UTF-16, which Excel calls \"Unicode Text\". " + SAVE_AS_UTF8, null);
        }
        try {
            return strict(StandardCharsets.UTF_8, body);
        } catch (CharacterCodingException notUtf8) {
            Optional<String> chinese = gb18030(body);
            if (chinese.isPresent()) {
                return chinese.get();
            }
            throw malformed("the file is neither UTF-8 nor GBK/GB18030 text (the first byte that is not UTF-8 is at"
                    + " offset " + offset(body) + "). " + SAVE_AS_UTF8, notUtf8);
        }
    }

    private static Optional<String> gb18030(byte[] body) {
        try {
            String text = strict(GB18030, body);
            boolean hasChinese = text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
            return hasChinese ? Optional.of(text) : Optional.empty();
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static String strict(Charset charset, byte[] body) throws CharacterCodingException {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return decoder.decode(ByteBuffer.wrap(body)).toString();
    }

    /** The offset of the first byte that is not UTF-8: where a strict decoder stops. */
    private static int offset(byte[] body) {
        ByteBuffer in = ByteBuffer.wrap(body);
        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(in, CharBuffer.allocate(body.length + 1), true);
        return in.position();
    }

    /**
     * A byte-order mark of UTF-16, or NUL bytes (ASCII in UTF-16 without a mark is valid UTF-8 with a
     * NUL after every letter; no spreadsheet cell holds NUL).
     */
    private static boolean utf16(byte[] body) {
        boolean mark = body.length >= 2 && (body[0] == (byte) 0xFF && body[1] == (byte) 0xFE
                || body[0] == (byte) 0xFE && body[1] == (byte) 0xFF);
        for (int i = 0; !mark && i < body.length; i++) {
            mark = body[i] == 0;
        }
        return mark;
    }

    private static ApiException malformed(String message, Throwable cause) {
        return new ApiException(ErrorCode.MALFORMED_INPUT, message, List.of(), null, cause);
    }
}
