package org.creditbank.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.creditbank.credentials.IssuerIdentity;
import org.creditbank.credentials.TrustBundle;
import org.creditbank.gateway.auth.TokenRole;
import org.creditbank.gateway.auth.TokenRegistry;
import org.creditbank.gateway.config.RequestLimits;
import org.creditbank.gateway.credential.CredentialSetup;
import org.creditbank.gateway.http.GatewayServer;
import org.creditbank.gateway.readmodel.Analytics;
import org.creditbank.gateway.readmodel.ReadModelService;
import org.creditbank.gateway.share.JdbcShareStore;
import org.creditbank.gateway.share.ShareStore;
import org.creditbank.gateway.testing.ApiContract;
import org.creditbank.model.json.CanonicalJson;

/**
 * One institution's gateway on a random local port, with its own token file and wallet, for HTTP
 * tests. Requests go over real HTTP with the JDK client, and every answer is checked against the
 * gateway's openapi.json ({@link ApiContract}), so no test passes on an answer the document does
 * not describe.
 */
final class TestGateway implements AutoCloseable {

    /** A response as a test sees it. */
    record Reply(int status, String contentType, String retryAfter, String text) {
        JsonNode json() {
            return CanonicalJson.read(text, JsonNode.class);
        }
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ApiContract CONTRACT = ApiContract.bundled();

    final InProcessLedger ledger;
    final TokenRegistry tokens;
    /** The gateway's token file, which {@code TokenCommand} changes while the gateway runs. */
    final Path tokensFile;
    private final Javalin app;

    TestGateway(InProcessLedger ledger, String mspId, String serviceIdentity, long maxRequestBytes) throws IOException {
        this(ledger, mspId, serviceIdentity, maxRequestBytes, freePort(), null, new TrustBundle(Map.of()), Clock.systemUTC(),
                RequestLimits.DEFAULTS, null, ReadModelService.off(mspId));
    }

    /** A gateway on the data directory of {@code tokensFile} (another gateway's, as after a restart), on its own clock. */
    TestGateway(InProcessLedger ledger, String mspId, String serviceIdentity, Path tokensFile, Clock clock) throws IOException {
        this(ledger, mspId, serviceIdentity, 1 << 20, freePort(), null, new TrustBundle(Map.of()), clock,
                RequestLimits.DEFAULTS, tokensFile, ReadModelService.off(mspId));
    }

    /** A gateway with a read model. */
    TestGateway(InProcessLedger ledger, String mspId, String serviceIdentity, ReadModelService readModel) throws IOException {
        this(ledger, mspId, serviceIdentity, 1 << 20, freePort(), null, new TrustBundle(Map.of()), Clock.systemUTC(),
                RequestLimits.DEFAULTS, null, readModel);
    }

    /** A gateway with its own request limits. */
    TestGateway(InProcessLedger ledger, String mspId, String serviceIdentity, RequestLimits limits) throws IOException {
        this(ledger, mspId, serviceIdentity, 1 << 20, freePort(), null, new TrustBundle(Map.of()), Clock.systemUTC(), limits,
                null, ReadModelService.off(mspId));
    }

    /** A gateway whose analytics read {@code analytics}, on its own clock. */
    TestGateway(InProcessLedger ledger, String mspId, String serviceIdentity, Analytics analytics, Clock clock)
            throws IOException {
        this(ledger, mspId, serviceIdentity, 1 << 20, freePort(), null, new TrustBundle(Map.of()), clock,
                RequestLimits.DEFAULTS, null, ReadModelService.analyticsOnly(analytics, mspId));
    }

    /** A gateway that issues credentials as {@code issuer} and trusts {@code trust}, on its own clock. */
    TestGateway(InProcessLedger ledger, String mspId, String serviceIdentity, int port, IssuerIdentity issuer,
                TrustBundle trust, Clock clock) throws IOException {
        this(ledger, mspId, serviceIdentity, 1 << 20, port, issuer, trust, clock, RequestLimits.DEFAULTS, null,
                ReadModelService.off(mspId));
    }

    private TestGateway(InProcessLedger ledger, String mspId, String serviceIdentity, long maxRequestBytes, int port,
                        IssuerIdentity issuer, TrustBundle trust, Clock clock, RequestLimits limits, Path tokensFile,
                        ReadModelService readModel) throws IOException {
        this.ledger = ledger;
        this.tokensFile = tokensFile != null ? tokensFile : Files.createTempDirectory("gateway-" + mspId).resolve("tokens.json");
        this.tokens = TokenRegistry.open(this.tokensFile);
        CredentialSetup credentials = new CredentialSetup(issuer, trust, baseUrl(port), Duration.ofMinutes(5), clock);
        this.app = GatewayServer.create(GatewayMain.services(ledger, tokens, mspId, serviceIdentity, 2,
                new PrometheusRegistry(), credentials, shareStore(), readModel), maxRequestBytes, limits).start("127.0.0.1", port);
    }

    static String baseUrl(int port) {
        return "http://127.0.0.1:" + port;
    }

    /** A share store of its own for one gateway: H2 in memory, through the same JDBC code as the file. */
    static ShareStore shareStore() {
        return JdbcShareStore.open("jdbc:h2:mem:shares-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    /** A port nobody listens on now: the issuer identity must know its URLs before the server starts. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    String token(TokenRole role, String identity, String learner) {
        return tokens.create(role, identity, learner, null);
    }

    Reply get(String path, String token) {
        return send(request(path, token).GET());
    }

    Reply post(String path, String token, String body) {
        return post(path, token, body, "application/json");
    }

    Reply post(String path, String token, String body, String contentType) {
        return send(request(path, token).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A POST of a file's bytes (a spreadsheet). */
    Reply post(String path, String token, byte[] body, String contentType) {
        return send(request(path, token).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** A JSON POST with extra request headers. */
    Reply post(String path, String token, String body, Map<String, String> headers) {
        HttpRequest.Builder b = request(path, token).header("Content-Type", "application/json");
        headers.forEach(b::header);
        return send(b.POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl(app.port()) + path));
        return token == null ? b : b.header("Authorization", "Bearer " + token);
    }

    private static Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Reply reply = new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
                    r.headers().firstValue("Retry-After").orElse(null), r.body());
            CONTRACT.assertConforms(r.request().method(), r.request().uri().getRawPath(), reply.status(),
                    reply.contentType(), reply.text());
            return reply;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The absolute URL of {@code path} on this gateway. */
    String url(String path) {
        return baseUrl(app.port()) + path;
    }

    int port() {
        return app.port();
    }

    Javalin app() {
        return app;
    }

    @Override
    public void close() {
        app.stop();
    }
}
