package org.creditbank.gateway.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.decoder.Decoder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.creditbank.gateway.ApiException;
import org.junit.jupiter.api.Test;

class VerifyLinkTest {

    /** Reads the modules back out of the SVG (4-module quiet zone) and decodes them with zxing's own decoder. */
    private static String decode(String svg) throws Exception {
        Matcher size = Pattern.compile("viewBox=\"0 0 (\\d+) \\d+\"").matcher(svg);
        assertThat(size.find()).isTrue();
        int inner = Integer.parseInt(size.group(1)) - 8;
        BitMatrix modules = new BitMatrix(inner);
        Matcher dark = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z").matcher(svg);
        while (dark.find()) {
            modules.set(Integer.parseInt(dark.group(1)) - 4, Integer.parseInt(dark.group(2)) - 4);
        }
        return new Decoder().decode(modules).getText();
    }

    @Test
    void theQrCodeScansToTheLink() throws Exception {
        String link = VerifyLink.of("https://gateway.college.example", "{\"type\":[\"VerifiableCredential\"],\"x\":\""
                + "数控".repeat(300) + "\"}");
        assertThat(link).startsWith("https://gateway.college.example/verify?credential=");
        assertThat(link.substring(link.indexOf('=') + 1)).matches("[A-Za-z0-9_-]+");
        assertThat(decode(VerifyLink.qrSvg(link))).isEqualTo(link);
    }

    @Test
    void aLinkTooLongForAQrCodeIsRefusedPlainly() {
        assertThatThrownBy(() -> VerifyLink.qrSvg("https://g.example/verify?credential=" + "A".repeat(3_000)))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("QR code");
    }
}
