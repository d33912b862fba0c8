package org.creditbank.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.creditbank.model.json.CanonicalJson;

/**
 * An HTTP load phase driven by {@code wrk} instead of the JVM client. Why: the load generator
 * shares the two cores with everything it measures, and the JDK HTTP client costs about as much
 * CPU per request as the gateway itself; wrk (C, event loop) costs a small fraction of that, so
 * the figure shows the system's capacity rather than the client's. Its own CPU is reported too.
 */
final class WrkRun {

    private static final boolean AVAILABLE = probe();
    private static final Pattern TIMES = Pattern.compile("(\\d+)m([\\d.]+)s (\\d+)m([\\d.]+)s");

    private WrkRun() {
    }

    /** Whether wrk is installed (asked once per run). */
    static boolean available() {
        return AVAILABLE;
    }

    private static boolean probe() {
        try {
            return new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start().waitFor() <= 1;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /**
     * Runs {@code script} (one of bench/wrk/*.lua, which reads its inputs from {@code env}) against
     * {@code url} with {@code connections} open connections for {@code duration}.
     */
    static LoadRun.Result run(String name, String url, Path script, Map<String, String> env, int connections,
                              Duration duration) throws IOException, InterruptedException {
        // bash's `times` gives the CPU time of its finished children: wrk's own cost.
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", "wrk \"$@\"; times", "wrk",
                "-t", Integer.toString(Math.min(2, connections)), "-c", Integer.toString(connections),
                "-d", duration.toSeconds() + "s", "--timeout", "10s", "-s", script.toString(), url)
                .redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("wrk failed: " + out);
        }
        JsonNode r = out.lines().filter(l -> l.startsWith("WRK ")).findFirst()
                .map(l -> CanonicalJson.read(l.substring(4), JsonNode.class))
                .orElseThrow(() -> new IOException("no figures from wrk: " + out));
        List<String> times = out.lines().filter(l -> TIMES.matcher(l).find()).toList();
        double cpuSeconds = 0;
        if (times.size() == 2) {
            Matcher m = TIMES.matcher(times.get(1));
            m.find();
            cpuSeconds = seconds(m.group(1), m.group(2)) + seconds(m.group(3), m.group(4));
        }
        double seconds = r.get("micros").asDouble() / 1e6;
        int requests = r.get("requests").asInt();
        Map<String, Integer> failures = new TreeMap<>();
        // The same kinds as the JVM client's (LoadRun): conflicts, timeouts, anything else.
        putIfAny(failures, "mvcc_conflict", r.get("busy").asInt());
        putIfAny(failures, "timeout", r.get("timed_out").asInt() + r.get("timeout").asInt());
        putIfAny(failures, "other: unexpected answer", r.get("failed").asInt());
        putIfAny(failures, "other: socket error", r.get("socket").asInt());
        return new LoadRun.Result(name, connections, requests, requests, seconds, requests / seconds,
                requests / seconds, r.get("p50").asDouble() / 1e3, r.get("p95").asDouble() / 1e3,
                r.get("p99").asDouble() / 1e3, failures, cpuSeconds / seconds);
    }

    private static double seconds(String minutes, String secs) {
        return Integer.parseInt(minutes) * 60 + Double.parseDouble(secs);
    }

    private static void putIfAny(Map<String, Integer> failures, String kind, int n) {
        if (n > 0) {
            failures.put(kind, n);
        }
    }
}
