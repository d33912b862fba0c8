package org.creditbank.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.creditbank.chaincode.testing.Drafts;
import org.creditbank.chaincode.testing.InMemoryLedger;
import org.creditbank.gateway.TestGateway.Reply;
import org.creditbank.gateway.auth.TokenRole;
import org.creditbank.gateway.http.Problems;
import org.creditbank.gateway.ledger.LedgerCall;
import org.creditbank.model.json.CanonicalJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A registrar's spreadsheet import over real HTTP, on the real contract in process (batches of 2
 * rows in these tests). Every answer names rows as the spreadsheet shows them (header = row 1).
 */
class ImportHttpTest {

    private static final String HEADER = "localId,learner,kind,achievementCode,achievementTitle,credits,resultScale,"
            + "resultValue,activityStart,activityEnd,evidenceHash\n";
    private static final String IMPORT = "/api/v1/imports/outcomes";

    private final InMemoryLedger chain = new InMemoryLedger();
    private final InProcessLedger ledger = InProcessLedger.college(chain, "registrar1", "registrar");
    private final TestGateway college;
    private final String registrar;

    ImportHttpTest() throws IOException {
        college = new TestGateway(ledger, "CollegeMSP", "gateway", 1 << 20);
        registrar = college.token(TokenRole.REGISTRAR, "registrar1", null);
    }

    @AfterEach
    void stop() {
        college.close();
    }

    @Test
    void aSpreadsheetIsCheckedThenImportedInBatchesAndCanBeImportedAgainSafely() {
        String learner = openAccount();
        String good = rows("IMP", learner, 1, 5, 80);
        String badRow = "IMP-6," + learner + ",COURSE,CNC106,焊接,abc,PERCENTAGE,80,2026-03-01,2026-07-01," + Drafts.EVIDENCE + "\n";

        JsonNode dry = ok(college.post(IMPORT, registrar, "\uFEFF" + HEADER + good + badRow, "text/csv"));
        assertThat(dry.get("dryRun").asBoolean()).isTrue();
        assertThat(dry.get("rows").asInt()).isEqualTo(6);
        assertThat(rowsOf(dry, "created")).as("would be created").containsExactly(2, 3, 4, 5, 6);
        assertThat(rowsOf(dry, "refused")).containsExactly(7);
        assertThat(dry.at("/problems/0/index").asInt()).isEqualTo(7);
        assertThat(dry.at("/problems/0/field").asText()).isEqualTo("credits");
        assertProblem(college.post(IMPORT + "?dryRun=false", registrar, HEADER + good + badRow, "text/csv"),
                422, "IMPORT_HAS_INVALID_ROWS");

        JsonNode imported = ok(college.post(IMPORT + "?dryRun=false", registrar, HEADER + good, "text/csv"));
        assertThat(rowsOf(imported, "created")).containsExactly(2, 3, 4, 5, 6);
        assertThat(imported.get("batches")).hasSize(3);
        JsonNode again = ok(college.post(IMPORT + "?dryRun=false", registrar, HEADER + good, "text/csv"));
        assertThat(rowsOf(again, "created")).isEmpty();
        assertThat(rowsOf(again, "existing")).containsExactly(2, 3, 4, 5, 6);
        assertThat(again.get("batches").findValues("txId")).as("an import of rows all on the ledger writes nothing").isEmpty();
        JsonNode transcript = ok(college.get("/api/v1/learners/" + learner + "/transcript", registrar));
        assertThat(transcript.get("outcomes")).hasSize(5);
        assertThat(transcript.at("/outcomes/0/draft/achievementTitle").asText()).isEqualTo("数控车床编程 第1部分");
    }

