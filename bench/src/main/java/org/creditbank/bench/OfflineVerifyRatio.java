package org.creditbank.bench;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.creditbank.credentials.CredentialIssuer;
import org.creditbank.credentials.TestInstitution;

/**
 * Offline verification throughput of builds of the verifier against each other, in one JVM and
 * one run, without a network: a {@link TestInstitution} issues a pool of distinct credentials and each
 * verifier checks them round-robin at 1 and 2 threads. Every verification must say VALID. Each
 * build is a {@code creditbank-verify.jar} loaded by a {@link JarVerifier}, the current one too, so
 * that all are called the same way; they are warmed up first and then measured in turns. Besides
 * throughput it prints the process's CPU time per verification (GC and JIT included), which other
 * load on the machine disturbs less than throughput.
 *
 * <pre>{@code
 * java -cp ... org.creditbank.bench.OfflineVerifyRatio [--pool 500] [--seconds 8] [--threads 1,2]
 *      --jars baseline=/tmp/creditbank-verify-<commit>.jar,current=credentials/target/creditbank-verify.jar
 * }</pre>
 */
public final class OfflineVerifyRatio {

    /** One way of verifying a credential; true when it is VALID. */
    @FunctionalInterface
    private interface Verifier {
        boolean valid(String credential) throws Exception;
    }

    private OfflineVerifyRatio() {
    }

    /** When the pool is verified: inside every credential's validity period. */
    private static final Instant VERIFIED_AT = Instant.parse("2027-01-01T00:00:00Z");

    /** {@code n} credentials for distinct learners and records, varied in kind, result and dates. */
    private static List<String> credentials(TestInstitution college, int n) {
        CredentialIssuer issuer = new CredentialIssuer(college.identity,
                Clock.fixed(Instant.parse("2026-08-01T12:00:00Z"), ZoneOffset.UTC));
        List<String> pool = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            pool.add(issuer.issueAchievement(college.variedOutcome(i), i % 3 == 0 ? "学习者 " + i : null, i % 4096));
        }
        return pool;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int poolSize = Integer.parseInt(o.getOrDefault("pool", "500"));
        Duration phase = Duration.ofSeconds(Long.parseLong(o.getOrDefault("seconds", "8")));
        List<Integer> threads = Stream.of(o.getOrDefault("threads", "1,2").split(",")).map(Integer::valueOf).toList();

        TestInstitution college = TestInstitution.create("CollegeMSP", "广州五金职业技术学院", "college.example");
        List<String> pool = credentials(college, poolSize);
        Map<String, Verifier> verifiers = new LinkedHashMap<>();
        for (String named : o.getOrDefault("jars", "current=credentials/target/creditbank-verify.jar").split(",")) {
            String[] nameAndPath = named.split("=", 2);
            JarVerifier jar = new JarVerifier(Path.of(nameAndPath[1]), college.trustBundle().caCertificates());
            verifiers.put(nameAndPath[0], c -> jar.valid(c, VERIFIED_AT));
        }
        for (var v : verifiers.entrySet()) {
            for (String credential : pool) {
                if (!v.getValue().valid(credential)) {
                    throw new IllegalStateException(v.getKey() + " rejects a credential of the pool");
                }
            }
            run(v.getKey() + "/warm-up", 2, phase.dividedBy(2), pool, v.getValue());
        }
        String first = verifiers.keySet().iterator().next();
        for (int t : threads) {
            Map<String, Double> rates = new LinkedHashMap<>();
            for (var v : verifiers.entrySet()) {
                LoadRun.Result r = run(v.getKey(), t, phase, pool, v.getValue());
                rates.put(v.getKey(), r.opsPerSecond());
                System.out.printf("%-10s threads=%d  %8.1f verifications/s  p50 %.3f ms  p99 %.3f ms  cores %.2f"
                        + "  (%.0f us CPU per verification)%n", v.getKey(), t, r.opsPerSecond(), r.p50Ms(), r.p99Ms(),
                        r.clientCores(), r.clientCores() / r.opsPerSecond() * 1e6);
            }
            rates.forEach((name, rate) -> {
                if (!name.equals(first)) {
                    System.out.printf("ratio %s / %s, threads=%d: %.2f%n", name, first, t, rate / rates.get(first));
                }
            });
        }
    }

    private static LoadRun.Result run(String name, int threads, Duration phase, List<String> pool, Verifier verifier)
            throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        LoadRun.Result r = LoadRun.run(name, threads, phase, () -> {
            String credential = pool.get(Math.floorMod(next.getAndIncrement(), pool.size()));
            if (!verifier.valid(credential)) {
                throw new IllegalStateException("a pool credential did not verify");
            }
            return 1;
        });
        if (!r.failures().isEmpty()) {
            throw new IllegalStateException(name + " failed: " + r.failures());
        }
        return r;
    }
}
