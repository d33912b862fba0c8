package org.creditbank.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.creditbank.chaincode.testing.InMemoryLedger;
import org.creditbank.gateway.TestGateway.Reply;
import org.creditbank.gateway.auth.TokenRole;
import org.creditbank.gateway.config.RequestLimits;
import org.creditbank.model.json.CanonicalJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The public routes' limits over real HTTP. Clients are told apart by their address, so each
 * client here connects from its own loopback address (127.0.0.2, 127.0.0.3: all of 127/8 is
 * loopback on Linux), as clients on different machines would.
 */
class RequestLimitsHttpTest {

    private static final RequestLimits LIMITS = new RequestLimits(5, 10, 100, 200, 4096, 16, false);
    private static final String QUESTION = CanonicalJson.toJson(Map.of("recordId", "CollegeMSP:NOPE-1",
            "contentHash", "0".repeat(64)));
    /** Far more than any answer of an idle in-process gateway takes; a starved client would wait for the flood. */
    private static final Duration BOUNDED = Duration.ofSeconds(5);

    private final InMemoryLedger chain = new InMemoryLedger();
    private final TestGateway gateway;

    RequestLimitsHttpTest() throws IOException {
        gateway = new TestGateway(InProcessLedger.college(chain, "verifier1", "verifier"), "CollegeMSP", "gateway", LIMITS);
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    /** An answer as seen on the wire. */
    record Answer(int status, String retryAfter, String contentType, String body, long nanos) {
    }

    @Test
    void aFloodFromOneClientIsRefusedWithRetryAfterWhileAnotherClientIsStillAnswered() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(5);
        ConcurrentLinkedQueue<Answer> flood = new ConcurrentLinkedQueue<>();
        long started = System.nanoTime();
        long until = started + Duration.ofSeconds(3).toNanos();
        List<Future<?>> flooders = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            flooders.add(pool.submit(() -> {
                while (System.nanoTime() < until) {
                    flood.add(send("127.0.0.2", "POST", "/api/v1/verify", null, QUESTION));
                }
            }));
        }
        // The other client asks about three times a second, within its own allowance, during the flood.
        List<Answer> other = new ArrayList<>();
        while (System.nanoTime() < until) {
            other.add(send("127.0.0.3", "POST", "/api/v1/verify", null, QUESTION));
            Thread.sleep(300);
        }
        for (Future<?> f : flooders) {
            f.get();
        }
        pool.shutdown();
        double floodSeconds = (System.nanoTime() - started) / 1e9;

        assertThat(other).hasSizeGreaterThanOrEqualTo(5)
                .allSatisfy(a -> {
                    assertThat(a.status()).as(a.body()).isEqualTo(200);
                    assertThat(Duration.ofNanos(a.nanos())).isLessThan(BOUNDED);
                });
        List<Answer> refused = flood.stream().filter(a -> a.status() == 429).toList();
        // The flooder got its burst and its rate, no more.
        assertThat(flood.stream().filter(a -> a.status() == 200).count()).as("the flooder's own allowance")
                .isBetween(10L, 10L + (long) Math.ceil(5 * floodSeconds));
        assertThat(refused).hasSizeGreaterThan(flood.size() / 2)
                .allSatisfy(a -> {
                    assertThat(Integer.parseInt(a.retryAfter())).isBetween(1, 60);
                    assertThat(a.contentType()).startsWith("application/problem+json");
                    assertThat(CanonicalJson.read(a.body(), com.fasterxml.jackson.databind.JsonNode.class)
                            .get("code").asText()).isEqualTo("RATE_LIMITED");
                });
        assertThat(flood).allSatisfy(a -> assertThat(a.status()).isIn(200, 429));

