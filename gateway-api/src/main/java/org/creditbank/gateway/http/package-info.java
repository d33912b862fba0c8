/**
 * The HTTP layer: every route in one place ({@code Routes}), authentication and role checks, request
 * limits ({@link org.creditbank.gateway.http.RequestGuard}), strict request decoding, metrics and the
 * mapping of every error code to its HTTP status and problem+json body
 * ({@link org.creditbank.gateway.http.Problems}). Handlers only translate HTTP to one use-case call
 * and back, and write the model's records as JSON; nothing outside this package (but the wiring in
 * {@code GatewayMain}) depends on it.
 */
package org.creditbank.gateway.http;
