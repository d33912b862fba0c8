package org.creditbank.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.rdf.canon.RdfCanon;
import com.apicatalog.rdf.nquads.NQuadsWriter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.json.JsonArray;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * The canonical N-Quads the verifier signs and checks must be exactly what titanium's public API
 * gives (JSON text parsed by Parsson, {@code JsonLd.expand}, {@code JsonLd.toRdf}, RDFC-1.0), as the
 * code did before contexts were processed once per JVM, credentials converted without a JSON round
 * trip, the expanded form no longer expanded twice, and {@link KnownTermsToRdf} and
 * {@link UniqueHashLabels} introduced; each of those is also compared on its own, wherever it
 * applies. Compared over hundreds of credentials,
 * status lists, transcripts and proof options, and over random edits of them (values, numbers,
 * undefined terms, terms of one node's scope copied into another, nested and reordered contexts,
 * blank nodes, relative IRIs, keywords, missing members), which must give the same N-Quads or fail the same way. Run on several threads at once,
 * since the processed context is shared.
 */
class CanonicalizationEquivalenceTest {

    private static final Instant ISSUED = Instant.parse("2026-07-11T00:00:00Z");
    private static final String[] ODD_STRINGS = {"", "x", "café \"quoted\" \\ back\nslash\ttab", "数控车床编程 🎓",
        "_:b0", "relative/path", "urn:creditbank:account:X", "https://example.org/a b", "https://example.org/ok#frag",
        "Course", "xsd:string", "@id", "2026-01-01T00:00:00Z", "1.5", "true", "\u0000\u001f", "javascript:x"};
    private static final Object[] ODD_NUMBERS = {0, -1, 3, Integer.MAX_VALUE, Long.MAX_VALUE,
        new BigInteger("123456789012345678901234567890"), new BigDecimal("2.50"), new BigDecimal("2.0"),
        new BigDecimal("1e2"), new BigDecimal("-0.0"), new BigDecimal("1.0E-7"), new BigDecimal("1E+400")};

    private final TestInstitution college =
            TestInstitution.create("Org1MSP", "Example Vocational College", "college.example");
    private final CredentialIssuer issuer = new CredentialIssuer(college.identity, Clock.fixed(ISSUED, ZoneOffset.UTC));

    @Test
    void canonicalFormIsTitaniumsForCredentialsAndRandomEditsOfThem() {
        List<ObjectNode> documents = new ArrayList<>();
        for (String signed : signedDocuments()) {
            ObjectNode vc = CredentialJson.parseObject(signed, "test");
            ObjectNode document = DataIntegrityProof.unsecured(vc);
            documents.add(document);
            // Every proof of the set has its own proof configuration (ECDSA and EdDSA).
            for (JsonNode signedProof : DataIntegrityProof.proofs(vc)) {
                ObjectNode proof = (ObjectNode) signedProof.deepCopy();
                proof.remove("proofValue");
                ObjectNode options = document.objectNode();
                options.set("@context", document.get("@context"));
                options.setAll(proof);
                documents.add(options);
            }
        }
        Random random = new Random(20261129);
        List<ObjectNode> variants = new ArrayList<>(documents);
        for (ObjectNode document : documents) {
            for (int i = 0; i < 8; i++) {
                variants.add(edited(document, random));
            }
        }
        Map<String, Integer> outcomes = new ConcurrentHashMap<>();
        variants.parallelStream().forEach(document -> {
            String expected = reference(document);
            assertThat(current(document)).as("canonical form of %s", document).isEqualTo(expected);
            String known = RdfCanonicalizer.knownTermsNQuads(document);
            if (known != null) {
                assertThat("nquads:" + known).as("known-terms canonical form of %s", document).isEqualTo(expected);
                outcomes.merge("known terms", 1, Integer::sum);
                String unique = UniqueHashLabels.canonicalNQuads(RdfCanonicalizer.knownTermsQuads(document));
                if (unique != null) {
                    assertThat("nquads:" + unique).as("unique-hash labels of %s", document).isEqualTo(expected);
                    outcomes.merge("unique hashes", 1, Integer::sum);
                }
            }
            outcomes.merge(expected.startsWith("nquads:") ? "nquads" : expected, 1, Integer::sum);
        });
        // The edits must reach both outcomes, or the comparison proves little.
        assertThat(outcomes.get("nquads")).isGreaterThan(variants.size() / 2);
        // Every credential, list, transcript and proof options as issued takes the known-terms way, and so do many edits.
        assertThat(documents).allMatch(d -> RdfCanonicalizer.knownTermsNQuads(d) != null);
        assertThat(outcomes.get("known terms")).as(outcomes.toString()).isGreaterThan(documents.size() * 3);
        assertThat(documents).allMatch(d -> UniqueHashLabels.canonicalNQuads(RdfCanonicalizer.knownTermsQuads(d)) != null);
        assertThat(outcomes.keySet()).anyMatch(o -> o.startsWith("error:CANONICALIZATION"));
        assertThat(outcomes.keySet()).anyMatch(o -> o.startsWith("error:UNKNOWN_CONTEXT"));
    }

