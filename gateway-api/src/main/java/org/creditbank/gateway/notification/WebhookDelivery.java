package org.creditbank.gateway.notification;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.creditbank.model.json.CanonicalJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers notifications to an external system's webhook: one POST per block that has any, in
 * block order, signed, retried until the receiver answers 2xx, and never skipped. The last block
 * delivered is kept in a file beside the read model, written only after a 2xx, so a restart
 * resumes there: delivery is at least once, and the {@code X-CreditBank-Delivery} id (institution
 * and block) lets the receiver drop a repeat.
 *
 * <p>Signature (header {@code X-CreditBank-Signature: t=<unix seconds>,v1=<hex>}): HMAC-SHA256
 * with the shared secret over {@code <t>.<body>}. The receiver recomputes it and refuses a
 * signature older than a few minutes, so a captured request cannot be replayed later.
 */
public final class WebhookDelivery implements AutoCloseable {

    public static final String SIGNATURE_HEADER = "X-CreditBank-Signature";
    public static final String DELIVERY_HEADER = "X-CreditBank-Delivery";
    /** How often the list is looked at when all is delivered. */
    static final Duration POLL = Duration.ofSeconds(1);
    /** Retries wait 1 s, 2 s, 4 s … up to this. */
    static final Duration MAX_BACKOFF = Duration.ofSeconds(60);

    private static final Logger LOG = LoggerFactory.getLogger(WebhookDelivery.class);

    private final Notifications notifications;
    private final URI url;
    private final byte[] secret;
    private final Path cursorFile;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Thread thread;
    private volatile boolean closed;

    private WebhookDelivery(Notifications notifications, URI url, byte[] secret, Path cursorFile, Clock clock) {
        this.notifications = notifications;
        this.url = url;
        this.secret = secret.clone();
        this.cursorFile = cursorFile;
        this.clock = clock;
        this.thread = new Thread(this::run, "webhook-delivery");
        this.thread.setDaemon(true);
    }

    /** Starts delivering to {@code url}, resuming after the block in {@code cursorFile} (if any). */
    public static WebhookDelivery start(Notifications notifications, URI url, byte[] secret, Path cursorFile, Clock clock) {
        WebhookDelivery delivery = new WebhookDelivery(notifications, url, secret, cursorFile, clock);
        delivery.thread.start();
        return delivery;
    }

    /** The signature header value for {@code body} at {@code epochSeconds}. */
    public static String signature(byte[] secret, long epochSeconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] digest = mac.doFinal((epochSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return "t=" + epochSeconds + ",v1=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private void run() {
        long delivered = readCursor();
        Duration backoff = Duration.ofSeconds(1);
        while (!closed) {
            try {
                List<Notifications.Notification> pending = notifications.after(delivered);
                if (pending.isEmpty()) {
                    Thread.sleep(POLL.toMillis());
                    continue;
                }
                long block = pending.get(0).blockNumber();
                List<Notifications.Notification> ofBlock = pending.stream().filter(n -> n.blockNumber() == block).toList();
                int status = post(block, ofBlock);
                if (status / 100 == 2) {
                    delivered = block;
                    writeCursor(block);
                    backoff = Duration.ofSeconds(1);
                    continue;
                }
                LOG.warn("webhook: block {} answered {}; retrying in {} s", block, status, backoff.toSeconds());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (IOException | RuntimeException e) {
                LOG.warn("webhook: delivery failed ({}); retrying in {} s", e.getMessage(), backoff.toSeconds());
            }
            try {
                Thread.sleep(backoff.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
    }

    private int post(long block, List<Notifications.Notification> ofBlock) throws IOException, InterruptedException {
        String institution = ofBlock.get(0).institution();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("institution", institution);
        payload.put("blockNumber", block);
        payload.put("notifications", ofBlock);
        String body = CanonicalJson.toJson(payload);
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header(DELIVERY_HEADER, institution + ":" + block)
                .header(SIGNATURE_HEADER, signature(secret, clock.instant().getEpochSecond(), body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private long readCursor() {
        try {
            return Files.exists(cursorFile) ? Long.parseLong(Files.readString(cursorFile, StandardCharsets.UTF_8).strip()) : -1;
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("the webhook cursor " + cursorFile + " is unreadable; fix or delete it", e);
        }
    }

    private void writeCursor(long block) throws IOException {
        Path next = cursorFile.resolveSibling(cursorFile.getFileName() + ".next");
        Files.writeString(next, Long.toString(block), StandardCharsets.UTF_8);
        Files.move(next, cursorFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }

    /** For logs and tests: where it delivers (the secret is never shown). */
    @Override
    public String toString() {
        return "webhook to " + url;
    }
}
