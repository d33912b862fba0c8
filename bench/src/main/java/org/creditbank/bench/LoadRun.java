package org.creditbank.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A closed-loop load: {@code concurrency} workers each repeat one operation for a fixed time.
 * Reports throughput, latency percentiles, failures by kind, and how many cores the load client
 * itself used (everything shares the machine, so that matters when reading the figures).
 */
final class LoadRun {

    /** One operation; returns how many records it handled (1 for a single issuance, n for a batch). */
    @FunctionalInterface
    interface Operation {
        int run() throws Exception;
    }

    /** What one run measured. */
    record Result(String name, int concurrency, int operations, int records, double seconds, double opsPerSecond,
                  double recordsPerSecond, double p50Ms, double p95Ms, double p99Ms, Map<String, Integer> failures,
                  double clientCores) {
    }

    private LoadRun() {
    }

    static Result run(String name, int concurrency, Duration duration, Operation op) throws InterruptedException {
        List<long[]> latencies = new ArrayList<>();
        Map<String, Integer> failures = new ConcurrentHashMap<>();
        AtomicInteger records = new AtomicInteger();
        long cpuBefore = cpuNanos();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            long[] mine = new long[1 << 20];
            latencies.add(mine);
            Thread t = new Thread(() -> {
                int n = 0;
                while (System.nanoTime() < end && n < mine.length - 1) {
                    long t0 = System.nanoTime();
                    try {
                        records.addAndGet(op.run());
                        mine[++n] = System.nanoTime() - t0;
                    } catch (Exception e) {
                        failures.merge(kind(e), 1, Integer::sum);
                    }
                }
                mine[0] = n;
            }, name + "-" + w);
            t.start();
            workers.add(t);
        }
        for (Thread t : workers) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cores = (cpuNanos() - cpuBefore) / 1e9 / seconds;
        long[] all = latencies.stream().flatMapToLong(a -> Arrays.stream(a, 1, (int) a[0] + 1)).sorted().toArray();
        return new Result(name, concurrency, all.length, records.get(), seconds, all.length / seconds,
                records.get() / seconds, percentile(all, 0.50), percentile(all, 0.95), percentile(all, 0.99),
                new TreeMap<>(failures), cores);
    }

    /** Failure kinds a consortium cares about: MVCC conflicts, timeouts, everything else. */
    private static String kind(Exception e) {
        String text = String.valueOf(e.getMessage()) + (e.getCause() == null ? "" : " " + e.getCause().getMessage());
        if (text.contains("MVCC") || text.contains("PHANTOM") || text.contains("LEDGER_BUSY")) {
            return "mvcc_conflict";
        }
        if (text.contains("DEADLINE") || text.contains("TIMEOUT") || text.contains("timed out")) {
            return "timeout";
        }
        return "other: " + text.substring(0, Math.min(80, text.length()));
    }

    static double percentile(long[] sortedNanos, double q) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(q * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(i, sortedNanos.length - 1))] / 1e6;
    }

    private static long cpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }
}
