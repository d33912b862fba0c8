package org.creditbank.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.creditbank.chaincode.testing.Drafts;
import org.creditbank.model.json.CanonicalJson;
import org.creditbank.network.RunningGateways.Gateway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Non-ASCII text through the whole system, checked at the byte level: a chaincode service's
 * refusal travels through its peer, the Fabric Gateway and our gateway and must arrive as the
 * Chinese it was (it used to arrive as {@code no outcome ??}), in problem+json that is UTF-8 and
 * says so; and display text that would reorder what a verifier reads is refused.
 */
class EncodingOnNetworkIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Gateway college;

    @BeforeAll
    static void gateway() {
        college = RunningGateways.of("college");
    }

    private record Raw(int status, String contentType, byte[] body) {
        String utf8() {
            try {
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
            } catch (CharacterCodingException e) {
                throw new AssertionError("the answer is not valid UTF-8", e);
            }
        }
    }

    private static Raw send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Raw(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aChaincodeRefusalKeepsItsChineseAndIsUtf8ThatSaysSo() {
        String id = "CollegeMSP:数控-" + Long.toString(System.currentTimeMillis(), 36);
        Raw r = send(HttpRequest.newBuilder(URI.create(college.url("/api/v1/outcomes/"
                + URLEncoder.encode(id, StandardCharsets.UTF_8)))).header("Authorization", "Bearer " + college.registrarToken()));
        assertThat(r.status()).as(r.utf8()).isEqualTo(404);
        assertThat(r.contentType()).isEqualToIgnoringCase("application/problem+json; charset=utf-8");
        JsonNode problem = CanonicalJson.read(r.utf8(), JsonNode.class);
        assertThat(problem.get("code").asText()).isEqualTo("NOT_FOUND");
        assertThat(problem.get("detail").asText()).contains(id);
    }

    @Test
    void displayTextWithABidiOverrideIsRefusedAndABodyThatIsNotUtf8Too() {
        Map<String, Object> draft = Drafts.course("ENC-" + Long.toString(System.currentTimeMillis(), 36), college.openAccount());
        draft.put("achievementTitle", "证书\u202Efdp.exe");
        Raw bidi = send(HttpRequest.newBuilder(URI.create(college.url("/api/v1/outcomes")))
                .header("Authorization", "Bearer " + college.registrarToken()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(CanonicalJson.toJson(draft), StandardCharsets.UTF_8)));
        assertThat(bidi.status()).as(bidi.utf8()).isEqualTo(400);
        assertThat(CanonicalJson.read(bidi.utf8(), JsonNode.class).at("/violations/0/field").asText()).isEqualTo("achievementTitle");

        byte[] latin1 = CanonicalJson.toJson(Map.of("recordId", "CollegeMSP:Café", "contentHash", Drafts.EVIDENCE))
                .getBytes(StandardCharsets.ISO_8859_1);
        Raw notUtf8 = send(HttpRequest.newBuilder(URI.create(college.url("/api/v1/verify")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(latin1)));
        assertThat(notUtf8.status()).isEqualTo(400);
        assertThat(CanonicalJson.read(notUtf8.utf8(), JsonNode.class).get("code").asText()).isEqualTo("MALFORMED_INPUT");
    }
}
