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
        String readModelUrl,
        Webhook webhook,
        String sharesJdbcUrl) {

    /**
     * Where notifications are POSTed ({@code webhook.url}), the HMAC secret they are signed with (read
     * from {@code webhook.secretFile}, never from the properties themselves, so it stays out of the
     * repository and the logs) and the file that keeps the last block delivered.
     */
    public record Webhook(URI url, byte[] secret, Path cursorFile) {
        public Webhook {
            secret = secret.clone();
        }

        @Override
        public byte[] secret() {
            return secret.clone();
        }
    }

    /** The {@code readmodel.url} that turns the read model off. */
    public static final String READ_MODEL_OFF = "off";

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
        Path tokensFile = s.path("tokens.file");
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
                tokensFile,
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
                readModelUrl(s, tokensFile),
                webhook(s, tokensFile),
                // The gateway's own data (shares), off the ledger: an embedded H2 file unless a JDBC URL is given.
                s.optional("shares.jdbcUrl", "jdbc:h2:file:" + dataDir(s, tokensFile).resolve("shares").toAbsolutePath()));
    }

    /**
     * The folder of this gateway's own data (read model, shares, activation codes, webhook cursor):
     * {@code data.dir}, relative to the properties file, else the tokens file's folder, which is
     * this gateway's own.
     */
    private static Path dataDir(Settings s, Path tokensFile) {
        Path data = s.optionalPath("data.dir");
        return data != null ? data : tokensFile.toAbsolutePath().getParent();
    }

    /** The webhook, when {@code webhook.url} is set; its secret file must then hold at least 32 bytes. */
    private static Webhook webhook(Settings s, Path tokensFile) throws IOException {
        String url = s.optional("webhook.url", null);
        if (url == null) {
            return null;
        }
        URI uri = URI.create(url);
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
            throw new IllegalArgumentException("webhook.url must be an http(s) URL");
        }
        byte[] secret = Files.readString(s.path("webhook.secretFile"), StandardCharsets.UTF_8).strip()
                .getBytes(StandardCharsets.UTF_8);
        if (secret.length < 32) {
            throw new IllegalArgumentException("the webhook secret must be at least 32 characters");
        }
        return new Webhook(uri, secret, dataDir(s, tokensFile).resolve("webhook.cursor"));
    }

    /**
     * The read model's JDBC URL: {@code readmodel.url} when set ({@code jdbc:postgresql://…}, or
     * {@code off}: null), else an H2 file {@code readmodel} in the data folder ({@code data.dir},
     * by default the tokens file's folder, which is this gateway's own).
     */
    private static String readModelUrl(Settings s, Path tokensFile) {
        String url = s.optional("readmodel.url", null);
        if (url != null) {
            return url.equalsIgnoreCase(READ_MODEL_OFF) ? null : url;
        }
        return "jdbc:h2:file:" + dataDir(s, tokensFile).resolve("readmodel").toAbsolutePath();
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