    @Test
    void aDryRunFindsEveryRowTheRealRunWouldRefuseAndTheRealRunThenWritesNothing() {
        String learner = openAccount();
        ok(college.post(IMPORT + "?dryRun=false", registrar, HEADER + rows("DRY", learner, 1, 2, 80), "text/csv"));
        String csv = HEADER
                + rows("DRY", learner, 1, 1, 80)          // row 2: on the ledger, identical
                + rows("DRY", learner, 2, 2, 95)          // row 3: on the ledger with other content
                + rows("DRY", learner, 3, 3, 80)          // row 4: new
                + rows("DRY", learner, 3, 3, 80)          // row 5: the same localId again in this file
                + rows("DRY", "CB0000000000000000", 4, 4, 80)  // row 6: no such learner account
                + rows("DRY", learner, 5, 5, 80);         // row 7: new

        JsonNode dry = ok(college.post(IMPORT, registrar, csv, "text/csv"));
        assertThat(rowsOf(dry, "existing")).containsExactly(2);
        assertThat(rowsOf(dry, "created")).containsExactly(4, 7);
        assertThat(rowsOf(dry, "refused")).containsExactly(3, 5, 6);
        assertThat(problems(dry)).containsExactly("3 CONFLICT", "5 CONFLICT", "6 ACCOUNT_NOT_FOUND");

        Reply real = college.post(IMPORT + "?dryRun=false", registrar, csv, "text/csv");
        assertProblem(real, 422, "IMPORT_HAS_INVALID_ROWS");
        assertThat(problems(real.json())).containsExactly("3 CONFLICT", "5 CONFLICT", "6 ACCOUNT_NOT_FOUND");
        assertThat(college.get("/api/v1/outcomes/CollegeMSP:DRY-3", registrar).status()).as("nothing was written").isEqualTo(404);
    }

    @Test
    void anImportStoppedByAConflictingWriteSaysWhichRowsAreOnTheLedgerAndARerunCompletesIt() {
        String learner = openAccount();
        // RACE-1 to RACE-5 on rows 2-6, in batches of rows 2-3, 4-5 and 6. Between the check and
        // the second batch, another request issues RACE-4 (row 5) with other content.
        String csv = HEADER + rows("RACE", learner, 1, 5, 80);
        ledger.beforeSubmit(call -> call.function().equals("outcome:issueBatch") && call.args().get(0).contains("RACE-4"),
                () -> ledger.submit("registrar1", LedgerCall.of("outcome:issue",
                        CanonicalJson.toJson(draft("RACE-4", learner, 99)))));

        Reply stopped = college.post(IMPORT + "?dryRun=false", registrar, csv, "text/csv");
        assertProblem(stopped, 409, "IMPORT_INCOMPLETE");
        JsonNode report = stopped.json().get("report");
        assertThat(rowsOf(report, "created")).containsExactly(2, 3);
        assertThat(rowsOf(report, "refused")).containsExactly(5);
        assertThat(rowsOf(report, "notImported")).containsExactly(4, 6);
        assertThat(problems(stopped.json())).containsExactly("5 CONFLICT");
        assertThat(stopped.json().get("detail").asText()).contains("rows 4-5", "2 rows are on the ledger");
        assertThat(college.get("/api/v1/outcomes/CollegeMSP:RACE-3", registrar).status()).as("row 4 is not on the ledger").isEqualTo(404);

        String row5Corrected = HEADER + rows("RACE", learner, 1, 3, 80) + rows("RACE", learner, 4, 4, 99)
                + rows("RACE", learner, 5, 5, 80);
        JsonNode rerun = ok(college.post(IMPORT + "?dryRun=false", registrar, row5Corrected, "text/csv"));
        assertThat(rowsOf(rerun, "existing")).containsExactly(2, 3, 5);
        assertThat(rowsOf(rerun, "created")).containsExactly(4, 6);
    }

    @Test
    void anImportStoppedByTheNetworkSaysWhenToRetryAndARerunAddsOnlyWhatIsMissing() {
        String learner = openAccount();
        String csv = HEADER + rows("DOWN", learner, 1, 5, 80);
        ledger.beforeSubmit(call -> call.function().equals("outcome:issueBatch") && call.args().get(0).contains("DOWN-3"),
                () -> ledger.setDown(true));

        Reply stopped = college.post(IMPORT + "?dryRun=false", registrar, csv, "text/csv");
        assertProblem(stopped, 409, "IMPORT_INCOMPLETE");
        assertThat(stopped.retryAfter()).isEqualTo("5");
        assertThat(rowsOf(stopped.json().get("report"), "created")).containsExactly(2, 3);
        assertThat(rowsOf(stopped.json().get("report"), "notImported")).containsExactly(4, 5, 6);
        assertThat(stopped.json().get("detail").asText()).contains("LEDGER_UNAVAILABLE");

        ledger.setDown(false);
        JsonNode rerun = ok(college.post(IMPORT + "?dryRun=false", registrar, csv, "text/csv"));
        assertThat(rowsOf(rerun, "existing")).containsExactly(2, 3);
        assertThat(rowsOf(rerun, "created")).containsExactly(4, 5, 6);
        assertThat(ok(college.get("/api/v1/learners/" + learner + "/transcript", registrar)).get("outcomes")).hasSize(5);
    }

