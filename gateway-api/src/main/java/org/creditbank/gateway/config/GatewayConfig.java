package org.creditbank.gateway.config;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.creditbank.gateway.ledger.FabricSettings;

/**
 * One gateway instance's settings: a properties file, each key overridable by an environment
 * variable ({@code peer.endpoint} ← {@code CREDITBANK_PEER_ENDPOINT}), so secrets and per-host
 * values need not live in the file. See {@code gateway-api/gateway.example.properties}.
 */
public record GatewayConfig(
        String listenHost,
        int listenPort,
        FabricSettings fabric,
        Path tokensFile,
        String serviceIdentity,
        long maxRequestBytes,
        int importBatchSize,
        CredentialSettings credentials,
        RequestLimits limits,
        String sharesJdbcUrl) {

    public static GatewayConfig load(Path file, Map<String, String> env) throws IOException {
        Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(reader);
        }
        Settings s = new Settings(p, env, file.toAbsolutePath().getParent());
        FabricSettings fabric = new FabricSettings(
                s.required("msp.id"),
                s.required("peer.endpoint"),
                s.path("peer.tlsRootCert"),
                s.optional("peer.tlsHostOverride", null),
                s.optional("channel", "creditbank"),
                s.optional("chaincode", "creditbank"),
                s.path("wallet"),
                Duration.ofMillis(s.number("timeout.evaluateMs", 5_000)),
                Duration.ofMillis(s.number("timeout.endorseMs", 15_000)),
                Duration.ofMillis(s.number("timeout.submitMs", 5_000)),
                Duration.ofMillis(s.number("timeout.commitStatusMs", 60_000)),
                (int) s.number("retry.maxAttempts", 5),
                Duration.ofMillis(s.number("retry.backoffBaseMs", 100)));
        String host = s.optional("listen.host", "127.0.0.1");
        int port = (int) s.number("listen.port", 8080);
        String publicBaseUrl = s.optional("public.baseUrl", "http://" + host + ":" + port);
        // Each gateway is its own DID: with the port, three gateways on one host are three issuers.
        String didHost = s.optional("credentials.didHost", URI.create(publicBaseUrl).getRawAuthority());
        CredentialSettings credentials = new CredentialSettings(
                publicBaseUrl,
                s.optionalPath("credentials.key"),
                s.optionalPath("credentials.certificates"),
                s.optionalPath("credentials.eddsaKey"),
                s.optional("credentials.issuerId", CredentialSettings.didWeb(didHost)),
                s.optional("credentials.issuerName", fabric.mspId()),
                s.optionalPath("credentials.trustBundle"),
                Duration.ofSeconds(s.number("credentials.statusListTtlSeconds", 300)));
        return new GatewayConfig(
                host,
                port,
                fabric,
                s.path("tokens.file"),
                s.required("service.identity"),
                s.number("limits.maxRequestBytes", 5L * 1024 * 1024),
                (int) s.number("import.batchSize", 100),
                credentials,
                new RequestLimits(
                        (int) s.number("limits.public.perSecond", RequestLimits.DEFAULTS.publicPerSecond()),
                        (int) s.number("limits.public.burst", RequestLimits.DEFAULTS.publicBurst()),
                        (int) s.number("limits.token.perSecond", RequestLimits.DEFAULTS.tokenPerSecond()),
                        (int) s.number("limits.token.burst", RequestLimits.DEFAULTS.tokenBurst()),
                        s.number("limits.public.maxBodyBytes", RequestLimits.DEFAULTS.publicMaxBodyBytes()),
                        (int) s.number("limits.public.maxJsonDepth", RequestLimits.DEFAULTS.publicMaxJsonDepth()),
                        s.bool("limits.trustForwardedFor", false)),
                // The gateway's own data (shares), off the ledger: an embedded H2 file unless a JDBC URL is given.
                s.optional("shares.jdbcUrl", "jdbc:h2:file:" + s.base().resolve(s.optional("data.dir", "data"))
                        .resolve("shares").toAbsolutePath()));
    }

    private record Settings(Properties file, Map<String, String> env, Path base) {

        String optional(String key, String fallback) {
            String fromEnv = env.get("CREDITBANK_" + key.replace('.', '_').toUpperCase(Locale.ROOT));
            String value = fromEnv != null ? fromEnv : file.getProperty(key);
            return value == null || value.isBlank() ? fallback : value.strip();
        }

        String required(String key) {
            String value = optional(key, null);
            if (value == null) {
                throw new IllegalArgumentException("setting '" + key + "' is required");
            }
            return value;
        }

        Path path(String key) {
            return base.resolve(required(key));
        }

        Path optionalPath(String key) {
            String value = optional(key, null);
            return value == null ? null : base.resolve(value);
        }

        boolean bool(String key, boolean fallback) {
            String value = optional(key, Boolean.toString(fallback));
            if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                throw new IllegalArgumentException("setting '" + key + "' must be true or false, not '" + value + "'");
            }
            return Boolean.parseBoolean(value);
        }

        long number(String key, long fallback) {
            String value = optional(key, null);
            try {
                return value == null ? fallback : Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("setting '" + key + "' must be a whole number, not '" + value + "'", e);
            }
        }
    }
}
