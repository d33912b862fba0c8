package org.creditbank.gateway.importing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.creditbank.gateway.ApiException;
import org.creditbank.gateway.auth.Principal;
import org.creditbank.gateway.ledger.LedgerException;
import org.creditbank.gateway.ledger.Receipt;
import org.creditbank.gateway.outcome.OutcomeService;
import org.creditbank.model.ErrorCode;
import org.creditbank.model.RefusalBody;
import org.creditbank.model.Violation;
import org.creditbank.model.outcome.IssuedRecord;
import org.creditbank.model.outcome.OutcomeDraft;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bulk import of a registrar's outcome spreadsheet, reported row by row in the spreadsheet's own
 * row numbers (header = row 1).
 *
 * <p>Both a dry run and a real run first check the whole file: every row against the shared rules
 * and the file's own consistency ({@link OutcomeCsv}), then every batch against the ledger by
 * simulating it on a peer, so the chaincode itself finds conflicts with existing records and
 * missing accounts. A dry run stops there and reports. A real run refuses a file with any refused
 * row (nothing is written; fix the rows and import again), then submits the rows in batches.
 *
 * <p>Each batch is idempotent. If a batch fails part-way through the file (a conflicting record
 * written since the check, or the network), the answer is {@code IMPORT_INCOMPLETE} with the full
 * report: which rows are on the ledger, which were refused and why, which were not imported.
 * Importing the same file again completes it: rows already on the ledger come back as "existing".
 */
public final class ImportService {

    private static final Logger LOG = LoggerFactory.getLogger(ImportService.class);

    private final OutcomeService outcomes;
    private final int batchSize;

    public ImportService(OutcomeService outcomes, int batchSize) {
        this.outcomes = outcomes;
        this.batchSize = batchSize;
    }

    /**
     * What an import found and did, by spreadsheet row. {@code created}: rows this run put on the
     * ledger (a dry run: rows it would); {@code existing}: rows whose identical record was already
     * there; {@code refused}: rows with a problem, each explained in {@code problems} (its
     * {@code index} is the row number); {@code notImported}: valid rows a stopped run did not reach.
     * {@code batches} lists the transactions of a real run.
     */
    public record Report(boolean dryRun, int rows, RowSet created, RowSet existing, RowSet refused,
                         RowSet notImported, List<Violation> problems, List<Batch> batches) {
    }

    /** One committed batch: its rows, and its transaction when it wrote one (none if all rows existed). */
    public record Batch(int firstRow, int lastRow, String txId, Long blockNumber, int created, int existing) {
    }

    /** Checks and (unless {@code dryRun}) imports the rows of an uploaded spreadsheet ({@link OutcomeCsv#read}). */
    public Report run(Principal registrar, List<OutcomeCsv.Row> rows, boolean dryRun) {
        Accounting rowsSeen = new Accounting(rows);
        List<List<OutcomeCsv.Row>> chunks = chunks(rows.stream().filter(OutcomeCsv.Row::valid).toList());
        for (List<OutcomeCsv.Row> chunk : chunks) {
            check(registrar, chunk, rowsSeen);
        }
        if (dryRun) {
            return rowsSeen.report(true, List.of());
        }
        if (!rowsSeen.problems.isEmpty()) {
            throw new ApiException(ErrorCode.IMPORT_HAS_INVALID_ROWS, rowsSeen.refused().count() + " of " + rows.size()
                    + " rows are refused; nothing was imported. Fix them and import the file again",
                    rowsSeen.problems(), null, null);
        }
        List<Batch> batches = new ArrayList<>();
        for (List<OutcomeCsv.Row> chunk : chunks) {
            try {
                batches.add(submit(registrar, chunk, rowsSeen));
            } catch (ApiException | LedgerException e) {
                throw incomplete(rowsSeen, chunk, batches, e);
            }
        }
        return rowsSeen.report(false, batches);
    }

    /**
     * Simulates {@code chunk} as the batch the real run would submit, noting what exists and what
     * is refused. A refused batch is simulated once more without its refused rows, so the report
     * also says which of the others are already on the ledger.
     */
    private void check(Principal registrar, List<OutcomeCsv.Row> chunk, Accounting rowsSeen) {
        List<OutcomeCsv.Row> toCheck = chunk;
        for (int round = 1; round <= 2 && !toCheck.isEmpty(); round++) {
            try {
                List<Boolean> onLedger = outcomes.checkBatch(registrar, drafts(toCheck));
                for (int i = 0; i < toCheck.size(); i++) {
                    rowsSeen.found(toCheck.get(i).rowNumber(), onLedger.get(i));
                }
                return;
            } catch (LedgerException e) {
                if (!rowsSeen.refusedRows(toCheck, e.refusal().filter(r -> r.code() == ErrorCode.BATCH_REJECTED))) {
                    throw e;
                }
                toCheck = toCheck.stream().filter(r -> !rowsSeen.isRefused(r.rowNumber())).toList();
            }
        }
    }

