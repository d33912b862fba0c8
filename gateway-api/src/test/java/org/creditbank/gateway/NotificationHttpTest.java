package org.creditbank.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creditbank.gateway.readmodel.TestBlocks.block;
import static org.creditbank.gateway.readmodel.TestBlocks.key;
import static org.creditbank.gateway.readmodel.TestBlocks.outcome;
import static org.creditbank.gateway.readmodel.TestBlocks.put;
import static org.creditbank.gateway.readmodel.TestBlocks.recognition;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.creditbank.chaincode.testing.InMemoryLedger;
import org.creditbank.gateway.auth.TokenRole;
import org.creditbank.gateway.notification.Notifications;
import org.creditbank.gateway.notification.WebhookDelivery;
import org.creditbank.gateway.readmodel.BlockFeed;
import org.creditbank.gateway.readmodel.GrowingChain;
import org.creditbank.gateway.readmodel.ReadModel;
import org.creditbank.gateway.readmodel.ReadModelService;
import org.creditbank.gateway.readmodel.TestBlocks;
import org.creditbank.gateway.readmodel.TestBlocks.Tx;
import org.creditbank.model.ObjectTypes;
import org.creditbank.model.json.CanonicalJson;
import org.creditbank.model.outcome.Outcome;
import org.creditbank.model.outcome.OutcomeStatus;
import org.creditbank.model.recognition.Recognition;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVWrite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The university recognised a course of the college; when the college revokes the course, the
 * university's registrar sees it in the notifications, in the event stream and at the webhook of
 * its own system, signed, retried until accepted, and not again after a restart.
 */
class NotificationHttpTest {

    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef-test".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private final GrowingChain chain = new GrowingChain();
    private final Outcome course = outcome("CollegeMSP", "2026-1", "专业核心", "2026-07-01", OutcomeStatus.ACTIVE);
    private final Recognition recognition = recognition("UniversityMSP", "R-1", course.id());

    @Test
    void aRevokedSourceReachesTheRegistrarTheStreamAndTheWebhook() throws Exception {
        ReadModel model = ReadModel.open("jdbc:h2:file:" + dir.resolve("readmodel"));
        chain.add(block(0, Tx.valid("a", write(course), put(key(ObjectTypes.RECOGNITION, recognition.id()), recognition))));
        ReadModelService service = ReadModelService.on(model, "UniversityMSP");
        try (BlockFeed feed = BlockFeed.start(model, chain, TestBlocks.CHAINCODE);
             TestGateway university = new TestGateway(new InProcessLedger(new InMemoryLedger()), "UniversityMSP", "gateway",
                     service)) {
            String registrar = university.token(TokenRole.REGISTRAR, "registrar1", null);
            within(() -> model.nextBlock() == 1);
            assertThat(university.get("/api/v1/notifications", registrar).json()).isEmpty();

            chain.add(block(1, Tx.valid("b", write(outcome("CollegeMSP", "2026-1", "专业核心", "2026-07-01",
                    OutcomeStatus.REVOKED)))));
            within(() -> university.get("/api/v1/notifications", registrar).json().size() == 1);
            JsonNode notification = university.get("/api/v1/notifications", registrar).json().get(0);
            assertThat(notification.get("recognitionId").asText()).isEqualTo(recognition.id());
            assertThat(notification.get("outcomeId").asText()).isEqualTo(course.id());
            assertThat(notification.get("status").asText()).isEqualTo("REVOKED");
            assertThat(notification.get("blockNumber").asLong()).isEqualTo(1);
            assertThat(university.get("/api/v1/notifications?after=1", registrar).json()).isEmpty();
            assertThat(university.get("/api/v1/notifications?after=soon", registrar).status()).isEqualTo(400);
            String verifier = university.token(TokenRole.VERIFIER, "gateway", null);
            assertThat(university.get("/api/v1/notifications", verifier).status()).isEqualTo(403);

            assertThat(firstStreamedEvent(university, registrar)).contains("event: notification", "id: 1", course.id());

            webhookRetriesUntilAcceptedAndResumesAfterARestart(new Notifications(service));
        }
    }

    private void webhookRetriesUntilAcceptedAndResumesAfterARestart(Notifications notifications) throws Exception {
        List<String> deliveries = new CopyOnWriteArrayList<>();
        List<String> bodies = new CopyOnWriteArrayList<>();
        List<String> signatures = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                bodies.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            deliveries.add(exchange.getRequestHeaders().getFirst(WebhookDelivery.DELIVERY_HEADER));
            signatures.add(exchange.getRequestHeaders().getFirst(WebhookDelivery.SIGNATURE_HEADER));
            exchange.sendResponseHeaders(calls.incrementAndGet() == 1 ? 503 : 204, -1);
            exchange.close();
        });
        receiver.start();
        URI url = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
        Path cursor = dir.resolve("webhook.cursor");
        try {
            try (WebhookDelivery delivery = WebhookDelivery.start(notifications, url, SECRET, cursor, Clock.systemUTC())) {
                within(() -> Files.exists(cursor));
            }
            // Refused once, then delivered: the same delivery twice, each signed over its own time and body.
            assertThat(deliveries).containsExactly("UniversityMSP:1", "UniversityMSP:1");
            JsonNode body = CanonicalJson.read(bodies.get(1), JsonNode.class);
            assertThat(body.at("/notifications/0/outcomeId").asText()).isEqualTo(course.id());
            String signature = signatures.get(1);
            long t = Long.parseLong(signature.substring(2, signature.indexOf(',')));
            assertThat(signature).isEqualTo(WebhookDelivery.signature(SECRET, t, bodies.get(1)));
            assertThat(signature).isNotEqualTo(WebhookDelivery.signature("another secret of 32 characters!!".getBytes(
                    StandardCharsets.UTF_8), t, bodies.get(1)));
            assertThat(Files.readString(cursor).strip()).isEqualTo("1");

            // A restart resumes after block 1: nothing is delivered twice.
            try (WebhookDelivery again = WebhookDelivery.start(notifications, url, SECRET, cursor, Clock.systemUTC())) {
                Thread.sleep(2_500);
            }
            assertThat(deliveries).hasSize(2);
        } finally {
            receiver.stop(0);
        }
    }

    private static String firstStreamedEvent(TestGateway gateway, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(TestGateway.baseUrl(gateway.port()) + "/api/v1/notifications/stream"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build();
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        StringBuilder event = new StringBuilder();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty() && event.indexOf("event:") >= 0) {
                    return event.toString();
                }
                event.append(line).append('\n');
            }
        }
        return event.toString();
    }

    private static void within(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 10 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static KVWrite write(Outcome o) {
        return put(key(ObjectTypes.OUTCOME, o.issuer(), o.draft().localId()), o);
    }

}
