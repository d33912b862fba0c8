package org.creditbank.gateway.http;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.creditbank.gateway.ApiException;
import org.creditbank.gateway.auth.Principal;
import org.creditbank.gateway.config.RequestLimits;
import org.creditbank.model.ErrorCode;

/**
 * Enforces {@link RequestLimits} before a matched route runs (after authentication, so that a
 * request with a token is counted against its token): one token bucket per client address for
 * requests without a token, one per token for the others, and on routes without a token a smaller
 * body and a bounded JSON nesting depth. A client over its allowance gets 429 {@code RATE_LIMITED}
 * with Retry-After at the cost of a map look-up, so a flood from one client uses little of what
 * the others need. Liveness and metrics are not limited: monitoring must always get through.
 *
 * <pre>{@code
 * RequestGuard guard = new RequestGuard(limits);
 * config.routes.beforeMatched(ctx -> { authenticate(ctx); guard.admit(ctx); });
 * }</pre>
 */
public final class RequestGuard {

    /** Request attribute: the client address a request without a token is counted under (for per-client budgets of routes). */
    static final String CLIENT_ADDRESS = "creditbank.clientAddress";
    /** Routes for monitoring, answered from memory: never limited. */
    private static final Set<String> UNLIMITED = Set.of("/healthz", "/metrics");
    /** Idle buckets are dropped once the map holds this many clients, so that many addresses cannot fill memory. */
    private static final int MAX_TRACKED = 100_000;

    private final RequestLimits limits;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RequestGuard(RequestLimits limits) {
        this.limits = limits;
    }

    /** Admits the request or throws the refusal (429, 413 or 400) that the error handler renders. */
    public void admit(Context ctx) {
        if (UNLIMITED.contains(ctx.path())) {
            return;
        }
        Principal principal = ctx.attribute(GatewayServer.PRINCIPAL);
        if (principal != null) {
            take("token " + principal.tokenId(), limits.tokenPerSecond(), limits.tokenBurst());
            return;
        }
        String address = clientAddress(ctx);
        ctx.attribute(CLIENT_ADDRESS, address);
        take("address " + address, limits.publicPerSecond(), limits.publicBurst());
        checkBody(ctx);
    }

    private void take(String client, int perSecond, int burst) {
        if (perSecond == 0) {
            return;
        }
        long now = System.nanoTime();
        if (buckets.size() >= MAX_TRACKED) {
            buckets.values().removeIf(b -> b.isFull(now));
        }
        long waitNanos = buckets.computeIfAbsent(client, k -> new Bucket(perSecond, burst, now)).take(now);
        if (waitNanos > 0) {
            int seconds = (int) Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
            throw new ApiException(ErrorCode.RATE_LIMITED, "too many requests from this client; try again in "
                    + seconds + " s", List.of(), seconds, null);
        }
    }

    /** The body limits of routes without a token (a verifier's document: a credential or transcript). */
    private void checkBody(Context ctx) {
        long declared = ctx.contentLength();
        if (declared > limits.publicMaxBodyBytes()) {
            throw tooLarge();
        }
        if (ctx.method().name().equals("GET") || ctx.method().name().equals("HEAD")) {
            return;
        }
        byte[] body = ctx.bodyAsBytes(); // bounded by the server's own maximum; cached for the handler
        if (body.length > limits.publicMaxBodyBytes()) {
            throw tooLarge();
        }
        if (JsonDepth.exceeds(body, limits.publicMaxJsonDepth())) {
            throw new ApiException(ErrorCode.NESTED_TOO_DEEPLY, "the JSON nests arrays and objects more than "
                    + limits.publicMaxJsonDepth() + " deep; no credential does");
        }
    }

    private ApiException tooLarge() {
        return new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, "routes without a token accept bodies of at most "
                + limits.publicMaxBodyBytes() + " bytes");
    }

    private String clientAddress(Context ctx) {
        if (limits.trustForwardedFor()) {
            String forwarded = ctx.header("X-Forwarded-For");
            if (forwarded != null) {
                // Our proxy appends the address it saw last; what comes before it the client wrote.
                // A header with no address at the end (",", "a,") names nobody: the connection counts.
                String last = forwarded.substring(forwarded.lastIndexOf(',') + 1).strip();
                if (!last.isEmpty()) {
                    return last;
                }
            }
        }
        return ctx.req().getRemoteAddr();
    }

    /** A token bucket: {@code burst} at once, refilled at {@code perSecond}. */
    private static final class Bucket {

        private final double perNano;
        private final int burst;
        private double tokens;
        private long last;

        Bucket(int perSecond, int burst, long now) {
            this.perNano = perSecond / 1e9;
            this.burst = burst;
            this.tokens = burst;
            this.last = now;
        }

        /** Takes one token: 0 when there was one, else the nanoseconds until there will be. */
        synchronized long take(long now) {
            tokens = Math.min(burst, tokens + (now - last) * perNano);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / perNano);
        }

        synchronized boolean isFull(long now) {
            return tokens + (now - last) * perNano >= burst;
        }
    }
}
