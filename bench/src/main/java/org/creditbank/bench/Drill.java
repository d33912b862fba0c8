package org.creditbank.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.creditbank.model.json.CanonicalJson;

/**
 * A fault drill on the running network: a steady issuance load over every gateway (open loop, a
 * fixed rate whatever the answers), one fault in the middle (a process killed with SIGKILL, then
 * restarted as an operator would), and afterwards an audit against the ledger.
 *
 * <p>What it reports, for {@code docs/reliability.md}: requests by answer; <b>lost</b> (a write
 * the client saw acknowledged that is not on the ledger, target 0); <b>duplicates</b> (a record
 * on the ledger twice, target 0); the longest time without any acknowledged write after the
 * fault; when the last failure ended; and for a restarted peer, when it served again and when its
 * block height caught up with the others'.
 *
 * <pre>
 * java -cp … org.creditbank.bench.Drill --network .creditbank/network --fault leader --rate 50 --seconds 40
 * </pre>
 * Faults: {@code leader}, {@code follower} (orderers, found from their own metrics),
 * {@code peer}, {@code chaincode}, {@code gateway}, {@code ca} (the university's), {@code none};
 * {@code upgrade}: the chaincode upgraded to a new version under the load;
 * {@code import}: the university's gateway killed in the middle of a CSV import, which is then
 * run again and must leave every row on the ledger exactly once.
 */