    /** Achievement credentials of every kind and scale, with and without optional members; lists; transcripts. */
    private List<String> signedDocuments() {
        List<String> signed = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            signed.add(issuer.issueAchievement(college.variedOutcome(i), i % 3 == 0 ? "学习者 " + i : null, i));
        }
        BitSet revoked = new BitSet();
        revoked.set(7);
        signed.add(issuer.issueStatusList(StatusPurpose.REVOCATION, "tx-1", revoked, Duration.ofDays(1)));
        signed.add(issuer.issueStatusList(StatusPurpose.SUSPENSION, "tx-2", new BitSet(), Duration.ofHours(1)));
        String learner = TestInstitution.learner();
        signed.add(issuer.issueTranscript(learner, List.of(college.outcome(learner)), List.of(),
                new SecureRandom()).credential());
        return signed;
    }

    /** A copy of {@code document} with one random edit somewhere in it. */
    private static ObjectNode edited(ObjectNode document, Random random) {
        ObjectNode copy = document.deepCopy();
        List<ObjectNode> objects = new ArrayList<>();
        collectObjects(copy, objects);
        ObjectNode target = objects.get(random.nextInt(objects.size()));
        List<String> keys = new ArrayList<>();
        target.fieldNames().forEachRemaining(keys::add);
        String key = keys.isEmpty() ? "name" : keys.get(random.nextInt(keys.size()));
        JsonNodeFactory json = JsonNodeFactory.instance;
        switch (random.nextInt(15)) {
            case 14 -> target.set(key, objects.get(random.nextInt(objects.size())).deepCopy());
            case 12, 13 -> {
                // A member of one node copied into another: terms scoped to one type must not leak into others.
                ObjectNode source = objects.get(random.nextInt(objects.size()));
                List<String> sourceKeys = new ArrayList<>();
                source.fieldNames().forEachRemaining(sourceKeys::add);
                if (!sourceKeys.isEmpty()) {
                    String moved = sourceKeys.get(random.nextInt(sourceKeys.size()));
                    target.set(moved, source.get(moved).deepCopy());
                }
            }
            case 0, 1 -> target.put(key, ODD_STRINGS[random.nextInt(ODD_STRINGS.length)]);
            case 2 -> target.set(random.nextBoolean() ? "name" : key,
                    number(ODD_NUMBERS[random.nextInt(ODD_NUMBERS.length)]));
            case 3 -> target.put("undefinedTerm" + random.nextInt(3), "x");
            case 4 -> target.remove(key);
            case 5 -> target.set(key, random.nextBoolean() ? json.nullNode() : json.booleanNode(random.nextBoolean()));
            case 6 -> target.set("@context", random.nextBoolean()
                    ? json.objectNode().put("@vocab", "https://example.org/vocab#")
                    : json.textNode(BundledContexts.CREDITBANK_V1));
            case 7 -> {
                ArrayNode contexts = (ArrayNode) copy.get("@context");
                if (random.nextBoolean()) {
                    contexts.insert(0, contexts.remove(contexts.size() - 1));
                } else {
                    contexts.add(random.nextBoolean() ? "https://example.org/unknown/v1" : BundledContexts.OB_V3);
                }
            }
            case 8 -> target.put("id", random.nextBoolean() ? "_:b" + random.nextInt(3) : "relative-" + random.nextInt(3));
            case 9 -> target.set("type", random.nextBoolean() ? json.textNode("Evidence")
                    : json.arrayNode().add("UnknownType"));
            case 10 -> target.set(key, json.arrayNode().add(target.path(key)).add(target.path(key)));
            default -> target.set(random.nextBoolean() ? "@included" : "@graph",
                    json.objectNode().put("id", "urn:example:" + random.nextInt(9)).put("name", "n"));
        }
        return copy;
    }

    private static JsonNode number(Object value) {
        JsonNodeFactory json = JsonNodeFactory.withExactBigDecimals(true);
        if (value instanceof Integer i) {
            return json.numberNode(i);
        }
        if (value instanceof Long l) {
            return json.numberNode(l);
        }
        if (value instanceof BigInteger b) {
            return json.numberNode(b);
        }
        return json.numberNode((BigDecimal) value);
    }

    private static void collectObjects(JsonNode node, List<ObjectNode> into) {
        if (node instanceof ObjectNode object) {
            into.add(object);
        }
        for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
            collectObjects(it.next(), into);
        }
    }

    private static String current(JsonNode document) {
        try {
            return "nquads:" + RdfCanonicalizer.canonicalNQuads(document);
        } catch (CredentialException e) {
            return "error:" + e.code();
        } catch (RuntimeException e) {
            return "crash:" + e.getClass().getName();
        }
    }

    /** Titanium's public API on the JSON text, as the verifier did before. */
    private static String reference(JsonNode document) {
        JsonLdOptions options = new JsonLdOptions(new BundledContexts());
        options.setUndefinedTermsPolicy(JsonLdOptions.ProcessingPolicy.Fail);
        try {
            JsonArray expanded = JsonLd.expand(JsonDocument.of(new StringReader(document.toString())))
                    .options(options).get();
            RdfCanonicalizer.requireAbsoluteIris(expanded);
            RdfCanon canon = RdfCanon.create("SHA-256");
            JsonLd.toRdf(JsonDocument.of(expanded)).options(options).provide(canon);
            StringWriter out = new StringWriter();
            canon.provide(new NQuadsWriter(out));
            return "nquads:" + out;
        } catch (JsonLdError e) {
            return "error:" + (e.getCode() == JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED
                    ? CredentialException.Code.UNKNOWN_CONTEXT : CredentialException.Code.CANONICALIZATION);
        } catch (CredentialException e) {
            return "error:" + e.code();
        } catch (Exception e) {
            return "crash:" + e.getClass().getName();
        }
    }
}
