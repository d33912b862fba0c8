package org.creditbank.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creditbank.network.LiveNetwork.Org.COLLEGE;
import static org.creditbank.network.LiveNetwork.Org.HARDWARE;
import static org.creditbank.network.LiveNetwork.Org.UNIVERSITY;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.Reader;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.time.Clock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.creditbank.gateway.GatewayMain;
import org.creditbank.gateway.auth.TokenRole;
import org.creditbank.chaincode.testing.Drafts;
import org.creditbank.credentials.IssuerIdentity;
import org.creditbank.credentials.TrustBundle;
import org.creditbank.gateway.auth.TokenRegistry;
import org.creditbank.gateway.credential.CredentialSetup;
import org.creditbank.gateway.http.GatewayServer;
import org.creditbank.gateway.ledger.FabricLedgerClient;
import org.creditbank.gateway.ledger.FabricSettings;
import org.creditbank.gateway.ledger.LedgerClient;
import org.creditbank.gateway.readmodel.ReadModel;
import org.creditbank.model.json.CanonicalJson;
import org.hyperledger.fabric.client.identity.Identities;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The CreditBank gateway over real HTTP on the real network: each institution's gateway instance
 * talks to its own peer with its own enrolled identities through {@link FabricLedgerClient}.
 */
class GatewayOnNetworkIT {

    private static final String RUN = Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<AutoCloseable> OPEN = new ArrayList<>();

    private static Instance college;
    private static Instance university;
    private static Instance hardware;

    /** One running gateway and a token for each of its users. */
    record Instance(Javalin app, TokenRegistry tokens) {
        Reply post(String path, String token, Object body) {
            return send(request(path, token).POST(HttpRequest.BodyPublishers.ofString(
                    body instanceof String s ? s : CanonicalJson.toJson(body))));
        }

        Reply get(String path, String token) {
            return send(request(path, token).GET());
        }

        String getText(String path, String token) {
            try {
                HttpResponse<String> r = HTTP.send(request(path, token).GET().build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                return r.body();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private HttpRequest.Builder request(String path, String token) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60));
            return token == null ? b : b.header("Authorization", "Bearer " + token);
        }
    }

    record Reply(int status, String retryAfter, JsonNode body) {
    }

