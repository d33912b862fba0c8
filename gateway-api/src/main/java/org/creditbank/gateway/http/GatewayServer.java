package org.creditbank.gateway.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.router.Endpoint;
import io.javalin.security.RouteRole;
import java.util.List;
import java.util.Set;
import org.creditbank.gateway.ApiException;
import org.creditbank.gateway.auth.Principal;
import org.creditbank.gateway.config.RequestLimits;
import org.creditbank.gateway.ledger.LedgerException;
import org.creditbank.model.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's HTTP server: routes from {@link Routes}, bearer-token authentication and role
 * checks before every protected route, request metrics, and one error shape (problem+json) for
 * everything that goes wrong. Nothing a client sends can produce a 500: bad input is a 4xx, and an
 * unreachable network is a 503 with Retry-After.
 *
 * <pre>{@code
 * Javalin app = GatewayServer.create(services, 1_048_576).start("127.0.0.1", 8080);
 * }</pre>
 */
public final class GatewayServer {

    static final String PRINCIPAL = "creditbank.principal";
    private static final String STARTED = "creditbank.started";
    private static final Logger LOG = LoggerFactory.getLogger(GatewayServer.class);

    private GatewayServer() {
    }

    public static Javalin create(Services services, long maxRequestBytes) {
        return create(services, maxRequestBytes, RequestLimits.DEFAULTS);
    }

    public static Javalin create(Services services, long maxRequestBytes, RequestLimits limits) {
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = maxRequestBytes;
            // A known path with another method is 405 with Allow, not "no such route".
            config.http.prefer405over404 = true;
            config.jetty.modifyServer(server -> server.setErrorHandler(new HttpServerProblems()));
            config.routes.before(ctx -> {
                ctx.attribute(STARTED, System.nanoTime());
                secure(ctx);
            });
            RequestGuard guard = new RequestGuard(limits);
            config.routes.beforeMatched(ctx -> {
                authenticate(ctx, services);
                guard.admit(ctx); // after authentication, so that a request with a token counts against its token
            });
            config.routes.after(ctx -> record(ctx, services.metrics()));
            Routes.declare(config.routes, services);

            config.routes.exception(ApiException.class, (e, ctx) -> problem(ctx, e));
            config.routes.exception(LedgerException.class, (e, ctx) -> problem(ctx, ApiException.fromLedger(e)));
            config.routes.exception(HttpResponseException.class, (e, ctx) -> problem(ctx, fromJavalin(e, ctx)));
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
                problem(ctx, new ApiException(ErrorCode.INTERNAL, "an unexpected error occurred; it has been logged",
                        List.of(), null, e));
            });
        });
    }

    /**
     * The headers every answer carries, set before the route runs (so refusals have them too): no
     * content sniffing, never in a frame (clickjacking a learner's share page), and no Referer, so
     * a share's link never leaks to a site a page links to (a record's evidence). Answers that are
     * not pages allow nothing at all; {@link Routes} gives pages their own policy.
     */
    private static void secure(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    }

    private static void authenticate(Context ctx, Services services) {
        Set<RouteRole> roles = ctx.routeRoles();
        if (roles.isEmpty()) {
            return; // public route
        }
        String header = ctx.header("Authorization");
        String token = header != null && header.startsWith("Bearer ") ? header.substring(7).trim() : null;
        Principal principal = services.tokens().authenticate(token).orElseThrow(() -> {
            ctx.header("WWW-Authenticate", "Bearer");
            return new ApiException(ErrorCode.UNAUTHENTICATED,
                    token == null ? "this route needs a bearer token" : "the token is unknown or revoked");
        });
        if (!roles.contains(principal.role())) {
            throw ApiException.forbidden("a " + principal.role() + " token may not use this route; it needs "
                    + roles.stream().map(Object::toString).sorted().toList());
        }
        ctx.attribute(PRINCIPAL, principal);
    }

    /**
     * Javalin's own refusals (no such route, a method the path does not have, body too large) in our
     * error shape. Any other refusal of Javalin's is a 400 if it blames the request and an (logged)
     * internal failure otherwise.
     */
    private static ApiException fromJavalin(HttpResponseException e, Context ctx) {
        return switch (e.getStatus()) {
            case 404 -> new ApiException(ErrorCode.NO_SUCH_ROUTE, "no route " + ctx.method() + " " + ctx.path());
            case 405 -> {
                String allowed = String.join(", ", e.getDetails().values());
                ctx.header("Allow", allowed);
                yield new ApiException(ErrorCode.METHOD_NOT_ALLOWED, ctx.path() + " does not answer " + ctx.method()
                        + "; it answers " + allowed);
            }
            case 413 -> new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, "the request body is larger than this gateway accepts");
            default -> {
                if (e.getStatus() >= 400 && e.getStatus() < 500) {
                    yield new ApiException(ErrorCode.REQUEST_NOT_ACCEPTED, "the HTTP server refused the request (HTTP "
                            + e.getStatus() + ")", List.of(), null, e);
                }
                LOG.error("the HTTP server failed with {} on {} {}", e.getStatus(), ctx.method(), ctx.path(), e);
                yield new ApiException(ErrorCode.INTERNAL, "an unexpected error occurred; it has been logged",
                        List.of(), null, e);
            }
        };
    }

    private static void problem(Context ctx, ApiException e) {
        if (e.retryAfterSeconds() != null) {
            ctx.header("Retry-After", Integer.toString(e.retryAfterSeconds()));
        }
        ctx.status(Problems.statusOf(e.code())).contentType(Problems.CONTENT_TYPE).result(Problems.body(e, ctx.path()));
    }

    private static void record(Context ctx, Metrics metrics) {
        Long started = ctx.attribute(STARTED);
        Endpoint endpoint = ctx.endpoints().lastHttpEndpoint();
        String route = endpoint == null ? "unmatched" : endpoint.path;
        double seconds = started == null ? 0 : (System.nanoTime() - started) / 1e9;
        metrics.record(route, ctx.method().name(), ctx.statusCode(), seconds);
    }
}
