package org.creditbank.gateway.ledger;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How the gateway reaches its institution's peer: endpoint and TLS trust, channel and chaincode,
 * the wallet folder holding each user's enrolled identity ({@code <wallet>/<name>/cert.pem} and
 * {@code key.pem}), the deadlines of each step and how often an MVCC conflict is retried.
 */
public record FabricSettings(
        String mspId,
        String peerEndpoint,
        Path tlsRootCert,
        String tlsHostOverride,
        String channel,
        String chaincode,
        Path wallet,
        Duration evaluateTimeout,
        Duration endorseTimeout,
        Duration submitTimeout,
        Duration commitStatusTimeout,
        int maxAttempts,
        Duration backoffBase) {
}