        // Waiting as long as Retry-After says is enough.
        Thread.sleep(Integer.parseInt(refused.get(refused.size() - 1).retryAfter()) * 1000L);
        assertThat(send("127.0.0.2", "POST", "/api/v1/verify", null, QUESTION).status()).isEqualTo(200);
    }

    @Test
    void behindAProxyAnXForwardedForWithoutAnAddressIsCountedAsTheConnectionsAddressNotAFailure() throws IOException {
        try (TestGateway proxied = new TestGateway(InProcessLedger.college(new InMemoryLedger(), "verifier1", "verifier"),
                "CollegeMSP", "gateway", new RequestLimits(5, 10, 100, 200, 4096, 16, true))) {
            for (String forwarded : List.of(",", " , ", "203.0.113.9,", "  ")) {
                TestGateway.Reply reply = proxied.post("/api/v1/verify", null, QUESTION, Map.of("X-Forwarded-For", forwarded));
                assertThat(reply.status()).as("X-Forwarded-For '%s': %s", forwarded, reply.text()).isEqualTo(200);
            }
        }
    }

    @Test
    void requestsWithATokenAreCountedPerTokenNotPerAddress() {
        String token = gateway.token(TokenRole.VERIFIER, "verifier1", null);
        int sent = 0;
        while (send("127.0.0.4", "POST", "/api/v1/verify", null, QUESTION).status() != 429) {
            assertThat(++sent).as("requests before the address is limited").isLessThan(100);
        }
        Answer me = send("127.0.0.4", "GET", "/api/v1/institutions/me", token, null);
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(send("127.0.0.4", "GET", "/healthz", null, null).status()).isEqualTo(200);
    }

    @Test
    void publicRoutesRefuseDeeplyNestedAndOversizedDocuments() {
        String deep = "{\"a\":".repeat(17) + "1" + "}".repeat(17);
        Reply nested = gateway.post("/api/v1/credentials/verify", null, deep);
        assertThat(nested.status()).as(nested.text()).isEqualTo(400);
        assertThat(nested.json().get("code").asText()).isEqualTo("NESTED_TOO_DEEPLY");
        // Brackets in strings are text, and a document within the limits is verified (and found wanting).
        String shallow = "{\"a\":".repeat(16) + "\"[[[[[[[[[[[[[[[[[[[[\\\"{{{{{{{{{{{{{{{{{{\"" + "}".repeat(16);
        Reply verified = gateway.post("/api/v1/credentials/verify", null, shallow);
        assertThat(verified.status()).as(verified.text()).isEqualTo(200);
        assertThat(verified.json().get("verdict").asText()).isEqualTo("INVALID");

        Reply large = gateway.post("/api/v1/credentials/qr", null, "{\"a\":\"" + "x".repeat(4096) + "\"}");
        assertThat(large.status()).as(large.text()).isEqualTo(413);
        assertThat(large.json().get("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    /** One HTTP/1.1 request on a fresh connection from the loopback address {@code source}. */
    private Answer send(String source, String method, String path, String token, String body) {
        long started = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(source, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", gateway.port()), 5_000);
            socket.setSoTimeout(10_000);
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            String head = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + gateway.port() + "\r\nConnection: close\r\n"
                    + (body == null ? "" : "Content-Type: application/json\r\nContent-Length: " + content.length + "\r\n")
                    + (token == null ? "" : "Authorization: Bearer " + token + "\r\n") + "\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(content);
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int end = response.indexOf("\r\n\r\n");
            String[] lines = response.substring(0, end).split("\r\n");
            String retryAfter = null;
            String contentType = "";
            for (String line : lines) {
                String lower = line.toLowerCase(Locale.ROOT);
                if (lower.startsWith("retry-after:")) {
                    retryAfter = line.substring(12).strip();
                } else if (lower.startsWith("content-type:")) {
                    contentType = line.substring(13).strip();
                }
            }
            return new Answer(Integer.parseInt(lines[0].split(" ")[1]), retryAfter, contentType,
                    response.substring(end + 4), System.nanoTime() - started);
        } catch (IOException e) {
            throw new UncheckedIOException("request from " + source, e);
        }
    }
}