    private Batch submit(Principal registrar, List<OutcomeCsv.Row> chunk, Accounting rowsSeen) {
        Receipt<IssuedRecord[]> receipt = outcomes.issueBatch(registrar, drafts(chunk));
        int fresh = 0;
        for (int i = 0; i < chunk.size(); i++) {
            boolean created = OutcomeService.issuedIn(receipt.record()[i].awardTxId(), receipt.commit());
            rowsSeen.committed(chunk.get(i).rowNumber(), created);
            fresh += created ? 1 : 0;
        }
        int first = chunk.get(0).rowNumber();
        int last = chunk.get(chunk.size() - 1).rowNumber();
        LOG.info("import by {}: rows {}-{} on the ledger ({} new, {} existing){}", registrar.tokenId(), first, last,
                fresh, chunk.size() - fresh, receipt.commit().map(c -> " in tx " + c.txId()).orElse(", nothing to write"));
        return new Batch(first, last, receipt.commit().map(c -> c.txId()).orElse(null),
                receipt.commit().map(c -> c.blockNumber()).orElse(null), fresh, chunk.size() - fresh);
    }

    /** The answer when batch {@code failed} did not commit: everything before it did. */
    private static ApiException incomplete(Accounting rowsSeen, List<OutcomeCsv.Row> failed, List<Batch> batches,
                                           RuntimeException e) {
        ApiException cause = e instanceof LedgerException le ? ApiException.fromLedger(le) : (ApiException) e;
        rowsSeen.refusedRows(failed, e instanceof LedgerException le ? le.refusal() : Optional.empty());
        rowsSeen.stopped();
        Report report = rowsSeen.report(false, batches);
        String onLedger = report.created().count() + report.existing().count() + " rows are on the ledger ("
                + report.created().count() + " added now)";
        ApiException answer = new ApiException(ErrorCode.IMPORT_INCOMPLETE, "the import stopped at rows "
                + failed.get(0).rowNumber() + "-" + failed.get(failed.size() - 1).rowNumber() + " (" + cause.code() + ": "
                + cause.getMessage() + "). " + onLedger + ", " + report.notImported().count() + " are not; "
                + "import the same file again to add them (rows on the ledger are not added twice)",
                report.problems(), cause.retryAfterSeconds(), e);
        return answer.with("report", report);
    }

    private List<List<OutcomeCsv.Row>> chunks(List<OutcomeCsv.Row> rows) {
        return IntStream.iterate(0, start -> start < rows.size(), start -> start + batchSize)
                .mapToObj(start -> rows.subList(start, Math.min(rows.size(), start + batchSize))).toList();
    }

    private static List<OutcomeDraft> drafts(List<OutcomeCsv.Row> chunk) {
        return chunk.stream().map(OutcomeCsv.Row::draft).toList();
    }

    /** Where each row stands; every data row is in exactly one place. */
    private static final class Accounting {
        private final int rows;
        private final TreeSet<Integer> pending = new TreeSet<>();
        private final TreeSet<Integer> created = new TreeSet<>();
        private final TreeSet<Integer> existing = new TreeSet<>();
        private final TreeSet<Integer> notImported = new TreeSet<>();
        private final Map<Integer, List<Violation>> refused = new TreeMap<>();
        private final List<Violation> problems = new ArrayList<>();

        Accounting(List<OutcomeCsv.Row> all) {
            rows = (int) all.stream().filter(r -> r.rowNumber() > 1).count();
            for (OutcomeCsv.Row row : all) {
                if (row.valid()) {
                    pending.add(row.rowNumber());
                } else {
                    refuse(row.rowNumber(), row.violations());
                }
            }
        }

        /** The check found row {@code n} either on the ledger already or ready to be created. */
        void found(int n, boolean onLedger) {
            if (onLedger) {
                pending.remove(n);
                existing.add(n);
            }
        }

        void committed(int n, boolean madeNow) {
            pending.remove(n);
            existing.remove(n);
            (madeNow ? created : existing).add(n);
        }

        /**
         * Rows of {@code chunk} named by a batch refusal (index within the chunk); false if there
         * is no such refusal, i.e. the whole batch failed for a reason that is not about its rows.
         */
        boolean refusedRows(List<OutcomeCsv.Row> chunk, Optional<RefusalBody> refusal) {
            if (refusal.isEmpty()) {
                return false;
            }
            Map<Integer, List<Violation>> byRow = new TreeMap<>();
            for (Violation v : refusal.get().violations()) {
                if (v.index() != null && v.index() >= 0 && v.index() < chunk.size()) {
                    byRow.computeIfAbsent(chunk.get(v.index()).rowNumber(), k -> new ArrayList<>()).add(v);
                }
            }
            byRow.forEach(this::refuse);
            return !byRow.isEmpty();
        }

        private void refuse(int n, List<Violation> why) {
            pending.remove(n);
            existing.remove(n);
            refused.put(n, why);
            why.forEach(v -> problems.add(v.atIndex(n)));
        }

        /** The run stopped: every row not yet on the ledger or refused was not imported. */
        void stopped() {
            notImported.addAll(pending);
            pending.clear();
        }

        boolean isRefused(int n) {
            return refused.containsKey(n);
        }

        RowSet refused() {
            return RowSet.of(refused.keySet());
        }

        List<Violation> problems() {
            return problems.stream().sorted(Comparator.comparing(Violation::index)).toList();
        }

        Report report(boolean dryRun, List<Batch> batches) {
            // A dry run's pending rows are the ones it would create.
            RowSet made = dryRun ? RowSet.of(pending) : RowSet.of(created);
            return new Report(dryRun, rows, made, RowSet.of(existing), refused(), RowSet.of(notImported), problems(),
                    List.copyOf(batches));
        }
    }
}