    private static Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.headers().firstValue("Retry-After").orElse(null),
                    CanonicalJson.read(r.body(), JsonNode.class));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Instance start(LiveNetwork.Org org, String peerAddress, String... users) throws IOException {
        Path home = Files.createTempDirectory("gateway-" + org.dir);
        for (String user : users) {
            LiveNetwork.exportIdentity(org, user, home.resolve("wallet").resolve(user));
        }
        FabricSettings settings = new FabricSettings(org.mspId, peerAddress, LiveNetwork.tlsRoot(org), null,
                "creditbank", "creditbank", home.resolve("wallet"), Duration.ofSeconds(5), Duration.ofSeconds(15),
                Duration.ofSeconds(5), Duration.ofSeconds(60), 5, Duration.ofMillis(100));
        LedgerClient ledger = new FabricLedgerClient(settings);
        TokenRegistry tokens = TokenRegistry.open(home.resolve("tokens.json"));
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Javalin app = GatewayServer.create(GatewayMain.services(ledger, tokens, org.mspId, "gateway", 100,
                new PrometheusRegistry(), credentialSetup(org, port), ReadModel.NOT_CONFIGURED), 5 << 20).start("127.0.0.1", port);
        OPEN.add(app::stop);
        OPEN.add(ledger);
        return new Instance(app, tokens);
    }

    /**
     * The institution signs credentials with its gateway identity, whose certificate its own
     * Fabric CA issued; every gateway trusts the three organisations' CAs (the channel's MSPs).
     */
    private static CredentialSetup credentialSetup(LiveNetwork.Org org, int port) throws IOException {
        Path msp = LiveNetwork.DIR.resolve("organizations").resolve(org.dir).resolve("users/gateway/msp");
        try (Reader cert = Files.newBufferedReader(msp.resolve("signcerts/cert.pem"));
             var keys = Files.list(msp.resolve("keystore"));
             Reader key = Files.newBufferedReader(keys.findFirst().orElseThrow())) {
            IssuerIdentity issuer = new IssuerIdentity(org.mspId, org.dir, "did:web:" + org.dir + ".creditbank.example",
                    "http://127.0.0.1:" + port + "/api/v1/status-lists", (ECPrivateKey) Identities.readPrivateKey(key),
                    List.of(Identities.readX509Certificate(cert)));
            Map<String, List<X509Certificate>> cas = new LinkedHashMap<>();
            for (LiveNetwork.Org member : LiveNetwork.Org.values()) {
                try (Reader ca = Files.newBufferedReader(LiveNetwork.DIR.resolve("organizations").resolve(member.dir)
                        .resolve("msp/cacerts/ca.pem"))) {
                    cas.put(member.mspId, List.of(Identities.readX509Certificate(ca)));
                }
            }
            return new CredentialSetup(issuer, new TrustBundle(cas), "http://127.0.0.1:" + port, Duration.ofMinutes(5),
                    Clock.systemUTC());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeAll
    static void startGateways() throws IOException {
        // Profiles exist after the chaincode tests or a previous run; registering again changes nothing.
        try (LiveNetwork network = new LiveNetwork()) {
            for (LiveNetwork.Org org : List.of(COLLEGE, UNIVERSITY, HARDWARE)) {
                Calls.submit(network.as(org, "admin"), "institution:register", Calls.json(org.profile()));
            }
        }
        college = start(COLLEGE, COLLEGE.peerAddress(), "registrar1", "gateway");
        university = start(UNIVERSITY, UNIVERSITY.peerAddress(), "registrar1", "gateway");
        hardware = start(HARDWARE, HARDWARE.peerAddress(), "verifier1", "gateway");
    }

    @AfterAll
    static void stopGateways() throws Exception {
        for (AutoCloseable c : OPEN) {
            c.close();
        }
    }

    @Test
    void registrarToPartnerToSecondSchoolOverHttpOnTheRealNetwork() {
        String registrar = college.tokens().create(TokenRole.REGISTRAR, "registrar1", null, "it");
        String uniRegistrar = university.tokens().create(TokenRole.REGISTRAR, "registrar1", null, "it");
        String verifier = hardware.tokens().create(TokenRole.VERIFIER, "verifier1", null, "it");

        Reply account = college.post("/api/v1/learners", registrar, "");
        assertThat(account.status()).isEqualTo(201);
        String learner = account.body().at("/record/accountNo").asText();

        Reply issued = college.post("/api/v1/outcomes", registrar, Drafts.course("GW-" + RUN, learner));
        assertThat(issued.status()).as(issued.body().toString()).isEqualTo(201);
        assertThat(issued.body().get("blockNumber").asLong()).isPositive();
        Reply again = college.post("/api/v1/outcomes", registrar, Drafts.course("GW-" + RUN, learner));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("record")).isEqualTo(issued.body().get("record"));
        Map<String, Object> changed = Drafts.course("GW-" + RUN, learner);
        changed.put("credits", 4);
        assertThat(college.post("/api/v1/outcomes", registrar, changed).body().get("code").asText()).isEqualTo("CONFLICT");

        JsonNode outcome = issued.body().get("record");
        String id = outcome.get("id").asText();
        assertThat(hardware.get("/api/v1/outcomes/" + id, verifier).body()).isEqualTo(outcome);
        Reply verdict = hardware.post("/api/v1/verify", null, Map.of("recordId", id, "contentHash", outcome.get("contentHash").asText()));
        assertThat(verdict.body().get("verdict").asText()).isEqualTo("VALID");

        Map<String, Object> request = new LinkedHashMap<>();
        request.put("localId", "GW-" + RUN);
        request.put("learner", learner);
        request.put("sourceOutcomeIds", List.of(id));
        request.put("method", "MANUAL");
        request.put("target", Map.of("courseCode", "ME210", "title", "数控加工技术"));
        request.put("credits", 2);
        request.put("justification", "课程内容与学时一致");
        Reply recognised = university.post("/api/v1/recognitions", uniRegistrar, request);
        assertThat(recognised.status()).as(recognised.body().toString()).isEqualTo(201);

        JsonNode transcript = hardware.get("/api/v1/learners/" + learner + "/transcript", verifier).body();
        assertThat(transcript.at("/totals/recognisedCredits").asInt()).isEqualTo(2);

        // The university's registrar cannot revoke the college's record: refused by the chaincode.
        Reply foreign = university.post("/api/v1/outcomes/" + id + "/revoke", uniRegistrar, Map.of("reason", "x"));
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.body().get("code").asText()).isEqualTo("ORG_NOT_ALLOWED");
        Reply revoked = college.post("/api/v1/outcomes/" + id + "/revoke", registrar, Map.of("reason", "录入错误"));
        assertThat(revoked.status()).isEqualTo(201);
        Reply twice = college.post("/api/v1/outcomes/" + id + "/revoke", registrar, Map.of("reason", "again"));
        assertThat(twice.status()).isEqualTo(422);
        assertThat(hardware.post("/api/v1/verify", null, Map.of("recordId", id, "contentHash",
                outcome.get("contentHash").asText())).body().get("verdict").asText()).isEqualTo("REVOKED");
    }

    @Test
    void aCredentialSignedByTheCollegeVerifiesAtTheEnterpriseAndFollowsTheLedger() {
        String registrar = college.tokens().create(TokenRole.REGISTRAR, "registrar1", null, "it");
        String learner = college.post("/api/v1/learners", registrar, "").body().at("/record/accountNo").asText();
        String id = college.post("/api/v1/outcomes", registrar, Drafts.course("VC-" + RUN, learner)).body().at("/record/id").asText();
        String student = college.tokens().create(TokenRole.LEARNER, "gateway", learner, "it");

        String credential = college.getText("/api/v1/outcomes/" + id + "/credential", student);
        Reply valid = hardware.post("/api/v1/credentials/verify", null, credential);
        assertThat(valid.body().get("verdict").asText()).as(valid.body().toString()).isEqualTo("VALID");

        college.post("/api/v1/outcomes/" + id + "/revoke", registrar, Map.of("reason", "证书作废"));
        Reply revoked = hardware.post("/api/v1/credentials/verify", null, credential);
        assertThat(revoked.body().get("verdict").asText()).isEqualTo("INVALID");
        assertThat(revoked.body().toString()).contains("LEDGER_RECORD", "REVOKED");
    }

    @Test
    void aGatewayWhosePeerIsDownAnswers503WithRetryAfter() throws IOException {
        Instance orphan = start(COLLEGE, "127.0.0.1:1", "registrar1", "gateway"); // nothing listens on port 1
        String registrar = orphan.tokens().create(TokenRole.REGISTRAR, "registrar1", null, "it");
        Reply r = orphan.post("/api/v1/learners", registrar, "");
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.body().get("code").asText()).isEqualTo("LEDGER_UNAVAILABLE");
        assertThat(r.retryAfter()).isNotNull();
        assertThat(orphan.get("/readyz", null).status()).isEqualTo(503);
        assertThat(college.get("/readyz", null).status()).isEqualTo(200);
    }
}
