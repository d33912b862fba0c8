package org.creditbank.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.Reader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.creditbank.credentials.CredentialIssuer;
import org.creditbank.credentials.CredentialVerifier;
import org.creditbank.credentials.Ed25519Keys;
import org.creditbank.credentials.Ed25519SigningKey;
import org.creditbank.credentials.IssuerIdentity;
import org.creditbank.credentials.TrustBundle;
import org.creditbank.credentials.VerificationReport;
import org.creditbank.model.institution.SigningKey;
import org.creditbank.model.json.CanonicalJson;
import org.creditbank.model.outcome.Outcome;
import org.hyperledger.fabric.client.identity.Identities;

/**
 * The CreditBank benchmark: issuance through the gateway API and through the raw Fabric Gateway
 * SDK in the same run, batch issuance, online and offline verification, and transcript latency as
 * learners and the ledger grow. Runs as its own process against the network and gateways that
 * scripts/up started; prints a table and writes JSON (see scripts/bench, docs/performance.md).
 */
public final class Bench {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String RUN = Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT);
    private static final AtomicLong SEQ = new AtomicLong();
    /** Distinct credentials the offline verification phase rotates over (one batch of outcomes). */
    private static final int OFFLINE_POOL = 500;

    private final Targets.Api api;
    private final Targets.Sdk sdk;
    private final Path network;
    private final Duration phase;
    private final List<LoadRun.Result> results = new ArrayList<>();
    private final Map<String, Object> extra = new LinkedHashMap<>();
    private final List<String> learners = new ArrayList<>();

    private Bench(Targets.Api api, Targets.Sdk sdk, Path network, Duration phase) {
        this.api = api;
        this.sdk = sdk;
        this.network = network;
        this.phase = phase;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        List<String> phases = List.of(o.getOrDefault("phases", "single,batch,online,offline,wallet,growth,indicators").split(","));
        Map<String, Object> indicators = phases.contains("indicators") ? IndicatorsBench.run(o) : null;
        if (phases.equals(List.of("indicators"))) {
            // Pure computation over generated records: no network, no gateway.
            Path out = Path.of(o.getOrDefault("out", "bench/results/indicators.json"));
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, CanonicalJson.toJson(Map.of("commit", o.getOrDefault("commit", "unknown"),
                    "cores", Runtime.getRuntime().availableProcessors(), "when", Instant.now().toString(),
                    "indicators", indicators)) + "\n");
            System.out.println("written to " + out);
            return;
        }
        Path network = Path.of(o.getOrDefault("network", ".creditbank/network"));
        String token = Files.readString(network.resolve("gateways/college/registrar.token")).strip();
        Duration phase = Duration.ofSeconds(Long.parseLong(o.getOrDefault("seconds", "10")));
        List<Integer> levels = Stream.of(o.getOrDefault("levels", "1,8,32").split(",")).map(Integer::valueOf).toList();
        int growTo = Integer.parseInt(o.getOrDefault("grow", "100000"));
        try (Targets.Sdk sdk = new Targets.Sdk(network)) {
            Bench bench = new Bench(new Targets.Api(o.getOrDefault("gateway", "http://127.0.0.1:8080"), token), sdk, network, phase);
            if (indicators != null) {
                bench.extra.put("indicators", indicators);
            }
            bench.openLearners(32);
            if (phases.contains("single")) {
                bench.singleIssuance(levels);
            }
            if (phases.contains("batch")) {
                bench.batchIssuance(Stream.of(o.getOrDefault("batch-sizes", "1,10,100,500").split(","))
                        .map(Integer::valueOf).toList(), Integer.parseInt(o.getOrDefault("batch-concurrency", "4")));
            }
            if (phases.contains("online")) {
                bench.onlineVerification(16);
            }
            if (phases.contains("offline")) {
                bench.offlineVerification();
            }
            if (phases.contains("wallet")) {
                bench.walletDelivery(List.of(1, 4));
            }
            if (phases.contains("account")) {
                bench.accountPage(1000);
            }
            if (phases.contains("growth")) {
                bench.growth(growTo);
            }
            bench.report(Path.of(o.getOrDefault("out", "bench/results/latest.json")), o);
        }
    }

    private void openLearners(int n) throws Exception {
        for (int i = 0; i < n; i++) {
            learners.add(api.post("/api/v1/learners", "", true).at("/record/accountNo").asText());
        }
    }

    private static Map<String, Object> draft(String learner) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("localId", "B-" + RUN + "-" + SEQ.incrementAndGet());
        d.put("learner", learner);
        d.put("kind", "COURSE");
        d.put("achievementCode", "CNC" + (SEQ.get() % 50));
        d.put("achievementTitle", "数控车床编程");
        d.put("credits", 2);
        d.put("result", Map.of("scale", "PERCENTAGE", "value", "80"));
        d.put("activityStart", "2026-03-01");
        d.put("activityEnd", "2026-07-01");
        d.put("evidenceHash", "f".repeat(64));
        return d;
    }

    private String someLearner() {
        return learners.get(RANDOM.nextInt(learners.size()));
    }

    private void singleIssuance(List<Integer> levels) throws Exception {
        boolean wrk = WrkRun.available();
        for (int c : levels) {
            if (wrk) {
                record(WrkRun.run("issue/gateway-api", api.url("/api/v1/outcomes"), Path.of("bench/wrk/issue.lua"),
                        Map.of("TOKEN", api.token(), "LEARNERS", String.join(",", learners), "RUN", RUN + "-" + c),
                        c, phase));
            }
            // The same load from the JVM client, for comparison (and the API figure without wrk).
            record(LoadRun.run(wrk ? "issue/gateway-api-jvm-client" : "issue/gateway-api", c, phase, () -> {
                api.post("/api/v1/outcomes", CanonicalJson.toJson(draft(someLearner())), true);
                return 1;
            }));
            record(LoadRun.run("issue/raw-sdk", c, phase, () -> {
                sdk.submit("outcome:issue", CanonicalJson.toJson(draft(someLearner())));
                return 1;
            }));
        }
    }

    private void batchIssuance(List<Integer> sizes, int concurrency) throws Exception {
        for (int size : sizes) {
            record(LoadRun.run("batch/" + size, concurrency, phase, () -> {
                String learner = someLearner();
                List<Map<String, Object>> items = new ArrayList<>();
                for (int i = 0; i < size; i++) {
                    items.add(draft(learner));
                }
                api.post("/api/v1/outcomes/batch", CanonicalJson.toJson(Map.of("items", items)), true);
                return size;
            }));
        }
    }

    private void onlineVerification(int concurrency) throws Exception {
        JsonNode outcome = api.post("/api/v1/outcomes", CanonicalJson.toJson(draft(someLearner())), true).get("record");
        String question = CanonicalJson.toJson(Map.of("recordId", outcome.get("id").asText(),
                "contentHash", outcome.get("contentHash").asText()));
        if (WrkRun.available()) {
            record(WrkRun.run("verify/online", api.url("/api/v1/verify"), Path.of("bench/wrk/verify.lua"),
                    Map.of("VERIFY_BODY", question), concurrency, phase));
        } else {
            System.out.println("wrk not found: verify/online measured with the JVM client only");
        }
        // The same load from the JVM client, for comparison: its own CPU is taken from the system.
        record(LoadRun.run("verify/online-jvm-client", concurrency, phase, () -> {
            if (!"VALID".equals(api.post("/api/v1/verify", question, false).get("verdict").asText())) {
                throw new IllegalStateException("verdict is not VALID");
            }
            return 1;
        }));
    }

    private void offlineVerification() throws Exception {
        Path org = network.resolve("organizations/college");
        Path msp = org.resolve("users/gateway/msp");
        X509Certificate cert;
        ECPrivateKey key;
        X509Certificate ca;
        try (Reader c = Files.newBufferedReader(msp.resolve("signcerts/cert.pem"));
             Stream<Path> keys = Files.list(msp.resolve("keystore"));
             Reader k = Files.newBufferedReader(keys.findFirst().orElseThrow());
             Reader r = Files.newBufferedReader(org.resolve("msp/cacerts/ca.pem"))) {
            cert = Identities.readX509Certificate(c);
            key = (ECPrivateKey) Identities.readPrivateKey(k);
            ca = Identities.readX509Certificate(r);
        }
        IssuerIdentity issuer = new IssuerIdentity("CollegeMSP", "广州五金职业技术学院", "did:web:college.creditbank.example",
                "https://college.creditbank.example/status", key, List.of(cert));
        // A pool of distinct credentials (different records and learners), verified in turn: one
        // credential verified again and again would flatter any cache keyed by content.
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < OFFLINE_POOL; i++) {
            items.add(draft(learners.get(i % learners.size())));
        }
        JsonNode issued = api.post("/api/v1/outcomes/batch", CanonicalJson.toJson(Map.of("items", items)), true)
                .get("record");
        // The same records signed twice: with the proof set (ECDSA and a registered Ed25519 key), as
        // the gateways sign, and with the ECDSA proof alone, the baseline of the same run.
        Ed25519SigningKey eddsa = Ed25519Keys.signingKey(Ed25519Keys.generate().getPrivate());
        IssuerIdentity withEddsa = new IssuerIdentity(issuer.mspId(), issuer.name(), issuer.id(), issuer.statusListBase(),
                key, List.of(cert), eddsa);
        CredentialIssuer ecdsaOnly = new CredentialIssuer(issuer, Clock.systemUTC());
        CredentialIssuer proofSet = new CredentialIssuer(withEddsa, Clock.systemUTC());
        List<String> ecdsaPool = new ArrayList<>();
        List<String> proofSetPool = new ArrayList<>();
        for (JsonNode item : issued) {
            Outcome outcome = CanonicalJson.read(api.get("/api/v1/outcomes/" + item.get("id").asText()).toString(),
                    Outcome.class);
            ecdsaPool.add(ecdsaOnly.issueAchievement(outcome, null, ecdsaPool.size()));
            proofSetPool.add(proofSet.issueAchievement(outcome, null, proofSetPool.size()));
        }
        SigningKey registered = new SigningKey("CollegeMSP", eddsa.publicKeyMultibase(), "2026-01-01T00:00:00Z", null);
        CredentialVerifier verifier = new CredentialVerifier(new TrustBundle(Map.of("CollegeMSP", List.of(ca)),
                Map.of("CollegeMSP", List.of(registered))));
        for (String credential : proofSetPool) {
            VerificationReport report = verifier.verify(credential, List.of(), Instant.now());
            if (!report.valid() || report.result(VerificationReport.Check.EDDSA_SIGNATURE)
                    .filter(c -> c.status() == VerificationReport.Status.PASSED).isEmpty()) {
                throw new IllegalStateException("a benchmark credential does not verify with both proofs: "
                        + report.describe());
            }
        }
        for (Map.Entry<String, List<String>> pool : Map.of("verify/offline", ecdsaPool,
                "verify/offline-proof-set", proofSetPool).entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
            AtomicLong next = new AtomicLong();
            for (int threads : List.of(1, 2)) {
                record(LoadRun.run(pool.getKey(), threads, phase, () -> {
                    String credential = pool.getValue().get((int) (next.getAndIncrement() % pool.getValue().size()));
                    if (!verifier.verify(credential, List.of(), Instant.now()).valid()) {
                        throw new IllegalStateException("invalid");
                    }
                    return 1;
                }));
            }
        }
        extra.put("offline_pool_credentials", ecdsaPool.size());
    }

    /**
     * Credentials at the gateway: reading an outcome (the baseline of the same run), signing its
     * credential with both proofs, and the whole OpenID4VCI round trip a wallet makes (offer,
     * credential offer, token, nonce, credential with a key proof), each at {@code levels}.
     */
    private void walletDelivery(List<Integer> levels) throws Exception {
        List<String> ids = new ArrayList<>();
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            items.add(draft(someLearner()));
        }
        api.post("/api/v1/outcomes/batch", CanonicalJson.toJson(Map.of("items", items)), true).get("record")
                .forEach(r -> ids.add(r.get("id").asText()));
        AtomicLong next = new AtomicLong();
        Supplier<String> anId = () -> ids.get((int) (next.getAndIncrement() % ids.size()));
        ECKey wallet = new ECKeyGenerator(Curve.P_256).generate();
        for (int c : levels) {
            record(LoadRun.run("credential/read-outcome", c, phase, () -> {
                api.get("/api/v1/outcomes/" + anId.get());
                return 1;
            }));
            record(LoadRun.run("credential/sign-proof-set", c, phase, () -> {
                if (api.get("/api/v1/outcomes/" + anId.get() + "/credential").get("proof").size() != 2) {
                    throw new IllegalStateException("the gateway signed without the proof set");
                }
                return 1;
            }));
            record(LoadRun.run("credential/oid4vci-round-trip", c, phase, () -> {
                JsonNode offer = api.post("/api/v1/outcomes/" + anId.get() + "/wallet-offers", "", true);
                String offerUri = URLDecoder.decode(offer.get("credentialOffer").asText().split("=", 2)[1],
                        StandardCharsets.UTF_8);
                String code = api.getPublic(offerUri.substring(api.url("").length())).path("grants")
                        .path("urn:ietf:params:oauth:grant-type:pre-authorized_code").path("pre-authorized_code").asText();
                String token = api.postForm("/oid4vci/token", "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3A"
                        + "pre-authorized_code&pre-authorized_code=" + code).get("access_token").asText();
                String nonce = api.post("/oid4vci/nonce", "", false).get("c_nonce").asText();
                SignedJWT proof = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256)
                        .type(new JOSEObjectType("openid4vci-proof+jwt")).jwk(wallet.toPublicJWK()).build(),
                        new JWTClaimsSet.Builder().audience(api.url("")).issueTime(new Date())
                                .claim("nonce", nonce).build());
                proof.sign(new ECDSASigner(wallet));
                api.postBearer("/oid4vci/credential", CanonicalJson.toJson(Map.of("credential_configuration_id",
                        "OpenBadgeAchievementCredential", "proofs", Map.of("jwt", List.of(proof.serialize())))), token);
                return 1;
            }));
        }
    }

    private void growth(int growTo) throws Exception {
        Map<String, Object> perLearner = new LinkedHashMap<>();
        for (int n : List.of(10, 100, 1000)) {
            String learner = api.post("/api/v1/learners", "", true).at("/record/accountNo").asText();
            issueFor(learner, n);
            perLearner.put(Integer.toString(n), transcriptP50(learner));
        }
        extra.put("transcript_p50_ms_by_learner_records", perLearner);

        String fixed = api.post("/api/v1/learners", "", true).at("/record/accountNo").asText();
        issueFor(fixed, 10);
        Map<String, Object> byLedger = new LinkedHashMap<>();
        int added = 0;
        List<Integer> targets = new ArrayList<>(List.of(10_000, 50_000, 100_000));
        targets.add(growTo);
        for (int target : targets.stream().distinct().filter(t -> t <= growTo).sorted().toList()) {
            long t0 = System.nanoTime();
            int chunks = (target - added + 499) / 500;
            fill(chunks);
            double secs = (System.nanoTime() - t0) / 1e9;
            System.out.printf("growth: +%d records in %.1fs (%.0f records/s)%n", chunks * 500, secs, chunks * 500 / secs);
            added += chunks * 500;
            byLedger.put(Integer.toString(target), transcriptP50(fixed));
        }
        extra.put("fixed_learner_transcript_p50_ms_by_records_added", byLedger);
    }

    /**
     * The learner's account page for a learner with {@code records} outcomes, as a phone loads it
     * after signing in by activation code: the page, its script and style, the transcript (one
     * request for every record) and the name of each institution in it. Timed per whole load (101
     * loads, one after another), with one outcome read as the baseline of the same run.
     */
    private void accountPage(int records) throws Exception {
        String learner = api.post("/api/v1/learners", "", true).at("/record/accountNo").asText();
        issueFor(learner, records);
        String code = api.post("/api/v1/learners/" + learner + "/activations", "", true).get("code").asText();
        String token = api.post("/api/v1/activations/redeem", CanonicalJson.toJson(Map.of("code", code)), false)
                .get("token").asText();
        String someOutcome = api.get("/api/v1/learners/" + learner + "/transcript").at("/outcomes/0/id").asText();
        Thread.sleep(3000);
        long[] page = new long[101];
        long[] baseline = new long[101];
        int institutions = 0;
        for (int i = 0; i < page.length; i++) {
            long t0 = System.nanoTime();
            api.getPublicText("/account");
            api.getPublicText("/learner/learner.js");
            api.getPublicText("/learner/learner.css");
            JsonNode transcript = api.getBearer("/api/v1/learners/" + learner + "/transcript", token);
            Set<String> issuers = new TreeSet<>(transcript.findValuesAsText("issuer"));
            for (String issuer : issuers) {
                api.getBearer("/api/v1/institutions/" + issuer, token);
            }
            page[i] = System.nanoTime() - t0;
            institutions = issuers.size();
            long t1 = System.nanoTime();
            api.getBearer("/api/v1/outcomes/" + someOutcome, token);
            baseline[i] = System.nanoTime() - t1;
        }
        Arrays.sort(page);
        Arrays.sort(baseline);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("records", records);
        figures.put("institutions", institutions);
        figures.put("page_load_p50_ms", LoadRun.percentile(page, 0.5));
        figures.put("page_load_p99_ms", LoadRun.percentile(page, 0.99));
        figures.put("one_outcome_p50_ms", LoadRun.percentile(baseline, 0.5));
        figures.put("ratio_p50", LoadRun.percentile(page, 0.5) / LoadRun.percentile(baseline, 0.5));
        extra.put("account_page", figures);
        System.out.println("account page, " + records + " records: " + figures);
    }

    /** Adds {@code chunks} batches of 500 records for random learners, 4 batches at a time. */
    private void fill(int chunks) throws Exception {
        AtomicInteger left = new AtomicInteger(chunks);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            workers.add(pool.submit(() -> {
                while (left.getAndDecrement() > 0) {
                    issueFor(someLearner(), 500);
                }
                return null;
            }));
        }
        for (Future<?> f : workers) {
            f.get();
        }
        pool.shutdown();
    }

    private void issueFor(String learner, int n) throws Exception {
        for (int done = 0; done < n; done += 500) {
            List<Map<String, Object>> items = new ArrayList<>();
            for (int i = 0; i < Math.min(500, n - done); i++) {
                items.add(draft(learner));
            }
            api.post("/api/v1/outcomes/batch", CanonicalJson.toJson(Map.of("items", items)), true);
        }
    }

    /**
     * The median of 101 transcript reads, taken after a 3 s pause: right after a fill the peers
     * are still committing and compacting, and what is measured here is the query's cost against
     * the ledger's size, not its competition with writes.
     */
    private double transcriptP50(String learner) throws Exception {
        Thread.sleep(3000);
        long[] samples = new long[101];
        for (int i = 0; i < samples.length; i++) {
            long t0 = System.nanoTime();
            api.get("/api/v1/learners/" + learner + "/transcript");
            samples[i] = System.nanoTime() - t0;
        }
        Arrays.sort(samples);
        return LoadRun.percentile(samples, 0.5);
    }

    private void record(LoadRun.Result r) {
        results.add(r);
        System.out.printf("%-20s c=%-3d %8.1f ops/s %9.1f rec/s  p50 %7.1f  p95 %7.1f  p99 %7.1f ms  client %.2f cores  failures %s%n",
                r.name(), r.concurrency(), r.opsPerSecond(), r.recordsPerSecond(), r.p50Ms(), r.p95Ms(), r.p99Ms(),
                r.clientCores(), r.failures());
    }

    private void report(Path out, Map<String, String> options) throws Exception {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("commit", options.getOrDefault("commit", "unknown"));
        doc.put("cores", Runtime.getRuntime().availableProcessors());
        doc.put("when", Instant.now().toString());
        doc.put("options", options);
        doc.put("results", results);
        doc.put("derived", extra);
        Map<String, Double> ratios = new LinkedHashMap<>();
        for (LoadRun.Result api : results) {
            if (api.name().equals("issue/gateway-api")) {
                results.stream().filter(s -> s.name().equals("issue/raw-sdk") && s.concurrency() == api.concurrency())
                        .findFirst().ifPresent(s -> ratios.put("c=" + api.concurrency(), api.opsPerSecond() / s.opsPerSecond()));
            }
        }
        extra.put("gateway_api_over_raw_sdk", ratios);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, CanonicalJson.toJson(doc) + "\n");
        System.out.println("gateway-api / raw-sdk throughput: " + ratios);
        System.out.println("derived: " + CanonicalJson.toJson(extra));
        System.out.println("written to " + out);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return o;
    }

}
