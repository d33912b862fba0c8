/**
 * The HTTP layer: every route in one place ({@code Routes}), authentication and role checks, request
 * limits ({@link org.creditbank.gateway.http.RequestGuard}), strict request decoding, metrics and the
 * mapping of every error code to its HTTP status and problem+json body
 * ({@link org.creditbank.gateway.http.Problems}). Handlers only translate HTTP to a use case and back.
 */
package org.creditbank.gateway.http;