    /** dryRun is true or false in any case; anything else is refused rather than taken as a dry run. */
    @Test
    void dryRunFalseInCapitalsImportsAndAnUnknownValueIsRefused() {
        String csv = HEADER + rows("CAPS", openAccount(), 1, 1, 80);
        assertThat(ok(college.post(IMPORT + "?dryRun=TRUE", registrar, csv, "text/csv")).get("dryRun").asBoolean()).isTrue();
        assertProblem(college.post(IMPORT + "?dryRun=no", registrar, csv, "text/csv"), 400, "INVALID_FIELD");
        JsonNode imported = ok(college.post(IMPORT + "?dryRun=FALSE", registrar, csv, "text/csv"));
        assertThat(imported.get("dryRun").asBoolean()).isFalse();
        assertThat(rowsOf(imported, "created")).containsExactly(2);
    }

    private String openAccount() {
        Reply r = college.post("/api/v1/learners", registrar, "");
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json().at("/record/accountNo").asText();
    }

    /** CSV rows {@code prefix-from} to {@code prefix-to} for {@code learner}, scored {@code score}. */
    private static String rows(String prefix, String learner, int from, int to, int score) {
        StringBuilder csv = new StringBuilder();
        for (int i = from; i <= to; i++) {
            csv.append(prefix).append('-').append(i).append(',').append(learner).append(",COURSE,CNC10").append(i)
                    .append(",数控车床编程 第").append(i).append("部分,").append(i).append(",PERCENTAGE,").append(score)
                    .append(",2026-03-01,2026-07-01,").append(Drafts.EVIDENCE).append('\n');
        }
        return csv.toString();
    }

    /** The draft that {@link #rows} writes for {@code localId} number n. */
    private static Map<String, Object> draft(String localId, String learner, int score) {
        int n = Integer.parseInt(localId.substring(localId.lastIndexOf('-') + 1));
        return Map.of("localId", localId, "learner", learner, "kind", "COURSE", "achievementCode", "CNC10" + n,
                "achievementTitle", "数控车床编程 第" + n + "部分", "credits", n,
                "result", Map.of("scale", "PERCENTAGE", "value", Integer.toString(score)),
                "activityStart", "2026-03-01", "activityEnd", "2026-07-01", "evidenceHash", Drafts.EVIDENCE);
    }

    /** The row numbers of a report's row set {@code name}. */
    private static List<Integer> rowsOf(JsonNode report, String name) {
        List<Integer> rows = new ArrayList<>();
        for (JsonNode span : report.path(name).path("spans")) {
            for (int n = span.get("first").asInt(); n <= span.get("last").asInt(); n++) {
                rows.add(n);
            }
        }
        assertThat(report.path(name).path("count").asInt()).isEqualTo(rows.size());
        return rows;
    }

    /** "row CODE" for each problem of a report or a problem+json answer. */
    private static List<String> problems(JsonNode answer) {
        JsonNode list = answer.has("problems") ? answer.get("problems") : answer.path("violations");
        List<String> found = new ArrayList<>();
        list.forEach(p -> found.add(p.get("index").asInt() + " " + p.get("code").asText()));
        return found;
    }

    private static JsonNode ok(Reply r) {
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json();
    }

    private static void assertProblem(Reply r, int status, String code) {
        assertThat(r.status()).as(r.text()).isEqualTo(status);
        assertThat(r.contentType()).startsWith(Problems.CONTENT_TYPE);
        assertThat(r.json().get("code").asText()).isEqualTo(code);
    }
}
