package org.creditbank.gateway.auth;

import io.javalin.security.RouteRole;

/** Who a bearer token speaks for. Verification itself needs no token at all. */
public enum Role implements RouteRole {
    /** Issues, changes status, recognises and imports for the gateway's own institution. */
    REGISTRAR,
    /** A partner institution's staff: reads and verifies. */
    VERIFIER,
    /** A student: reads their own transcript and records, nobody else's. */
    LEARNER
}
