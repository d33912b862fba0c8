package org.creditbank.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.security.Roles;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.creditbank.chaincode.testing.InMemoryLedger;
import org.creditbank.gateway.http.Problems;
import org.creditbank.gateway.testing.ApiContract;
import org.creditbank.model.ErrorCode;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document and the server agree: every route is documented with the roles it really
 * checks, every documented route exists, every problem answer names exactly the codes of its
 * status, and every schema compiles. That answers conform to the schemas is checked on every
 * answer the HTTP tests receive ({@link TestGateway}, {@link ApiContract}).
 */
class OpenApiTest {

    private static final ApiContract CONTRACT = ApiContract.bundled();

    @Test
    void everyRouteIsDocumentedWithItsRolesAndEveryDocumentedRouteExists() throws IOException {
        try (TestGateway gateway = new TestGateway(new InProcessLedger(new InMemoryLedger()), "CollegeMSP", "gateway", 1 << 20)) {
            Map<String, Set<String>> served = new TreeMap<>();
            gateway.app().unsafe.internalRouter.allHttpHandlers().forEach(parsed -> {
                var endpoint = parsed.endpoint;
                if (endpoint.method.isHttpMethod()) {
                    Roles roles = endpoint.metadata(Roles.class);
                    served.put(endpoint.method.name() + " " + endpoint.path, roles == null ? Set.of()
                            : roles.getRoles().stream().map(Object::toString).collect(Collectors.toCollection(TreeSet::new)));
                }
            });

            TestGateway.Reply reply = gateway.get("/openapi.json", null);
            assertThat(reply.status()).isEqualTo(200);
            JsonNode doc = reply.json();
            assertThat(doc.get("openapi").asText()).startsWith("3.1");
            Map<String, Set<String>> documented = new TreeMap<>();
            for (ApiContract.Operation o : ApiContract.of(reply.text()).operations()) {
                JsonNode op = operation(doc, o);
                Set<String> roles = new TreeSet<>();
                op.path("x-roles").forEach(r -> roles.add(r.asText()));
                documented.put(o.name(), roles);
                boolean open = op.path("security").isArray() && op.path("security").isEmpty();
                assertThat(open).as("%s is public exactly when it needs no role", o.name()).isEqualTo(roles.isEmpty());
                if (!open) {
                    assertThat(op.path("responses").has("401") && op.path("responses").has("403"))
                            .as("%s documents 401 and 403", o.name()).isTrue();
                }
            }

            assertThat(served).isNotEmpty().isEqualTo(documented);
        }
    }

    @Test
    void eachProblemAnswerListsExactlyTheCodesOfItsStatus() {
        Map<Integer, Set<String>> documented = new TreeMap<>();
        for (Iterator<JsonNode> responses = CONTRACT.document().at("/components/responses").elements(); responses.hasNext(); ) {
            JsonNode schema = responses.next().at("/content/application~1problem+json/schema");
            if (schema.isMissingNode()) {
                continue;
            }
            assertThat(schema.at("/allOf/0/$ref").asText()).isEqualTo("#/components/schemas/Problem");
            Set<String> codes = new TreeSet<>();
            schema.at("/properties/code/enum").forEach(c -> codes.add(c.asText()));
            assertThat(documented.put(schema.at("/properties/status/const").asInt(), codes)).isNull();
        }
        Map<Integer, Set<String>> byStatus = new TreeMap<>();
        Arrays.stream(ErrorCode.values()).filter(c -> c != ErrorCode.INTERNAL)
                .forEach(c -> byStatus.computeIfAbsent(Problems.statusOf(c), s -> new TreeSet<>()).add(c.name()));
        assertThat(documented).as("INTERNAL (500) is never documented: no answer may be one").isEqualTo(byStatus);
    }

    @Test
    void everyDocumentedAnswerHasASchemaThatCompiles() {
        int checked = 0;
        for (ApiContract.Operation o : CONTRACT.operations()) {
            String path = o.template().replaceAll("\\{[^/]+}", "x");
            for (Iterator<Map.Entry<String, JsonNode>> rs = operation(CONTRACT.document(), o).path("responses").fields(); rs.hasNext(); ) {
                Map.Entry<String, JsonNode> r = rs.next();
                JsonNode response = r.getValue().has("$ref")
                        ? CONTRACT.document().at(r.getValue().get("$ref").asText().substring(1)) : r.getValue();
                assertThat(response.path("content").size()).as("%s %s has one media type", o.name(), r.getKey()).isEqualTo(1);
                String mediaType = response.path("content").fieldNames().next();
                // An empty object is rarely a valid answer; what matters is that validating it does not throw.
                CONTRACT.violations(o.method(), path, Integer.parseInt(r.getKey()), mediaType, "{}");
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(100);
    }

    private static JsonNode operation(JsonNode doc, ApiContract.Operation o) {
        return doc.get("paths").get(o.template()).get(o.method().toLowerCase(Locale.ROOT));
    }
}
