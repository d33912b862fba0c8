package org.creditbank.gateway.credential;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.creditbank.gateway.ApiException;
import org.creditbank.model.ErrorCode;
import org.creditbank.model.json.CanonicalJson;

/**
 * The link that opens this gateway's verification page for one credential, and its QR code. The
 * credential itself travels in the link ({@code /verify?credential=} zlib-compressed, base64url),
 * so the page needs no stored copy and the gateway keeps nothing about who verified what.
 */
final class VerifyLink {

    /** A QR code holds at most 2,953 bytes (version 40, low error correction); leave room for the base URL. */
    private static final int MAX_QR_BYTES = 2_900;

    private VerifyLink() {
    }

    /** {@code <baseUrl>/verify?credential=<zlib + base64url of the compact JSON>}. */
    static String of(String baseUrl, String compactJson) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream zlib = new DeflaterOutputStream(out, new Deflater(Deflater.BEST_COMPRESSION))) {
            zlib.write(compactJson.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("in-memory compression failed", e);
        }
        return baseUrl + "/verify?credential=" + Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
    }

    /**
     * The link a QR code carries for {@code document}: the whole document when it fits; otherwise,
     * for a proof set, the document with its {@code ecdsa-rdfc-2019} proof alone. That is still the
     * issuer's signature over the same content (each proof of a set signs the document without the
     * others), so the page verifies it; only the second proof stays with the holder's copy. This
     * keeps a pasted two-proof credential within a QR code; a learner who wants a QR code a phone
     * reads at once shares the record instead ({@code share.ShareService}: a 50-character link).
     */
    static String forQr(String baseUrl, JsonNode document) {
        String link = of(baseUrl, CanonicalJson.toJson(document));
        JsonNode proofs = document.path("proof");
        if (link.length() <= MAX_QR_BYTES || !proofs.isArray() || !(document instanceof ObjectNode object)) {
            return link;
        }
        ObjectNode withOneProof = object.deepCopy();
        ArrayNode kept = withOneProof.putArray("proof");
        proofs.forEach(p -> {
            if (p.path("cryptosuite").asText().equals("ecdsa-rdfc-2019")) {
                kept.add(p);
            }
        });
        if (kept.isEmpty()) {
            return link;
        }
        if (kept.size() == 1) {
            withOneProof.set("proof", kept.get(0));
        }
        return of(baseUrl, CanonicalJson.toJson(withOneProof));
    }

    /** The link as an SVG QR code, black modules on white with the standard quiet zone. */
    static String qrSvg(String link) {
        if (link.length() > MAX_QR_BYTES) {
            throw new ApiException(ErrorCode.TOO_LARGE_FOR_QR, "this document makes a link of " + link.length()
                    + " characters; a QR code holds at most " + MAX_QR_BYTES + " (disclose fewer entries)");
        }
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(link, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.L, EncodeHintType.MARGIN, 4));
        } catch (WriterException e) {
            throw new ApiException(ErrorCode.TOO_LARGE_FOR_QR, "the link does not fit in a QR code: " + e.getMessage(),
                    List.of(), null, e);
        }
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                if (matrix.get(x, y)) {
                    path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + matrix.getWidth() + " "
                + matrix.getHeight() + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\""
                + " fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }
}
