package org.creditbank.credentials.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import com.apicatalog.jsonld.JsonLdError;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.creditbank.credentials.CredentialException;
import org.creditbank.credentials.CredentialIssuer;
import org.creditbank.credentials.StatusPurpose;
import org.creditbank.credentials.TestInstitution;
import org.creditbank.model.RecordId;
import org.creditbank.model.json.CanonicalJson;
import org.creditbank.model.outcome.Outcome;
import org.creditbank.model.outcome.OutcomeKind;
import org.creditbank.model.outcome.OutcomeStatus;
import org.creditbank.model.recognition.CreditTarget;
import org.creditbank.model.recognition.Recognition;
import org.creditbank.model.recognition.RecognitionRequest;
import org.creditbank.model.recognition.RecognitionView;
import org.junit.jupiter.api.Test;

/**
 * The gate of the fast path: for every document shape CreditBank signs, and for random edits of
 * them, {@link Canonicalizer#withFastPath()} must give byte for byte the N-Quads of
 * {@link Canonicalizer#titanium()} (titanium's public API on the JSON text), or fail the same way.
 * The fast path is also checked on its own, without its hand-over to titanium: every document it
 * {@linkplain FastPathCanonicalizer#coverage covers} is compared, labelled by
 * {@link UniqueHashLabels} and by titanium-rdfc's RDFC-1.0 from the same triples.
 *
 * <p>The shapes: achievement credentials of every outcome kind and result scale, with and without
 * optional members, Chinese titles and names, whole and decimal credits; revocation and suspension
 * status lists; transcripts of one and of several outcomes with a recognition; each one's proof
 * options. The edits: values, numbers, Chinese and non-ASCII text and IRIs, undefined terms, terms
 * of one node's scope copied into another, nodes nested into others, nested, reordered and unknown
 * contexts, blank nodes, relative IRIs, keywords, missing members. Run on several threads at once,
 * since the processed contexts are shared.
 */
class CanonicalizationEquivalenceTest {

    private static final Instant ISSUED = Instant.parse("2026-07-11T00:00:00Z");
    /** How the verifier reads a credential ({@code CredentialJson}): decimals stay exact. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private static final String[] ODD_STRINGS = {"", "x", "café \"quoted\" \\ back\nslash\ttab", "数控车床编程 🎓",
        "学分 2.5", "https://例子.example/课程", "_:b0", "relative/path", "urn:creditbank:account:X",
        "https://example.org/a b", "https://example.org/ok#frag", "https://example.org/%E4%BE%8B", "Course",
        "xsd:string", "@id", "2026-01-01T00:00:00Z", "1.5", "true", "\u0000\u001f", "javascript:x"};
    private static final Object[] ODD_NUMBERS = {0, -1, 3, Integer.MAX_VALUE, Long.MAX_VALUE,
        new BigInteger("123456789012345678901234567890"), new BigDecimal("2.50"), new BigDecimal("2.0"),
        new BigDecimal("1e2"), new BigDecimal("-0.0"), new BigDecimal("1.0E-7"), new BigDecimal("1E+400")};

    private final TestInstitution college =
            TestInstitution.create("Org1MSP", "Example Vocational College", "college.example");
    private final CredentialIssuer issuer = new CredentialIssuer(college.identity, Clock.fixed(ISSUED, ZoneOffset.UTC));
    private final TestInstitution withPortCollege = TestInstitution.create("Org1MSP", "Example Vocational College",
            "127.0.0.1%3A8080", "http://127.0.0.1:8080/api/v1/status-lists");
    private final CredentialIssuer withPort = new CredentialIssuer(withPortCollege.identity,
            Clock.fixed(ISSUED, ZoneOffset.UTC));
    private final FastPathCanonicalizer fastPath = (FastPathCanonicalizer) Canonicalizer.withFastPath();

    @Test
    void theFastPathGivesTitaniumsNQuadsForEveryDocumentWeSignAndRandomEditsOfThem() {
        List<ObjectNode> documents = new ArrayList<>();
        for (String signed : signedDocuments()) {
            ObjectNode document = parse(signed);
            // A proof set: the options of each of its proofs (ecdsa-rdfc-2019, eddsa-rdfc-2022).
            JsonNode proofs = document.remove("proof");
            documents.add(document);
            for (JsonNode each : proofs.isArray() ? proofs : List.of(proofs)) {
                ObjectNode proof = ((ObjectNode) each).deepCopy();
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
            String expected = outcome(Canonicalizer.titanium(), document);
            assertThat(outcome(Canonicalizer.withFastPath(), document)).as("canonical form of %s", document)
                    .isEqualTo(expected);
            fastPathOnItsOwn(document, expected).forEach(way -> outcomes.merge(way, 1, Integer::sum));
            outcomes.merge(expected.startsWith("nquads:") ? "nquads" : expected, 1, Integer::sum);
        });
        // The edits must reach both outcomes, and the fast path many of them, or the comparison proves little.
        assertThat(outcomes.get("nquads")).as(outcomes.toString()).isGreaterThan(variants.size() / 2);
        assertThat(outcomes.get("covered")).as(outcomes.toString()).isGreaterThan(documents.size() * 3);
        assertThat(outcomes.get("not covered")).as(outcomes.toString()).isGreaterThan(documents.size());
        assertThat(outcomes.keySet()).anyMatch(o -> o.startsWith("error:CANONICALIZATION"));
        assertThat(outcomes.keySet()).anyMatch(o -> o.startsWith("error:UNKNOWN_CONTEXT"));
        // Every document as issued takes the fast path, labelled without titanium's RDFC-1.0.
        for (ObjectNode document : documents) {
            assertThat(fastPath.coverage(document)).as("%s", document).isInstanceOf(FastPathCanonicalizer.Covered.class);
            assertThat(UniqueHashLabels.canonicalNQuads(triples(document))).as("%s", document).isPresent();
        }
    }

    @Test
    void aDocumentWithAnotherContextGoesToTitaniumByDecision() {
        // Proof options with the VC 2.0 context alone, as another issuer's software may sign them.
        ObjectNode options = JsonNodeFactory.instance.objectNode();
        options.putArray("@context").add(BundledContexts.VC_V2);
        options.put("type", "DataIntegrityProof").put("cryptosuite", "ecdsa-rdfc-2019")
                .put("created", "2026-07-11T00:00:00Z").put("proofPurpose", "assertionMethod")
                .put("verificationMethod", "did:web:college.example#key-1");

        assertThat(fastPath.coverage(options)).isInstanceOf(FastPathCanonicalizer.NotCovered.class);
        assertThat(Canonicalizer.withFastPath().nquads(options)).isEqualTo(Canonicalizer.titanium().nquads(options))
                .contains("<https://w3id.org/security#cryptosuite> \"ecdsa-rdfc-2019\"");
    }

    /**
     * When the fast path covers {@code document}: its N-Quads, and both labellings of its triples,
     * must be {@code expected}. Returns which ways were compared.
     */
    private List<String> fastPathOnItsOwn(JsonNode document, String expected) {
        FastPathCanonicalizer.Coverage coverage;
        try {
            coverage = fastPath.coverage(document);
        } catch (CredentialException e) {
            assertThat("error:" + e.code()).as("fast-path failure on %s", document).isEqualTo(expected);
            return List.of("fast path fails as titanium does");
        }
        if (!(coverage instanceof FastPathCanonicalizer.Covered covered)) {
            return List.of("not covered");
        }
        assertThat("nquads:" + covered.nquads()).as("fast path on %s", document).isEqualTo(expected);
        Set<KnownTermsToRdf.Quad> triples = triples(document);
        assertThat("nquads:" + FastPathCanonicalizer.titaniumLabels(triples)).as("titanium labels of %s", document)
                .isEqualTo(expected);
        return UniqueHashLabels.canonicalNQuads(triples).map(unique -> {
            assertThat("nquads:" + unique).as("unique-hash labels of %s", document).isEqualTo(expected);
            return List.of("covered", "unique hashes");
        }).orElse(List.of("covered"));
    }

