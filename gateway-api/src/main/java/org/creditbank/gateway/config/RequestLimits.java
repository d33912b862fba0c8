package org.creditbank.gateway.config;

/**
 * What one client may ask of a gateway, so that one client's flood or one hostile document cannot
 * take the gateway from everybody else. Requests without a token (the public verification routes,
 * the page, status lists, the issuer document) are counted per client address; requests with a
 * token per token, with a larger allowance. Each allowance is a token bucket: {@code burst}
 * requests at once, refilled at {@code perSecond}; a request beyond it is answered 429
 * {@code RATE_LIMITED} with Retry-After. A rate of 0 turns that limit off (e.g. for a benchmark).
 *
 * @param publicPerSecond    sustained requests per second of one client address on routes without a token
 * @param publicBurst        requests one client address may send at once
 * @param tokenPerSecond     sustained requests per second of one token
 * @param tokenBurst         requests one token may send at once
 * @param publicMaxBodyBytes largest body a route without a token accepts (413 {@code PAYLOAD_TOO_LARGE})
 * @param publicMaxJsonDepth deepest nesting of arrays and objects a route without a token accepts
 *                           (400 {@code NESTED_TOO_DEEPLY}); our credentials nest about 8 deep
 * @param trustForwardedFor  take the client address from the last {@code X-Forwarded-For} entry:
 *                           only behind a proxy that sets it, else any client could pick its own key
 */
public record RequestLimits(
        int publicPerSecond,
        int publicBurst,
        int tokenPerSecond,
        int tokenBurst,
        long publicMaxBodyBytes,
        int publicMaxJsonDepth,
        boolean trustForwardedFor) {

    /**
     * The defaults: a person verifying by hand sends a few requests a minute and the page about
     * five at once; a verifier's system checking a batch gets 429s with Retry-After and slows down.
     */
    public static final RequestLimits DEFAULTS = new RequestLimits(10, 40, 100, 200, 1 << 20, 32, false);

    public RequestLimits {
        if (publicPerSecond < 0 || tokenPerSecond < 0 || publicBurst < 1 || tokenBurst < 1 || publicMaxBodyBytes < 1
                || publicMaxJsonDepth < 1) {
            throw new IllegalArgumentException("request limits must be positive (a rate of 0 turns it off)");
        }
    }
}
