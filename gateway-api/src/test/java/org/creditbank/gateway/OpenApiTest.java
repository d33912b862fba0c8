package org.creditbank.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import org.creditbank.chaincode.testing.InMemoryLedger;
import org.creditbank.model.json.CanonicalJson;
import org.junit.jupiter.api.Test;

/** The OpenAPI document and the server agree: every route is documented, every documented route exists. */
class OpenApiTest {

    @Test
    void everyRouteIsDocumentedAndEveryDocumentedRouteExists() throws IOException {
        try (TestGateway gateway = new TestGateway(new InProcessLedger(new InMemoryLedger()), "CollegeMSP", "gateway", 1 << 20)) {
            Set<String> served = new TreeSet<>();
            gateway.app().unsafe.internalRouter.allHttpHandlers().forEach(parsed -> {
                var endpoint = parsed.endpoint;
                if (endpoint.method.isHttpMethod()) {
                    served.add(endpoint.method.name() + " " + endpoint.path);
                }
            });

            TestGateway.Reply reply = gateway.get("/openapi.json", null);
            assertThat(reply.status()).isEqualTo(200);
            JsonNode doc = reply.json();
            assertThat(doc.get("openapi").asText()).startsWith("3.1");
            Set<String> documented = new TreeSet<>();
            for (Iterator<String> paths = doc.get("paths").fieldNames(); paths.hasNext(); ) {
                String path = paths.next();
                doc.get("paths").get(path).fieldNames().forEachRemaining(m -> documented.add(m.toUpperCase() + " " + path));
            }

            assertThat(served).isNotEmpty().isEqualTo(documented);
        }
    }

    @Test
    void theDocumentIsValidJsonWithAProblemSchema() {
        JsonNode doc = CanonicalJson.read(new TestGatewayResource("/openapi.json").text(), JsonNode.class);
        assertThat(doc.at("/components/schemas/Problem/required").toString()).contains("code", "status", "detail");
    }

    /** Reads a classpath resource as text. */
    private record TestGatewayResource(String name) {
        String text() {
            try (var in = OpenApiTest.class.getResourceAsStream(name)) {
                return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
