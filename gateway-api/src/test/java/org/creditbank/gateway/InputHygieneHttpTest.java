package org.creditbank.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.creditbank.chaincode.testing.Drafts;
import org.creditbank.chaincode.testing.InMemoryLedger;
import org.creditbank.gateway.auth.TokenRole;
import org.creditbank.model.json.CanonicalJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the gateway does with input that is broken, ambiguous or hostile, over real HTTP at the
 * byte level (a plain socket, so that nothing between the test and the server repairs the bytes):
 * every refusal is problem+json in UTF-8 that says so, names the field and never a Java class.
 */
class InputHygieneHttpTest {

    private static final String CSV_HEADER = "localId,learner,kind,achievementCode,achievementTitle,credits,resultScale,"
            + "resultValue,activityStart,activityEnd,evidenceHash\r\n";

    private final InMemoryLedger chain = new InMemoryLedger();
    private final TestGateway college;
    private final String registrar;

    InputHygieneHttpTest() throws IOException {
        college = new TestGateway(InProcessLedger.college(chain, "registrar1", "registrar"), "CollegeMSP", "gateway", 1 << 20);
        registrar = college.token(TokenRole.REGISTRAR, "registrar1", null);
    }

    @AfterEach
    void stop() {
        college.close();
    }

    /** A response exactly as the server sent it. */
    private record Raw(int status, Map<String, String> headers, byte[] body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        /** The body decoded strictly: fails the test if it is not valid UTF-8. */
        String utf8() {
            try {
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
            } catch (CharacterCodingException e) {
                throw new AssertionError("the body is not valid UTF-8: " + Arrays.toString(body), e);
            }
        }

        JsonNode json() {
            return CanonicalJson.read(utf8(), JsonNode.class);
        }

        /** Asserts a problem+json answer in UTF-8 with this status and code; returns its body. */
        JsonNode problem(int expectedStatus, String code) {
            String text = utf8();
            assertThat(status).as(text).isEqualTo(expectedStatus);
            assertThat(header("Content-Type")).isEqualToIgnoringCase("application/problem+json; charset=utf-8");
            JsonNode body = json();
            assertThat(body.get("code").asText()).as(text).isEqualTo(code);
            assertThat(body.get("status").asInt()).isEqualTo(expectedStatus);
            assertThat(body.get("detail").asText()).isNotBlank().doesNotContain("org.creditbank", "java.", "jakarta.",
                    "Source:", "`", "<html");
            return body;
        }
    }