public final class Drill {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private static final String RUN = Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT);
    /** The member whose process each fault kills: a school, so that the import drill can run there. */
    private static final String VICTIM = "university";
    private static final int IMPORT_ROWS = 1000;
    /** How often the audit asks again for a transcript that answered 5xx (3 s apart). */
    private static final int AUDIT_READ_RETRIES = 5;
    private static final String CSV_HEADER = "localId,learner,kind,achievementCode,achievementTitle,credits,resultScale,"
            + "resultValue,activityStart,activityEnd,evidenceHash\n";

    /** One request as the client saw it; times in ms since the load began. */
    record Attempt(String org, String localId, String id, long startMs, long endMs, int status, String answer) {
        boolean acknowledged() {
            return status == 200 || status == 201;
        }
    }

    /** A gateway the load uses: its member, address, registrar token and a learner account opened there. */
    record Target(Consortium.Member member, String baseUrl, String token, String learner) {
        String org() {
            return member.key();
        }
    }

    private final Path network;
    private final Path root;
    private final Consortium consortium;
    private final List<Target> targets = new ArrayList<>();
    private final ConcurrentLinkedQueue<Attempt> attempts = new ConcurrentLinkedQueue<>();
    private final Map<String, Object> events = new LinkedHashMap<>();
    private final Map<String, Object> importResult = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicLong seq = new AtomicLong();
    private long t0;

    private Drill(Path network, Path root) throws IOException {
        this.network = network;
        this.root = root;
        this.consortium = Consortium.of(network);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        Drill drill = new Drill(Path.of(o.getOrDefault("network", ".creditbank/network")),
                Path.of(o.getOrDefault("root", ".")));
        String fault = o.getOrDefault("fault", "none");
        Map<String, Object> report = drill.run(fault, Integer.parseInt(o.getOrDefault("rate", "50")),
                Integer.parseInt(o.getOrDefault("seconds", "40")), Integer.parseInt(o.getOrDefault("fault-at", "10")),
                Integer.parseInt(o.getOrDefault("down-for", "5")));
        String json = CanonicalJson.toJson(report);
        System.out.println(json);
        if (o.containsKey("out")) {
            Files.createDirectories(Path.of(o.get("out")).toAbsolutePath().getParent());
            Files.writeString(Path.of(o.get("out")), json + "\n");
        }
        List<String> failures = drill.failures(report);
        System.out.println(failures.isEmpty() ? "drill " + fault + ": passed"
                : "drill " + fault + ": FAILED: " + String.join("; ", failures));
        System.exit(failures.isEmpty() ? 0 : 1);
    }

    /** Why the drill failed, in words (empty when it passed): CI shows this line, not the report. */
    private List<String> failures(Map<String, Object> report) {
        List<String> failures = new ArrayList<>();
        long lost = ((Number) report.get("lost")).longValue();
        long duplicates = ((Number) report.get("duplicates")).longValue();
        if (lost > 0) {
            failures.add(lost + " of " + report.get("acknowledged") + " acknowledged writes are not on the ledger");
        }
        if (duplicates > 0) {
            failures.add(duplicates + " writes are on the ledger twice");
        }
        if (events.containsKey("restartFailed")) {
            failures.add("the fault's command failed: " + events.get("restartFailed"));
        }
        if (!importComplete()) {
            failures.add("the interrupted import was not completed exactly once by its re-run: " + importResult);
        }
        return failures;
    }

    /** No import, or one whose re-run left every row on the ledger exactly once. */
    private boolean importComplete() {
        return importResult.isEmpty() || (String.valueOf(importResult.get("rerun")).startsWith("200")
                && importResult.get("onLedger").equals(IMPORT_ROWS) && importResult.get("duplicates").equals(0));
    }

    private Map<String, Object> run(String fault, int rate, int seconds, int faultAt, int downFor) throws Exception {
        // The load issues at every member that issues outcomes of its own (the authority does not).
        for (Consortium.Member m : consortium.members()) {
            if (!m.type().equals("AUTHORITY")) {
                targets.add(connect(m));
            }
        }
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        ExecutorService senders = Executors.newFixedThreadPool(Math.max(16, rate * 2));
        t0 = System.currentTimeMillis();
        long intervalMicros = 1_000_000L / rate;
        ScheduledFuture<?> ticking = clock.scheduleAtFixedRate(() -> {
            Target t = targets.get((int) (seq.get() % targets.size()));
            long n = seq.incrementAndGet();
            senders.execute(() -> issue(t, n));
        }, 0, intervalMicros, TimeUnit.MICROSECONDS);

        sleepUntil(faultAt * 1000L);
        try {
            inject(fault, downFor);
        } catch (IllegalStateException e) {
            // The audit still says what the clients saw; the restart's failure is part of the result.
            events.put("restartFailed", e.getMessage());
        }
        // The load goes on for at least 10 s after the restart, to see the member serve again.
        long loadMs = Math.max(seconds * 1000L, now() + (events.containsKey("restartedAtMs") ? 10_000 : 0));
        sleepUntil(loadMs);
        if (ticking.isDone()) {
            // A fixed-rate task that threw stops for good: say so rather than report a quiet drill.
            ticking.get();
        }
        clock.shutdownNow();
        senders.shutdown();
        senders.awaitTermination(120, TimeUnit.SECONDS);
        return audit(fault, rate, loadMs);
    }

    private Target connect(Consortium.Member member) throws IOException, InterruptedException {
        String org = member.key();
        Path home = network.resolve("gateways").resolve(org);
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(home.resolve("gateway.properties"))) {
            p.load(in);
        }
        String base = "http://" + p.getProperty("listen.host") + ":" + p.getProperty("listen.port");
        String token = Files.readString(home.resolve("registrar.token")).strip();
        HttpResponse<String> r = post(base, token, "/api/v1/learners", "");
        if (r.statusCode() != 201) {
            throw new IllegalStateException(org + " could not open a learner account: " + r.statusCode() + " " + r.body());
        }
        return new Target(member, base, token, CanonicalJson.read(r.body(), JsonNode.class).at("/record/accountNo").asText());
    }

    private void issue(Target t, long n) {
        String localId = "DRILL-" + RUN + "-" + n;
        long start = System.currentTimeMillis() - t0;
        int status;
        String answer;
        try {
            HttpResponse<String> r = post(t.baseUrl(), t.token(), "/api/v1/outcomes", CanonicalJson.toJson(draft(t, localId)));
            status = r.statusCode();
            answer = status < 300 ? Integer.toString(status) : status + " " + CanonicalJson.read(r.body(), JsonNode.class).path("code").asText();
        } catch (IOException e) {
            status = 0;
            answer = "no answer: " + e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (RuntimeException e) {
            status = 0;
            answer = "unreadable answer";
        }
        attempts.add(new Attempt(t.org(), localId, t.member().mspId() + ":" + localId, start, System.currentTimeMillis() - t0,
                status, answer));
    }

    private static Map<String, Object> draft(Target t, String localId) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("localId", localId);
        d.put("learner", t.learner());
        boolean enterprise = t.member().enterprise();
        d.put("kind", enterprise ? "ENTERPRISE_TRAINING" : "COURSE");
        d.put("achievementCode", enterprise ? "WELD-2" : "CNC101");
        d.put("achievementTitle", enterprise ? "焊接工艺实训" : "数控车床编程");
        d.put("credits", 2);
        d.put("result", enterprise ? Map.of("scale", "PASS_FAIL", "value", "PASS") : Map.of("scale", "PERCENTAGE", "value", "86"));
        d.put("activityStart", "2026-03-01");
        d.put("activityEnd", "2026-07-01");
        d.put("evidenceHash", "d".repeat(64));
        return d;
    }

    /** Kills one process with SIGKILL, waits {@code downFor} seconds, and restarts it as an operator would. */
    private void inject(String fault, int downFor) throws Exception {
        if (fault.equals("import")) {
            importInterrupted(downFor);
            return;
        }
        if (fault.equals("upgrade")) {
            upgradeUnderLoad();
            return;
        }
        String process = switch (fault) {
            case "none" -> null;
            case "leader" -> orderer(true);
            case "follower" -> orderer(false);
            case "peer" -> "peer0." + VICTIM;
            case "chaincode" -> "chaincode." + VICTIM;
            case "gateway" -> "gateway." + VICTIM;
            case "ca" -> "ca." + VICTIM;
            default -> throw new IllegalArgumentException("unknown fault " + fault);
        };
        if (process == null) {
            return;
        }
        events.put("process", process);
        events.put("killedAtMs", now());
        script("scripts/network", "kill", process);
        Thread.sleep(downFor * 1000L);
        events.put("restartAtMs", now());
        if (process.startsWith("gateway.")) {
            script("scripts/gateways", "start");
        } else {
            script("scripts/network", "up");
        }
        events.put("restartedAtMs", now());
        if (process.startsWith("peer0.")) {
            String org = process.substring("peer0.".length());
            long deadline = System.currentTimeMillis() + 120_000;
            while (System.currentTimeMillis() < deadline) {
                // The others first: the chain grows while we ask, so a peer read after them that is
                // as high has caught up.
                Consortium.Member me = consortium.member(org).orElseThrow();
                long others = consortium.members().stream().filter(m -> !m.equals(me)).mapToLong(Drill::height).max().orElse(0);
                long mine = height(me);
                if (mine > 0 && mine >= others) {
                    events.put("caughtUpAtMs", now());
                    break;
                }
                Thread.sleep(250);
            }
        }
    }

    /**
     * The chaincode upgraded while the load runs ({@code scripts/consortium upgrade-chaincode}: a
     * new version and sequence, blue/green member by member); the report keeps the script's own
     * timings: when the new definition was committed and when every peer answered through it.
     */
    private void upgradeUnderLoad() throws Exception {
        events.put("upgradeStartedAtMs", now());
        script("scripts/consortium", "upgrade-chaincode");
        events.put("upgradeFinishedAtMs", now());
        events.put("upgrade", CanonicalJson.read(Files.readString(network.resolve("upgrade-report.json")), JsonNode.class));
    }

    /**
     * A spreadsheet of {@value #IMPORT_ROWS} rows imported at the university while its gateway is
     * killed, after the first batches committed; once it is back, the same file is imported again.
     */
    private void importInterrupted(int downFor) throws Exception {
        Target university = targets.stream().filter(t -> t.org().equals(VICTIM)).findFirst().orElseThrow();
        String learner = CanonicalJson.read(post(university.baseUrl(), university.token(), "/api/v1/learners", "").body(),
                JsonNode.class).at("/record/accountNo").asText();
        StringBuilder csv = new StringBuilder(CSV_HEADER);
        for (int i = 1; i <= IMPORT_ROWS; i++) {
            csv.append("IMP-").append(RUN).append('-').append(i).append(',').append(learner)
                    .append(",COURSE,CNC101,数控车床编程,3,PERCENTAGE,80,2026-03-01,2026-07-01,").append("e".repeat(64)).append('\n');
        }
        Thread first = new Thread(() -> importResult.put("firstRun", importCsv(university, csv.toString())));
        first.start();
        long deadline = System.currentTimeMillis() + 120_000;
        int committed = 0;
        while (committed == 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
            committed = transcriptIds(university, learner).size();
        }
        events.put("process", "gateway." + VICTIM);
        events.put("rowsOnLedgerAtKill", committed);
        events.put("killedAtMs", now());
        script("scripts/network", "kill", "gateway." + VICTIM);
        first.join(60_000);
        Thread.sleep(downFor * 1000L);
        events.put("restartAtMs", now());
        script("scripts/gateways", "start");
        events.put("restartedAtMs", now());
        importResult.put("rerun", importCsv(university, csv.toString()));
        List<String> ids = transcriptIds(university, learner);
        importResult.put("rows", IMPORT_ROWS);
        importResult.put("onLedger", new HashSet<>(ids).size());
        importResult.put("duplicates", ids.size() - new HashSet<>(ids).size());
    }

    /** The import's answer: status, and the rows created and existing when it completed. */
    private static String importCsv(Target t, String csv) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(t.baseUrl() + "/api/v1/imports/outcomes?dryRun=false"))
                    .timeout(Duration.ofSeconds(300)).header("Authorization", "Bearer " + t.token())
                    .header("Content-Type", "text/csv; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode body = CanonicalJson.read(r.body(), JsonNode.class);
            return r.statusCode() == 200
                    ? "200: created " + body.at("/created/count").asInt() + ", existing " + body.at("/existing/count").asInt()
                    : r.statusCode() + " " + body.path("code").asText();
        } catch (IOException e) {
            return "no answer: " + e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** The ids of the learner's outcomes at {@code t}; none while the transcript cannot be read. */
    private static List<String> transcriptIds(Target t, String learner) throws IOException, InterruptedException {
        HttpResponse<String> r = transcript(t, learner);
        return r.statusCode() == 200 ? outcomeIds(r) : List.of();
    }

    private static HttpResponse<String> transcript(Target t, String learner) throws IOException, InterruptedException {
        return get(t.baseUrl(), t.token(), "/api/v1/learners/" + learner + "/transcript");
    }

    private static List<String> outcomeIds(HttpResponse<String> transcript) {
        List<String> ids = new ArrayList<>();
        CanonicalJson.read(transcript.body(), JsonNode.class).path("outcomes").forEach(x -> ids.add(x.path("id").asText()));
        return ids;
    }

    private long now() {
        return System.currentTimeMillis() - t0;
    }

    /** The Raft leader of the channel, or a follower, by the orderers' own metrics. */
    private String orderer(boolean leader) {
        for (Consortium.Orderer o : consortium.orderers()) {
            String metrics = scrape(o.host(), o.operationsPort());
            boolean isLeader = metrics.lines().anyMatch(l -> l.startsWith("consensus_etcdraft_is_leader{channel=\"creditbank\"} 1"));
            if (isLeader == leader) {
                return o.name();
            }
        }
        throw new IllegalStateException("no orderer is " + (leader ? "the leader" : "a follower"));
    }

    private static long height(Consortium.Member m) {
        return scrape(m.host(), m.peerOperationsPort()).lines()
                .filter(l -> l.startsWith("ledger_blockchain_height{channel=\"creditbank\"}"))
                .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst().orElse(0);
    }

    private static String scrape(String host, int port) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + "/metrics"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private void script(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(network.resolve("logs/drill.log").toFile())).start();
        if (p.waitFor() != 0) {
            List<String> log = Files.readAllLines(network.resolve("logs/drill.log"));
            throw new IllegalStateException(String.join(" ", command) + " failed (exit " + p.exitValue() + "), ending with:\n  "
                    + String.join("\n  ", log.subList(Math.max(0, log.size() - 12), log.size())));
        }
    }

    /** Everything the client saw, checked against the ledger. */
    private Map<String, Object> audit(String fault, int rate, long loadMs) throws IOException, InterruptedException {
        List<Attempt> all = attempts.stream().sorted((a, b) -> Long.compare(a.endMs(), b.endMs())).toList();
        Map<String, Integer> answers = new TreeMap<>();
        all.forEach(a -> answers.merge(a.answer(), 1, Integer::sum));

        Set<String> acknowledged = new HashSet<>();
        all.stream().filter(Attempt::acknowledged).forEach(a -> acknowledged.add(a.id()));
        List<String> onLedger = new ArrayList<>();
        int auditRetries = 0;
        for (Target t : targets) {
            // The drill's learner holds thousands of records (a real one, tens): right after a fault
            // (a new chaincode JVM, a peer catching up) reading them all can outlast the gateway's
            // 5 s evaluate timeout. A 5xx there is the audit's problem, not a lost write: ask again.
            HttpResponse<String> r = transcript(t, t.learner());
            for (int again = 1; r.statusCode() >= 500 && again <= AUDIT_READ_RETRIES; again++) {
                System.out.printf("audit: the transcript at %s answered %d; again in 3 s (%d of %d)%n", t.org(),
                        r.statusCode(), again, AUDIT_READ_RETRIES);
                auditRetries++;
                Thread.sleep(3000);
                r = transcript(t, t.learner());
            }
            if (r.statusCode() != 200) {
                throw new IllegalStateException("cannot read the transcript at " + t.org() + ": " + r.statusCode());
            }
            onLedger.addAll(outcomeIds(r));
        }
        Set<String> distinct = new HashSet<>(onLedger);
        long lost = acknowledged.stream().filter(id -> !distinct.contains(id)).count();
        long unacknowledgedButWritten = distinct.stream().filter(id -> !acknowledged.contains(id)).count();

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("fault", fault);
        report.put("ratePerSecond", rate);
        report.put("loadSeconds", loadMs / 1000.0);
        report.put("requests", all.size());
        // Sent but still unanswered when the audit began (the senders get 120 s to finish): their
        // writes may be on the ledger and then count in failedButOnLedger, not as failures.
        report.put("unansweredAtAudit", seq.get() - all.size());
        report.put("answers", answers);
        report.put("acknowledged", acknowledged.size());
        report.put("lost", lost);
        report.put("duplicates", onLedger.size() - distinct.size());
        report.put("failedButOnLedger", unacknowledgedButWritten);
        report.put("auditReadRetries", auditRetries);
        report.put("events", events);
        if (!importResult.isEmpty()) {
            report.put("import", importResult);
        }
        long from = events.containsKey("killedAtMs") ? (long) events.get("killedAtMs")
                : events.containsKey("upgradeStartedAtMs") ? (long) events.get("upgradeStartedAtMs") : loadMs / 2;
        report.put("longestGapWithoutAckBeforeFaultMs", longestGap(all, 2000, from));
        report.put("longestGapWithoutAckAfterFaultMs", longestGap(all, from, loadMs));
        all.stream().filter(a -> !a.acknowledged() && a.endMs() >= from).mapToLong(Attempt::endMs).max()
                .ifPresent(last -> report.put("lastFailureEndsMsAfterFault", last - from));
        if (events.containsKey("restartedAtMs")) {
            long restarted = (long) events.get("restartedAtMs");
            String org = String.valueOf(events.get("process")).replaceFirst("^[a-z0-9]+\\.", "");
            all.stream().filter(a -> a.org().equals(org) && a.acknowledged() && a.startMs() >= (long) events.get("restartAtMs"))
                    .mapToLong(Attempt::endMs).min()
                    .ifPresent(first -> report.put("firstAckThroughRestartedMemberMsAfterRestart", first - (long) events.get("restartAtMs")));
            if (events.containsKey("caughtUpAtMs")) {
                report.put("caughtUpMsAfterRestart", (long) events.get("caughtUpAtMs") - (long) events.get("restartAtMs"));
            }
            report.put("restartCommandMs", restarted - (long) events.get("restartAtMs"));
        }
        return report;
    }

    /** The longest time in [from, to) without an acknowledgement (ends of acknowledged requests). */
    private static long longestGap(List<Attempt> all, long from, long to) {
        long last = from;
        long gap = 0;
        for (Attempt a : all) {
            if (a.acknowledged() && a.endMs() >= from && a.endMs() < to) {
                gap = Math.max(gap, a.endMs() - last);
                last = a.endMs();
            }
        }
        return Math.max(gap, to - last);
    }

    private static HttpResponse<String> post(String base, String token, String path, String body)
            throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> get(String base, String token, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private void sleepUntil(long msSinceStart) throws InterruptedException {
        long wait = msSinceStart - now();
        if (wait > 0) {
            Thread.sleep(wait);
        }
    }
}
