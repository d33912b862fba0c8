package org.creditbank.gateway.http;

/**
 * How deep a JSON text nests arrays and objects, found in one pass over the bytes without parsing,
 * so that a hostile document is refused before a parser or a JSON-LD processor recurses into it.
 * Brackets inside strings do not count; the text need not be valid JSON (the parser judges that).
 */
final class JsonDepth {

    private JsonDepth() {
    }

    /** Whether {@code json} opens more than {@code max} arrays and objects inside each other. */
    static boolean exceeds(byte[] json, int max) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < json.length; i++) {
            byte b = json[i];
            if (inString) {
                if (b == '\\') {
                    i++; // the escaped character, whatever it is
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b == '"') {
                inString = true;
            } else if (b == '[' || b == '{') {
                if (++depth > max) {
                    return true;
                }
            } else if ((b == ']' || b == '}') && depth > 0) {
                depth--;
            }
        }
        return false;
    }
}
