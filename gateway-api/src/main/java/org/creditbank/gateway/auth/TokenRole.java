package org.creditbank.gateway.auth;

import io.javalin.security.RouteRole;

/**
 * Who a gateway bearer token speaks for, checked by the HTTP layer per route. Not the chaincode's
 * {@code access.Role}, which is read from a Fabric certificate and decides what a transaction may
 * do on the ledger: a token's role only picks the routes, and the identity it maps to is then judged
 * by the chaincode. Verification itself needs no token at all.
 */
public enum TokenRole implements RouteRole {
    /** Issues, changes status, recognises and imports for the gateway's own institution. */
    REGISTRAR,
    /** A partner institution's staff: reads and verifies. */
    VERIFIER,
    /** A student: reads their own transcript and records, nobody else's. */
    LEARNER
}
