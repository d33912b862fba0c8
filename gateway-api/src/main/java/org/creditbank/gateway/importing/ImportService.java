package org.creditbank.gateway.importing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.creditbank.gateway.ApiException;
import org.creditbank.gateway.auth.Principal;
import org.creditbank.gateway.ledger.Receipt;
import org.creditbank.gateway.outcome.OutcomeService;
import org.creditbank.model.ErrorCode;
import org.creditbank.model.outcome.OutcomeDraft;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bulk import of a registrar's outcome spreadsheet. A dry run reads and validates every row and
 * says what is wrong where. A real run refuses a file with any invalid row (fix it first, nothing
 * is half-imported by surprise), then submits the rows in batches. Each batch is idempotent, so
 * after an interruption the same file is simply imported again: rows already on the ledger come
 * back as "existing" and nothing is duplicated.
 */
public final class ImportService {

    private static final Logger LOG = LoggerFactory.getLogger(ImportService.class);

    private final OutcomeService outcomes;
    private final int batchSize;

    public ImportService(OutcomeService outcomes, int batchSize) {
        this.outcomes = outcomes;
        this.batchSize = batchSize;
    }

    /** What an import found and did. {@code batches} is empty for a dry run. */
    public record Report(boolean dryRun, int rows, int validRows, List<OutcomeCsv.Row> invalid, List<Batch> batches,
                         int created, int existing) {
    }

    /** One committed batch: its spreadsheet rows, transaction and what it created. */
    public record Batch(int firstRow, int lastRow, String txId, long blockNumber, int created, int existing) {
    }

    public Report run(Principal registrar, String csv, boolean dryRun) {
        List<OutcomeCsv.Row> rows = OutcomeCsv.read(csv);
        List<OutcomeCsv.Row> invalid = rows.stream().filter(r -> !r.valid()).toList();
        int valid = rows.size() - invalid.size();
        if (dryRun) {
            return new Report(true, rows.size(), valid, invalid, List.of(), 0, 0);
        }
        if (!invalid.isEmpty()) {
            throw new ApiException(ErrorCode.IMPORT_HAS_INVALID_ROWS, invalid.size() + " of " + rows.size()
                    + " rows are invalid; run a dry run for the report, fix them and import again",
                    invalid.stream().flatMap(r -> r.violations().stream().map(v -> v.atIndex(r.rowNumber()))).toList(),
                    null, null);
        }
        List<Batch> batches = new ArrayList<>();
        int created = 0;
        int existing = 0;
        for (int start = 0; start < rows.size(); start += batchSize) {
            List<OutcomeCsv.Row> chunk = rows.subList(start, Math.min(rows.size(), start + batchSize));
            List<OutcomeDraft> drafts = chunk.stream().map(OutcomeCsv.Row::draft).toList();
            Receipt receipt = outcomes.issueBatch(registrar, drafts);
            int fresh = 0;
            for (JsonNode o : receipt.record()) {
                fresh += OutcomeService.issuedIn(o, receipt.txId()) ? 1 : 0;
            }
            batches.add(new Batch(chunk.get(0).rowNumber(), chunk.get(chunk.size() - 1).rowNumber(), receipt.txId(),
                    receipt.blockNumber(), fresh, chunk.size() - fresh));
            created += fresh;
            existing += chunk.size() - fresh;
            LOG.info("import by {}: rows {}-{} committed in tx {} ({} new, {} existing), {}/{} rows done",
                    registrar.tokenId(), chunk.get(0).rowNumber(), chunk.get(chunk.size() - 1).rowNumber(),
                    receipt.txId(), fresh, chunk.size() - fresh, start + chunk.size(), rows.size());
        }
        return new Report(false, rows.size(), valid, List.of(), batches, created, existing);
    }
}