    private Set<KnownTermsToRdf.Quad> triples(JsonNode document) {
        try {
            return fastPath.knownTerms().quads(document);
        } catch (KnownTermsToRdf.Unsupported | JsonLdError e) {
            throw new AssertionError("covered, yet " + e.getMessage(), e);
        }
    }

    /** Achievement credentials of every kind and scale, with and without optional members; lists; transcripts. */
    private List<String> signedDocuments() {
        List<String> signed = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            signed.add(issuer.issueAchievement(college.variedOutcome(i), i % 3 == 0 ? "学习者 " + i : null, i));
        }
        assertThat(signed).hasSizeGreaterThan(OutcomeKind.values().length * 4);
        // Issued to a wallet's DID, and by a gateway whose did:web has a port (every local one's does).
        String wallet = "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK";
        for (int i = 0; i < 6; i++) {
            signed.add(issuer.issueAchievement(college.variedOutcome(i), null, i, wallet));
            signed.add(withPort.issueAchievement(withPortCollege.variedOutcome(i), null, i));
        }
        BitSet revoked = new BitSet();
        revoked.set(7);
        signed.add(issuer.issueStatusList(StatusPurpose.REVOCATION, "tx-1", revoked, Duration.ofDays(1)));
        signed.add(issuer.issueStatusList(StatusPurpose.SUSPENSION, "tx-2", new BitSet(), Duration.ofHours(1)));
        String learner = TestInstitution.learner();
        signed.add(issuer.issueTranscript(learner, List.of(college.outcome(learner)), List.of(),
                new SecureRandom()).credential());
        Outcome first = college.outcome(learner, "L-0");
        signed.add(issuer.issueTranscript(learner, List.of(first, college.outcome(learner, "L-1")),
                List.of(RecognitionView.of(recognition(learner, first), Map.of(first.id(), OutcomeStatus.ACTIVE))),
                new SecureRandom()).credential());
        return signed;
    }

    private static Recognition recognition(String learner, Outcome source) {
        RecognitionRequest request = new RecognitionRequest("R-1", learner, List.of(source.id()),
                RecognitionRequest.Method.MANUAL, null, null, new CreditTarget("MECH201", "机械制造基础", null),
                new BigDecimal("3"), "同一教学大纲");
        Recognition.Content content = new Recognition.Content(RecordId.recognition("Org2MSP", "R-1").toString(),
                "Org2MSP", request, request.target(), new BigDecimal("3"));
        return new Recognition(content.id(), "Org2MSP", request, request.target(), content.credits(), null,
                CanonicalJson.sha256Hex(content), "2026-09-01T00:00:00Z", "tx-r1", "registrar");
    }

    private static ObjectNode parse(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
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

    private static String outcome(Canonicalizer canonicalizer, JsonNode document) {
        try {
            return "nquads:" + canonicalizer.nquads(document);
        } catch (CredentialException e) {
            return "error:" + e.code();
        } catch (RuntimeException e) {
            return "crash:" + e.getClass().getName();
        }
    }
}
