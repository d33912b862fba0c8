package org.creditbank.gateway.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.creditbank.model.json.CanonicalJson;

/**
 * The gateway's OpenAPI document as a contract every HTTP answer is held to: the operation the
 * request reached must document the answer's status, its media type and, for JSON, a schema the
 * body satisfies (JSON Schema 2020-12 in the OpenAPI 3.1 dialect, formats asserted). A request no
 * operation matches (no route, wrong method) must get the documented problem+json shape. The tests
 * in process and on the network check every answer they receive, so the document cannot drift
 * from what the gateways really answer; schemathesis then fuzzes against the same document.
 *
 * <pre>{@code
 * ApiContract contract = ApiContract.bundled();
 * contract.assertConforms("POST", "/api/v1/outcomes", 201, "application/json", body);
 * }</pre>
 */
public final class ApiContract {

    /** Where the schema library finds the document; its {@code $ref}s resolve against it. */
    private static final String BASE = "urn:creditbank:openapi.json";
    /** The document's own fields, which the schema library meets at its root; any other unknown keyword is a typo. */
    private static final Set<String> DOCUMENT_FIELDS = Set.of("openapi", "info", "jsonSchemaDialect", "servers", "paths",
            "webhooks", "components", "security", "tags", "externalDocs");
    /** OpenAPI 3.1's dialect, refusing keywords it does not know (a misspelt "required" would check nothing). */
    private static final Dialect DIALECT = Dialect.builder(Dialects.getOpenApi31()).unknownKeywordFactory((keyword, context) -> {
        if (DOCUMENT_FIELDS.contains(keyword)) {
            return new NonValidationKeyword(keyword);
        }
        throw new IllegalArgumentException("openapi.json uses '" + keyword + "', which is no JSON Schema keyword");
    }).build();

    private final JsonNode document;
    private final SchemaRegistry registry;
    private final List<Operation> operations;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    /** A documented operation: its method, path template and where it sits in the document. */
    public record Operation(String method, String template, Pattern pattern, int variables) {
        /** {@code "POST /api/v1/outcomes"}. */
        public String name() {
            return method + " " + template;
        }
    }

    private ApiContract(String json) {
        this.document = CanonicalJson.read(json, JsonNode.class);
        this.registry = SchemaRegistry.withDialect(DIALECT, b -> b.schemas(Map.of(BASE, json)));
        List<Operation> found = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            String template = path.getKey();
            Pattern pattern = Pattern.compile(Pattern.quote(template).replaceAll("\\{[^/}]+}", "\\\\E[^/]+\\\\Q"));
            int variables = template.split("\\{", -1).length - 1;
            path.getValue().fieldNames().forEachRemaining(m -> found.add(
                    new Operation(m.toUpperCase(Locale.ROOT), template, pattern, variables)));
        }
        // A literal segment wins over a variable one (POST /outcomes/batch is not /outcomes/{id}/...).
        found.sort(Comparator.comparingInt(Operation::variables));
        this.operations = List.copyOf(found);
    }

    /** The contract of an OpenAPI document's text, e.g. what a running gateway serves at {@code /openapi.json}. */
    public static ApiContract of(String openApiJson) {
        return new ApiContract(openApiJson);
    }

    /** The document the gateway on this classpath serves. */
    public static ApiContract bundled() {
        try (InputStream in = ApiContract.class.getResourceAsStream("/openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("no /openapi.json on the classpath");
            }
            return of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonNode document() {
        return document;
    }

    public List<Operation> operations() {
        return operations;
    }

    /** The operation {@code method} and {@code path} (query ignored) reach, if one is documented. */
    public Optional<Operation> operation(String method, String path) {
        String bare = URI.create(path).getRawPath();
        return operations.stream().filter(o -> o.method().equals(method) && o.pattern().matcher(bare).matches()).findFirst();
    }

    /** Fails with every way the answer breaks the contract. */
    public void assertConforms(String method, String path, int status, String contentType, String body) {
        List<String> problems = violations(method, path, status, contentType, body);
        if (!problems.isEmpty()) {
            throw new AssertionError(method + " " + path + " answered " + status + " " + contentType
                    + " against openapi.json:\n  " + String.join("\n  ", problems) + "\nbody: " + abbreviate(body));
        }
    }

    /** Every way the answer breaks the contract; empty when it conforms. */
    public List<String> violations(String method, String path, int status, String contentType, String body) {
        Optional<Operation> operation = operation(method, path);
        if (operation.isEmpty()) {
            // No route, or a method the path does not have: the gateway's one error shape.
            return mediaViolations(status, contentType, body, "application/problem+json",
                    "#/components/schemas/Problem", "an undocumented route");
        }
        String pointer = "/paths/" + escape(operation.get().template()) + "/" + method.toLowerCase(Locale.ROOT)
                + "/responses/";
        JsonNode response = document.at(pointer + status);
        if (response.isMissingNode()) {
            return List.of(operation.get().name() + " documents no " + status + " answer");
        }
        if (response.has("$ref")) {
            pointer = response.get("$ref").asText().substring(1);
            response = document.at(pointer);
        } else {
            pointer += status;
        }
        JsonNode content = response.path("content");
        String mediaType = mediaType(contentType);
        if (content.isMissingNode() || content.isEmpty()) {
            return body == null || body.isEmpty() ? List.of()
                    : List.of(operation.get().name() + " documents no body for " + status);
        }
        if (!content.has(mediaType)) {
            List<String> documented = new ArrayList<>();
            content.fieldNames().forEachRemaining(documented::add);
            return List.of("content type " + contentType + " is not one of " + documented + " for " + status);
        }
        return mediaViolations(status, contentType, body, mediaType,
                "#" + pointer + "/content/" + escape(mediaType) + "/schema", operation.get().name());
    }

    private List<String> mediaViolations(int status, String contentType, String body, String expected, String schemaRef,
                                         String where) {
        String mediaType = mediaType(contentType);
        if (!mediaType.equals(expected)) {
            return List.of(where + ": content type " + contentType + ", expected " + expected + " for " + status);
        }
        if (!isJson(mediaType)) {
            return List.of();
        }
        JsonNode node;
        try {
            node = CanonicalJson.read(body, JsonNode.class);
        } catch (CanonicalJson.MalformedJsonException e) {
            return List.of(where + ": the " + mediaType + " body is not JSON: " + e.getMessage());
        }
        Schema schema = schemas.computeIfAbsent(schemaRef, ref -> registry.getSchema(SchemaLocation.of(BASE + ref)));
        List<Error> errors = schema.validate(node, ctx -> ctx.executionConfig(c -> c.formatAssertionsEnabled(true)));
        return errors.stream().map(e -> where + " " + status + ": " + e.getInstanceLocation() + " " + e.getMessage()).toList();
    }

    private static boolean isJson(String mediaType) {
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }

    /** {@code "application/json; charset=utf-8" → "application/json"}. */
    private static String mediaType(String contentType) {
        return contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    }

    /** A JSON-pointer token (RFC 6901). */
    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 2000 ? body.substring(0, 2000) + "…" : body;
    }
}
