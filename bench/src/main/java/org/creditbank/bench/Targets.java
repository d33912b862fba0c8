package org.creditbank.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.creditbank.gateway.ledger.FabricSigners;
import org.creditbank.model.json.CanonicalJson;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.Hash;
import org.hyperledger.fabric.client.identity.Identities;
import org.hyperledger.fabric.client.identity.X509Identity;

/** The two ways the benchmark reaches the ledger: the CreditBank gateway API, and the raw Fabric Gateway SDK. */
final class Targets {

    private Targets() {
    }

    /** The gateway's HTTP API as one registrar. */
    static final class Api {
        // The client's default executor grows with the load; a small fixed pool queued responses at c=64.
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        private final String base;
        private final String token;

        Api(String base, String token) {
            this.base = base;
            this.token = token;
        }

        String url(String path) {
            return base + path;
        }

        String token() {
            return token;
        }

        JsonNode post(String path, String body, boolean authenticated) throws IOException, InterruptedException {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
            if (authenticated) {
                b.header("Authorization", "Bearer " + token);
            }
            return check(http.send(b.build(), HttpResponse.BodyHandlers.ofString()));
        }

        JsonNode get(String path) throws IOException, InterruptedException {
            HttpRequest r = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                    .header("Authorization", "Bearer " + token).GET().build();
            return check(http.send(r, HttpResponse.BodyHandlers.ofString()));
        }

        /** A GET with another bearer token than the registrar's (a learner's). */
        JsonNode getBearer(String path, String bearer) throws IOException, InterruptedException {
            return check(http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                    .header("Authorization", "Bearer " + bearer).GET().build(), HttpResponse.BodyHandlers.ofString()));
        }

        /** A page, script or style, as the browser fetches it; its length. */
        int getPublicText(String path) throws IOException, InterruptedException {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IOException(path + " answered " + r.statusCode());
            }
            return r.body().length();
        }

        /** A GET without the registrar's token (a wallet's request). */
        JsonNode getPublic(String path) throws IOException, InterruptedException {
            return check(http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120)).GET()
                    .build(), HttpResponse.BodyHandlers.ofString()));
        }

        JsonNode postForm(String path, String form) throws IOException, InterruptedException {
            return check(http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString()));
        }

        /** A JSON POST with another bearer token than the registrar's (an OpenID4VCI access token). */
        JsonNode postBearer(String path, String body, String bearer) throws IOException, InterruptedException {
            return check(http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + bearer)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()));
        }

        private static JsonNode check(HttpResponse<String> r) throws IOException {
            if (r.statusCode() >= 300) {
                throw new IOException("HTTP " + r.statusCode() + " " + r.body());
            }
            return CanonicalJson.read(r.body(), JsonNode.class);
        }
    }

    /** The Fabric Gateway SDK straight to the college's peer, as its registrar. */
    static final class Sdk implements AutoCloseable {
        private final ManagedChannel channel;
        private final Gateway gateway;
        final Contract contract;

        Sdk(Path network) throws Exception {
            Path org = network.resolve("organizations/college");
            Path msp = org.resolve("users/registrar1/msp");
            channel = NettyChannelBuilder.forTarget("127.0.0.1:7051")
                    .sslContext(GrpcSslContexts.forClient().trustManager(org.resolve("peers/peer0/tls/ca.crt").toFile()).build())
                    .build();
            try (Reader cert = Files.newBufferedReader(msp.resolve("signcerts/cert.pem"));
                 Stream<Path> keys = Files.list(msp.resolve("keystore"));
                 Reader key = Files.newBufferedReader(keys.findFirst().orElseThrow())) {
                gateway = Gateway.newInstance()
                        .identity(new X509Identity("CollegeMSP", Identities.readX509Certificate(cert)))
                        .signer(FabricSigners.of(Identities.readPrivateKey(key)))
                        .hash(Hash.SHA256).connection(channel).connect();
            }
            contract = gateway.getNetwork("creditbank").getContract("creditbank");
        }

        JsonNode submit(String function, String... args) throws Exception {
            return CanonicalJson.read(new String(contract.submitTransaction(function, args), StandardCharsets.UTF_8), JsonNode.class);
        }

        @Override
        public void close() {
            gateway.close();
            channel.shutdownNow();
        }
    }
}