    /** Sends {@code head} (request line and headers, CRLF-separated, without the blank line) and {@code body}. */
    private Raw send(String head, byte[] body) {
        try (Socket socket = new Socket("127.0.0.1", college.app().port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((head + "\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] all = in.readAllBytes();
            int end = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            String[] lines = new String(all, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
            }
            byte[] content = Arrays.copyOfRange(all, end + 4, all.length);
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                content = unchunk(content);
            }
            return new Raw(Integer.parseInt(lines[0].split(" ")[1]), headers, content);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Raw post(String path, String token, String contentType, byte[] body) {
        return send("POST " + path + " HTTP/1.1\r\nContent-Type: " + contentType
                + (token == null ? "" : "\r\nAuthorization: Bearer " + token), body);
    }

    private Raw postJson(String path, String json) {
        return post(path, registrar, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("no end of headers in " + new String(data, StandardCharsets.ISO_8859_1));
    }

    private static byte[] unchunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (true) {
            int lineEnd = indexOf(Arrays.copyOfRange(chunked, at, chunked.length), "\r\n".getBytes(StandardCharsets.ISO_8859_1)) + at;
            int size = Integer.parseInt(new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].strip(), 16);
            if (size == 0) {
                return out.toByteArray();
            }
            out.write(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
    }

    private String openAccount() {
        return postJson("/api/v1/learners", "").json().at("/record/accountNo").asText();
    }

    private static String json(Object value) {
        return CanonicalJson.toJson(value);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    // Defect 4: text that is not UTF-8.

    @Test
    void aBodyThatIsNotUtf8IsRefusedOnJsonRoutesInsteadOfBeingStoredAsReplacementCharacters() {
        String learner = openAccount();
        Map<String, Object> draft = Drafts.course("ENC-1", learner);
        draft.put("achievementTitle", "TITLE");
        String[] around = json(draft).split("TITLE");
        byte[] gbkTitle = "数控车床编程".getBytes(Charset.forName("GBK"));
        byte[] body = concat(around[0].getBytes(StandardCharsets.UTF_8), gbkTitle, around[1].getBytes(StandardCharsets.UTF_8));

        JsonNode refused = post("/api/v1/outcomes", registrar, "application/json", body).problem(400, "MALFORMED_INPUT");
        assertThat(refused.get("detail").asText()).contains("UTF-8");
        assertThat(send("GET /api/v1/outcomes/CollegeMSP:ENC-1 HTTP/1.1\r\nAuthorization: Bearer " + registrar, new byte[0])
                .problem(404, "NOT_FOUND")).isNotNull();

        byte[] question = concat("{\"recordId\":\"CollegeMSP:".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC3, 0x28},
                ("\",\"contentHash\":\"" + Drafts.EVIDENCE + "\"}").getBytes(StandardCharsets.UTF_8));
        post("/api/v1/verify", null, "application/json", question).problem(400, "MALFORMED_INPUT");
    }

    @Test
    void aLoneSurrogateIsRefusedNotTurnedIntoAQuestionMark() {
        Map<String, Object> draft = Drafts.course("SUR-1", openAccount());
        draft.put("achievementTitle", "数控SURROGATE");
        JsonNode refused = postJson("/api/v1/outcomes", json(draft).replace("SURROGATE", "\\ud800"))
                .problem(400, "MALFORMED_INPUT");
        assertThat(refused.at("/violations/0/field").asText()).isEqualTo("/achievementTitle");
        assertThat(postJson("/api/v1/outcomes", json(draft).replace("SURROGATE", "\\ud83c\\udf93")).status()).isEqualTo(201);
    }

    /** Excel in China saves "CSV" in GB18030 (its GBK code page); the import reads it as the registrar sees it. */
    @Test
    void aGbkSpreadsheetFromExcelIsImportedWithItsChineseIntactAndAUtf8BomStillWorks() {
        String learner = openAccount();
        Charset gb18030 = Charset.forName("GB18030");
        String rows = CSV_HEADER + "GBK-1," + learner + ",COURSE,CNC101,数控车床编程 第一部分,3,PERCENTAGE,80,2026-03-01,2026-07-01,"
                + Drafts.EVIDENCE + "\r\n";
        Raw imported = post("/api/v1/imports/outcomes?dryRun=false", registrar, "text/csv", rows.getBytes(gb18030));
        assertThat(imported.status()).as(imported.utf8()).isEqualTo(200);
        assertThat(imported.json().at("/created/count").asInt()).isEqualTo(1);
        Raw outcome = send("GET /api/v1/outcomes/CollegeMSP:GBK-1 HTTP/1.1\r\nAuthorization: Bearer " + registrar, new byte[0]);
        assertThat(outcome.json().at("/draft/achievementTitle").asText()).isEqualTo("数控车床编程 第一部分");

        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        Raw utf8 = post("/api/v1/imports/outcomes", registrar, "text/csv",
                concat(bom, rows.replace("GBK-1", "UTF-1").getBytes(StandardCharsets.UTF_8)));
        assertThat(utf8.json().at("/created/count").asInt()).as(utf8.utf8()).isEqualTo(1);
    }

    @Test
    void aSpreadsheetInAnotherEncodingIsRefusedWithHowToSaveItAsUtf8() {
        String rows = CSV_HEADER + "U16-1,CB7K2M9QH4TZ1XW8R0,COURSE,CNC101,数控车床编程,3,PERCENTAGE,80,2026-03-01,2026-07-01,"
                + Drafts.EVIDENCE + "\r\n";
        // Excel's "Unicode Text" is UTF-16 with a byte-order mark.
        byte[] unicodeText = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, rows.getBytes(StandardCharsets.UTF_16LE));
        JsonNode refused = post("/api/v1/imports/outcomes", registrar, "text/csv", unicodeText).problem(400, "MALFORMED_INPUT");
        assertThat(refused.get("detail").asText()).contains("UTF-16", "CSV UTF-8");
        // Without its byte-order mark, ASCII in UTF-16 is valid UTF-8 full of NULs: refused the same way.
        assertThat(post("/api/v1/imports/outcomes", registrar, "text/csv", rows.getBytes(StandardCharsets.UTF_16LE))
                .problem(400, "MALFORMED_INPUT").get("detail").asText()).contains("UTF-16");
        // Bytes that are neither UTF-8 nor GB18030 text with Chinese in it.
        post("/api/v1/imports/outcomes", registrar, "text/csv", concat(CSV_HEADER.getBytes(StandardCharsets.US_ASCII),
                new byte[] {'X', ',', (byte) 0xE9, ',', (byte) 0xFF, '\r', '\n'})).problem(400, "MALFORMED_INPUT");
    }

    // Defect 6: problem+json in UTF-8.

    @Test
    void aProblemWithChineseTextIsValidUtf8AndSaysCharsetUtf8() {
        String id = "CollegeMSP:数控-404";
        String path = "/api/v1/outcomes/" + java.net.URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
        JsonNode problem = send("GET " + path + " HTTP/1.1\r\nAuthorization: Bearer " + registrar, new byte[0])
                .problem(404, "NOT_FOUND");
        assertThat(problem.get("detail").asText()).contains("数控-404");
        // Latin-1 is where ISO-8859-1 output was not merely lossy but not UTF-8 at all.
        JsonNode cafe = send("GET /api/v1/outcomes/CollegeMSP:Caf%C3%A9 HTTP/1.1\r\nAuthorization: Bearer " + registrar,
                new byte[0]).problem(404, "NOT_FOUND");
        assertThat(cafe.get("detail").asText()).contains("Café");
    }

    // Defect 8: display text.

    @Test
    void displayTextThatHidesReordersOrExecutesIsRefusedAndOrdinaryTextWithEmojiIsNot() {
        String learner = openAccount();
        int n = 0;
        for (String title : List.of("invoice\u202Efdp.exe", "数控\u0007编程", "\u200B", "=HYPERLINK(\"http://x\",\"点击\")",
                "数控\n编程")) {
            Map<String, Object> draft = Drafts.course("TXT-" + ++n, learner);
            draft.put("achievementTitle", title);
            JsonNode refused = postJson("/api/v1/outcomes", json(draft)).problem(400, "INVALID_FIELD");
            assertThat(refused.at("/violations/0/field").asText()).isEqualTo("achievementTitle");
        }
        Map<String, Object> fine = Drafts.course("TXT-OK", learner);
        fine.put("achievementTitle", "🎓 数控车床编程 -进阶+ @车间");
        assertThat(postJson("/api/v1/outcomes", json(fine)).status()).isEqualTo(201);
        String csv = CSV_HEADER + "TXT-CSV," + learner + ",COURSE,CNC101,=1+1,3,PERCENTAGE,80,2026-03-01,2026-07-01,"
                + Drafts.EVIDENCE + "\r\n";
        JsonNode dry = post("/api/v1/imports/outcomes", registrar, "text/csv", csv.getBytes(StandardCharsets.UTF_8)).json();
        assertThat(dry.at("/problems/0/field").asText()).isEqualTo("achievementTitle");
        assertThat(dry.at("/problems/0/index").asInt()).as("the spreadsheet row").isEqualTo(2);
    }

    // Defect 9: plain messages, one JSON reading everywhere, HTTP errors in our shape.

    @Test
    void malformedBodiesAreDescribedByFieldWithoutJavaNamesOrSource() {
        String learner = openAccount();
        postJson("/api/v1/outcomes", "[]").problem(400, "MALFORMED_INPUT");
        postJson("/api/v1/outcomes", "{\"localId\":").problem(400, "MALFORMED_INPUT");
        postJson("/api/v1/verify", "{\"recordId\":[1]}").problem(400, "MALFORMED_INPUT");
        Map<String, Object> draft = Drafts.course("COERCE-1", learner);
        draft.put("credits", "3");
        JsonNode coerced = postJson("/api/v1/outcomes", json(draft)).problem(400, "MALFORMED_INPUT");
        assertThat(coerced.at("/violations/0/field").asText()).isEqualTo("/credits");
        assertThat(coerced.get("detail").asText()).isEqualTo("field /credits must be a number");
        draft.put("credits", 3);
        draft.put("localId", 7);
        assertThat(postJson("/api/v1/outcomes", json(draft)).problem(400, "MALFORMED_INPUT").get("detail").asText())
                .isEqualTo("field /localId must be a string");
        JsonNode batch = postJson("/api/v1/outcomes/batch", "{\"items\":[{\"credits\":\"3\"}]}").problem(400, "MALFORMED_INPUT");
        assertThat(batch.at("/violations/0/field").asText()).isEqualTo("/items/0/credits");
    }

    @Test
    void aDuplicateKeyIsRefusedOnEveryRoute() {
        String learner = openAccount();
        String draft = json(Drafts.course("DUP-1", learner));
        String twice = draft.replace("{\"achievementCode\"", "{\"localId\":\"DUP-2\",\"achievementCode\"");
        assertThat(twice).isNotEqualTo(draft);
        assertThat(postJson("/api/v1/outcomes", twice).problem(400, "MALFORMED_INPUT").get("detail").asText())
                .isEqualTo("field /localId appears more than once");
        postJson("/api/v1/outcomes/batch", "{\"items\":[],\"items\":[" + draft + "]}").problem(400, "MALFORMED_INPUT");
        postJson("/api/v1/verify", "{\"recordId\":\"CollegeMSP:X\",\"recordId\":\"CollegeMSP:Y\",\"contentHash\":\""
                + Drafts.EVIDENCE + "\"}").problem(400, "MALFORMED_INPUT");
        postJson("/api/v1/outcomes/CollegeMSP:DUP-1/revoke", "{\"reason\":\"a\",\"reason\":\"b\"}").problem(400, "MALFORMED_INPUT");
    }

    @Test
    void theHttpServersOwnRefusalsAreProblemJsonToo() {
        send("GET /api/v1/outcomes/%zz HTTP/1.1", new byte[0]).problem(400, "REQUEST_NOT_ACCEPTED");
        send("GET /api/v1/outcomes/" + "x".repeat(20_000) + " HTTP/1.1", new byte[0]).problem(414, "URI_TOO_LONG");
        send("GET /healthz HTTP/1.1\r\nX-Big: " + "y".repeat(20_000), new byte[0]).problem(431, "HEADERS_TOO_LARGE");
    }

    @Test
    void aWrongMethodIs405WithTheAllowedMethods() {
        Raw delete = send("DELETE /api/v1/outcomes HTTP/1.1", new byte[0]);
        delete.problem(405, "METHOD_NOT_ALLOWED");
        assertThat(delete.header("Allow")).isEqualTo("GET, POST"); // issue, and the read model's list
        Raw get = send("GET /api/v1/verify HTTP/1.1", new byte[0]);
        get.problem(405, "METHOD_NOT_ALLOWED");
        assertThat(get.header("Allow")).isEqualTo("POST");
        send("GET /api/v1/nowhere HTTP/1.1", new byte[0]).problem(404, "NO_SUCH_ROUTE");
    }
}
