package org.creditbank.gateway.notification;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.creditbank.gateway.ApiException;
import org.creditbank.model.ErrorCode;
import org.creditbank.model.json.CanonicalJson;

/**
 * Notifications as a server-sent event stream ({@code text/event-stream}): each is an event
 * {@code notification} whose id is its block number, so a client that reconnects with
 * {@code Last-Event-ID} (browsers do it by themselves) misses nothing and gets nothing twice;
 * {@code ?after=} does the same for the first connection. A comment every
 * {@link #KEEP_ALIVE} keeps proxies from closing a quiet stream. At most {@link #MAX_STREAMS} are
 * open at once per gateway: each holds a request thread.
 */
public final class NotificationStream implements Handler {

    public static final int MAX_STREAMS = 20;
    static final Duration POLL = Duration.ofSeconds(1);
    static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

    private final Notifications notifications;
    private final AtomicInteger open = new AtomicInteger();
    private final SseHandler sse = new SseHandler(this::stream);

    public NotificationStream(Notifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public void handle(Context ctx) throws Exception {
        String resume = ctx.header("Last-Event-ID") != null ? ctx.header("Last-Event-ID") : ctx.queryParam("after");
        long cursor = Notifications.cursor(resume);
        notifications.requireAvailable(); // a gateway without a read model says so before any stream opens
        if (open.incrementAndGet() > MAX_STREAMS) {
            open.decrementAndGet();
            throw new ApiException(ErrorCode.RATE_LIMITED, "at most " + MAX_STREAMS + " notification streams are open at once");
        }
        try {
            ctx.attribute("notification-cursor", cursor);
            sse.handle(ctx);
        } finally {
            open.decrementAndGet();
        }
    }

    private void stream(SseClient client) {
        long cursor = client.ctx().attribute("notification-cursor");
        long quietSince = System.nanoTime();
        try {
            while (!client.terminated()) {
                List<Notifications.Notification> fresh = notifications.after(cursor);
                for (Notifications.Notification n : fresh) {
                    client.sendEvent("notification", CanonicalJson.toJson(n), Long.toString(n.blockNumber()));
                    cursor = Math.max(cursor, n.blockNumber());
                }
                if (!fresh.isEmpty() || System.nanoTime() - quietSince > KEEP_ALIVE.toNanos()) {
                    if (fresh.isEmpty()) {
                        client.sendComment("keep-alive");
                    }
                    quietSince = System.nanoTime();
                }
                Thread.sleep(POLL.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
