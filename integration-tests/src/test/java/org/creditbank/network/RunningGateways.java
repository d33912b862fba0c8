package org.creditbank.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import org.creditbank.chaincode.testing.Drafts;
import org.creditbank.gateway.testing.ApiContract;
import org.creditbank.model.json.CanonicalJson;

/**
 * The gateways scripts/gateways started on the network, as their users reach them: over HTTP at
 * the port in each one's gateway.properties, with the registrar and verifier tokens the script
 * saved beside it. Every request is matched to a route of the gateway's own {@code /openapi.json},
 * so a test can prove that every documented route was exercised on the real network, and every
 * answer is checked against that document ({@link ApiContract}): status, media type and schema.
 */
final class RunningGateways {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Routes called so far, as "METHOD /template". */
    private static final Set<String> CALLED = new ConcurrentSkipListSet<>();
    /** The document the gateways serve; every answer is held to it. */
    private static volatile ApiContract contract;

    private RunningGateways() {
    }

    /** One institution's running gateway. */
    record Gateway(String org, String baseUrl, String registrarToken, String verifierToken) {

        String url(String path) {
            return baseUrl + path;
        }

        /** A new learner account, opened by this institution's registrar. */
        String openAccount() {
            Reply r = post("/api/v1/learners", registrarToken, "");
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            return r.json().at("/record/accountNo").asText();
        }

        /** The id of a new course outcome ({@code Drafts.course}) this institution's registrar issued. */
        String issueCourse(String localId, String learner) {
            Reply r = post("/api/v1/outcomes", registrarToken, Drafts.course(localId, learner));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            return r.json().at("/record/id").asText();
        }

        Reply get(String path, String token) {
            return send("GET", path, token, null, null);
        }

        Reply post(String path, String token, Object body) {
            return send("POST", path, token, "application/json", body instanceof String s ? s : CanonicalJson.toJson(body));
        }

        Reply postForm(String path, String form) {
            return send("POST", path, null, "application/x-www-form-urlencoded", form);
        }

        Reply postCsv(String path, String token, String csv) {
            return send("POST", path, token, "text/csv; charset=utf-8", csv);
        }

        /** A POST with extra request headers (e.g. Idempotency-Key). */
        Reply post(String path, String token, String body, Map<String, String> headers) {
            return send("POST", path, token, "application/json", body, headers);
        }

        private Reply send(String method, String path, String token, String contentType, String body) {
            return send(method, path, token, contentType, body, Map.of());
        }

        /**
         * The first event of the server-sent event stream at {@code path} (its lines up to the blank
         * line that ends it), read within 30 s; the stream is then closed.
         */
        String firstEvent(String path, String token) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build();
            try {
                HttpResponse<InputStream> r = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
                contract.operation("GET", URI.create(baseUrl + path).getRawPath()).ifPresent(o -> CALLED.add(o.name()));
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
                StringBuilder event = new StringBuilder();
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        if (line.isEmpty() && event.indexOf("event:") >= 0) {
                            return event.toString();
                        }
                        event.append(line).append('\n');
                    }
                }
                return event.toString();
            } catch (IOException e) {
                throw new UncheckedIOException("GET " + baseUrl + path, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private Reply send(String method, String path, String token, String contentType, String body,
                           Map<String, String> headers) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(120))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            if (contentType != null) {
                b.header("Content-Type", contentType);
            }
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            headers.forEach(b::header);
            try {
                HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                String rawPath = URI.create(baseUrl + path).getRawPath();
                contract.operation(method, rawPath).ifPresent(o -> CALLED.add(o.name()));
                Reply reply = new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
                assertThat(r.statusCode()).as("%s %s answered %s: %s", method, path, r.statusCode(), r.body()).isLessThan(500);
                contract.assertConforms(method, rawPath, reply.status(), reply.contentType(), reply.body());
                return reply;
            } catch (IOException e) {
                throw new UncheckedIOException(method + " " + baseUrl + path, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** An HTTP answer; {@link #json()} parses the body. */
    record Reply(int status, String contentType, String body) {
        JsonNode json() {
            return CanonicalJson.read(body, JsonNode.class);
        }

        String code() {
            return json().path("code").asText();
        }

        /** Asserts this is a problem+json answer with {@code status} and {@code code}. */
        void assertProblem(int status, String code) {
            assertThat(this.status()).as(body).isEqualTo(status);
            assertThat(code()).isEqualTo(code);
        }
    }

    /** The token file the running gateway of {@code org} reads (and TokenCommand writes). */
    static Path tokensFile(String org) {
        return LiveNetwork.DIR.resolve("gateways").resolve(org).resolve("tokens.json");
    }

    /** The gateway of {@code org} (college, university, hardware, edu) as scripts/gateways configured it. */
    static Gateway of(String org) {
        Path home = LiveNetwork.DIR.resolve("gateways").resolve(org);
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(home.resolve("gateway.properties"))) {
            p.load(in);
            Gateway g = new Gateway(org, "http://" + p.getProperty("listen.host") + ":" + p.getProperty("listen.port"),
                    Files.readString(home.resolve("registrar.token")).strip(),
                    Files.readString(home.resolve("verifier.token")).strip());
            loadContract(g);
            return g;
        } catch (IOException e) {
            throw new IllegalStateException("no gateway for " + org + " in " + home + "; start them: scripts/gateways start", e);
        }
    }

    /** Documented routes no test on the network has called yet. */
    static Set<String> uncalledRoutes() {
        Set<String> all = new TreeSet<>();
        contract.operations().forEach(o -> all.add(o.name()));
        all.removeAll(CALLED);
        return all;
    }

    static int documentedRoutes() {
        return contract.operations().size();
    }

    private static synchronized void loadContract(Gateway g) throws IOException {
        if (contract != null) {
            return;
        }
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(g.url("/openapi.json"))).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            ApiContract served = ApiContract.of(r.body());
            served.assertConforms("GET", "/openapi.json", r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
                    r.body());
            contract = served;
            CALLED.add("GET /openapi.json");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
