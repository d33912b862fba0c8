package org.creditbank.chaincode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.creditbank.chaincode.testing.InMemoryLedger.Response;

/**
 * One fixed sequence of transactions, and a program that runs it and writes down everything a peer
 * would have to agree on: every response, every event, every world-state entry and every key-level
 * endorsement policy, as hex of the exact bytes.
 *
 * <p>{@link DeterminismTest} starts this program in two JVMs that differ in what can make a
 * careless chaincode vary between peers: the per-JVM salt that orders {@code Map.of}/{@code Set.of}
 * iteration, identity hash codes ({@code -XX:hashCode}), the default time zone, locale and charset.
 * Two ledgers in one JVM cannot show such differences, because they share all of these.
 *
 * <p>The sequence includes refusals with many violations and qualification terms with many
 * entries, because those are where a map's iteration order reaches the output.
 */
public final class DeterminismScenario {

    static final String LEARNER = "CB7K2M9QH4TZ1XW8R" + "0";

    private DeterminismScenario() {
    }

    /** Runs the sequence on {@code c} and returns its responses in order. */
    static List<Response> run(Consortium c, String learner) {
        List<Response> responses = new ArrayList<>();
        responses.add(c.ledger.submit(Consortium.COLLEGE_REGISTRAR, "learner:openAccount", learner));
        responses.add(c.ledger.submit(Consortium.COLLEGE_REGISTRAR, "outcome:issue",
                Consortium.json(Consortium.course("D-1", learner))));
        responses.add(c.ledger.submit(Consortium.COLLEGE_REGISTRAR, "outcome:issueBatch",
                Consortium.json(List.of(Consortium.course("D-2", learner), Consortium.course("D-3", learner)))));
        responses.add(c.ledger.submit(Consortium.HARDWARE_REGISTRAR, "outcome:issue",
                Consortium.json(Consortium.training("T-1", learner))));
        responses.add(c.ledger.submit(Consortium.UNIVERSITY_REGISTRAR, "recognition:publishRule",
                Consortium.json(RecognitionTest.rule(1))));
        responses.add(c.ledger.submit(Consortium.UNIVERSITY_REGISTRAR, "recognition:recognise",
                Consortium.json(RecognitionTest.byRule("R-1", learner, List.of("CollegeMSP:D-1", "CollegeMSP:D-2"), 1))));
        responses.add(c.ledger.submit(Consortium.COLLEGE_REGISTRAR, "outcome:suspend", "CollegeMSP:D-3", "check"));
        responses.add(c.ledger.submit(Consortium.UNIVERSITY_REGISTRAR, "qualification:publish",
                Consortium.json(qualification("ASSOC-ME", 1))));
        // Every minimum is zero, so each entry is one violation, listed in the terms' iteration order.
        responses.add(c.ledger.submit(Consortium.UNIVERSITY_REGISTRAR, "qualification:publish",
                Consortium.json(qualification("BROKEN", 0))));
        responses.add(c.ledger.evaluate(Consortium.HARDWARE_VERIFIER, "qualification:progress",
                Consortium.UNIVERSITY, "ASSOC-ME", learner));
        responses.add(c.ledger.evaluate(Consortium.HARDWARE_VERIFIER, "transcript:transcript", learner));
        responses.add(c.ledger.evaluate(Consortium.HARDWARE_VERIFIER, "outcome:history", "CollegeMSP:D-3"));
        return responses;
    }

    /** Terms with a minimum for every outcome kind and for twelve categories, each {@code minimum} credits. */
    private static Map<String, Object> qualification(String code, int minimum) {
        Map<String, Object> byKind = new TreeMap<>();
        for (org.creditbank.model.outcome.OutcomeKind kind : org.creditbank.model.outcome.OutcomeKind.values()) {
            byKind.put(kind.name(), minimum);
        }
        Map<String, Object> byCategory = new TreeMap<>();
        for (int i = 1; i <= 12; i++) {
            byCategory.put("类别-" + i, minimum);
        }
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("code", code);
        q.put("title", "机械制造专业副学士");
        q.put("totalCredits", 100);
        q.put("minimumOwnCredits", 0);
        q.put("minimumsByKind", byKind);
        q.put("minimumsByCategory", byCategory);
        return q;
    }

    /**
     * Everything the peers must agree on after {@link #run}, one line per item. Bytes are written
     * exactly: printable ASCII as itself, every other byte (and the backslash) as {@code \xNN}, so
     * that equal files mean equal bytes and a difference is still readable.
     */
    static List<String> record(Consortium c, List<Response> responses) {
        List<String> lines = new ArrayList<>();
        for (Response r : responses) {
            lines.add("response " + r.status() + " " + exact(r.message()) + " " + exact(r.payload()));
        }
        c.ledger.events().forEach(e -> lines.add("event " + e.txId() + " " + e.name() + " " + exact(e.payload())));
        c.ledger.worldStateBytes().forEach((k, v) -> lines.add("state " + exact(k) + " " + exact(v)));
        c.ledger.validationParameters().forEach((k, v) -> lines.add("policy " + exact(k) + " " + exact(v)));
        return lines;
    }

    private static String exact(String text) {
        return text == null ? "-" : exact(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String exact(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length);
        for (byte b : bytes) {
            int u = b & 0xFF;
            if (u >= 0x20 && u < 0x7F && u != '\\') {
                out.append((char) u);
            } else {
                out.append("\\x").append(HexFormat.of().toHexDigits((byte) u));
            }
        }
        return out.toString();
    }

    /**
     * Runs the sequence on a fresh consortium and writes its {@link #record} to the file
     * {@code args[0]}, and, if given, the number of messages of each type the chaincode sent the
     * peer to {@code args[1]} (which differs between batched and unbatched runs, the record must not).
     */
    public static void main(String[] args) throws IOException {
        Consortium c = new Consortium();
        List<String> lines = record(c, run(c, LEARNER));
        Files.write(Path.of(args[0]), lines, StandardCharsets.US_ASCII);
        if (args.length > 1) {
            List<String> messages = new ArrayList<>();
            c.ledger.allMessages().forEach((type, count) -> messages.add(type + " " + count));
            Files.write(Path.of(args[1]), messages, StandardCharsets.US_ASCII);
        }
    }
}
