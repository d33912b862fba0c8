package org.creditbank.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.creditbank.chaincode.testing.Drafts;
import org.creditbank.chaincode.testing.InMemoryLedger;
import org.creditbank.gateway.TestGateway.Reply;
import org.creditbank.gateway.auth.TokenRole;
import org.creditbank.gateway.http.Problems;
import org.creditbank.gateway.importing.XlsxTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The import of an Excel workbook (.xlsx) over HTTP, on the real contract in process. The
 * workbooks are written in the test with Apache POI as Excel would save them: numbers as numbers,
 * dates as date cells, a blank row in the middle. The report must be the CSV's, row for row; a
 * damaged, hostile or oversized file is a 4xx with a stable code, never a 500.
 */
class XlsxImportHttpTest {

    private static final String IMPORT = "/api/v1/imports/outcomes";
    private static final List<String> HEADER = List.of("localId", "learner", "kind", "achievementCode",
            "achievementTitle", "credits", "resultScale", "resultValue", "activityStart", "activityEnd", "evidenceHash");

    private final InMemoryLedger chain = new InMemoryLedger();
    private final InProcessLedger ledger = InProcessLedger.college(chain, "registrar1", "registrar");
    private final TestGateway college;
    private final String registrar;

    XlsxImportHttpTest() throws IOException {
        college = new TestGateway(ledger, "CollegeMSP", "gateway", 1 << 20);
        registrar = college.token(TokenRole.REGISTRAR, "registrar1", null);
    }

    @AfterEach
    void stop() {
        college.close();
    }

    /** Rows as a registrar types them; credits "abc" on the third is the mistake. */
    private static List<List<Object>> term(String learner) {
        return List.of(
                List.of("XL-1", learner, "COURSE", "CNC101", "数控车床编程", 2.5, "PERCENTAGE", 86,
                        LocalDate.of(2026, 3, 1), LocalDate.of(2026, 7, 1), Drafts.EVIDENCE),
                List.of("XL-2", learner, "COURSE", "CNC102", "焊接工艺", 3, "PASS_FAIL", "PASS",
                        LocalDate.of(2026, 3, 1), LocalDate.of(2026, 7, 1), Drafts.EVIDENCE),
                List.of("XL-3", learner, "COURSE", "CNC103", "机械制图", "abc", "PERCENTAGE", 75,
                        LocalDate.of(2026, 3, 1), LocalDate.of(2026, 7, 1), Drafts.EVIDENCE));
    }

    @Test
    void aWorkbookGetsTheSameReportAsItsCsvRowForRowAndImports() {
        String learner = openAccount();
        List<List<Object>> rows = term(learner);
        StringBuilder csv = new StringBuilder(String.join(",", HEADER)).append('\n');
        for (List<Object> row : rows) {
            csv.append(String.join(",", row.stream().map(String::valueOf).toList())).append('\n');
        }

        JsonNode fromCsv = ok(college.post(IMPORT, registrar, csv.toString(), "text/csv"));
        JsonNode fromXlsx = ok(college.post(IMPORT, registrar, workbook(rows, false), XlsxTable.MEDIA_TYPE));

        assertThat(fromXlsx).isEqualTo(fromCsv);
        assertThat(fromXlsx.at("/refused/spans/0/first").asInt()).as("the sheet's row 4").isEqualTo(4);
        assertThat(fromXlsx.at("/problems/0/field").asText()).isEqualTo("credits");
        assertThat(fromXlsx.at("/created/count").asInt()).isEqualTo(2);

        JsonNode imported = ok(college.post(IMPORT + "?dryRun=false", registrar, workbook(rows.subList(0, 2), false),
                "application/octet-stream"));
        assertThat(imported.at("/created/count").asInt()).as("recognised as a workbook by its bytes").isEqualTo(2);
        JsonNode outcome = ok(college.get("/api/v1/outcomes/CollegeMSP:XL-1", registrar));
        assertThat(outcome.at("/draft/credits").decimalValue()).isEqualByComparingTo("2.5");
        assertThat(outcome.at("/draft/activityStart").asText()).as("a date cell").isEqualTo("2026-03-01");
        assertThat(outcome.at("/draft/result/value").asText()).as("a number cell").isEqualTo("86");
    }

    @Test
    void rowNumbersAreTheSheetsAlsoAfterABlankRow() {
        List<List<Object>> rows = term(openAccount());
        byte[] file = workbook(List.of(rows.get(0), List.of(), rows.get(2)), false);

        JsonNode report = ok(college.post(IMPORT, registrar, file, XlsxTable.MEDIA_TYPE));

        assertThat(report.get("rows").asInt()).isEqualTo(2);
        assertThat(report.at("/created/spans/0/first").asInt()).isEqualTo(2);
        assertThat(report.at("/problems/0/index").asInt()).as("row 3 is blank").isEqualTo(4);
    }

    @Test
    void formulaCellsAreRefusedByName() {
        byte[] file = workbook(term(openAccount()).subList(0, 2), true);

        JsonNode problem = problem(college.post(IMPORT, registrar, file, XlsxTable.MEDIA_TYPE), 400, "SPREADSHEET_UNREADABLE");

        assertThat(problem.get("detail").asText()).contains("F2", "F3", "formula", "values");
    }

    @Test
    void aZipBombIsRefusedBeforeItIsUnpackedIntoMemory() {
        byte[] ratioBomb = zip("xl/worksheets/sheet1.xml", 4 << 20);
        assertThat(ratioBomb.length).isLessThan(64 << 10);
        assertThat(problem(college.post(IMPORT, registrar, ratioBomb, XlsxTable.MEDIA_TYPE), 413, "SPREADSHEET_TOO_LARGE")
                .get("detail").asText()).contains("zip bomb");

        byte[] hugeParts = zip("xl/sharedStrings.xml", 90 << 20);
        assertThat(problem(college.post(IMPORT, registrar, hugeParts, XlsxTable.MEDIA_TYPE), 413, "SPREADSHEET_TOO_LARGE")
                .get("detail").asText()).contains("64 MiB");
    }

    @Test
    void aSheetWithMoreRowsThanAnImportTakesIsRefusedWithTheLimit() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SXSSFWorkbook book = new SXSSFWorkbook()) {
            Sheet sheet = book.createSheet();
            for (int i = 0; i <= 20_001; i++) {
                sheet.createRow(i).createCell(0).setCellValue(i == 0 ? "localId" : "R-" + i);
            }
            book.write(out);
        }
        JsonNode problem = problem(college.post(IMPORT, registrar, out.toByteArray(), XlsxTable.MEDIA_TYPE), 413,
                "SPREADSHEET_TOO_LARGE");
        assertThat(problem.get("detail").asText()).contains("20000 rows");
    }

    @Test
    void damagedOldOrNonWorkbookFilesAreRefusedWithHowToSaveThem() {
        byte[] good = workbook(term(openAccount()), false);
        assertThat(problem(college.post(IMPORT, registrar, Arrays.copyOf(good, good.length / 2), XlsxTable.MEDIA_TYPE),
                400, "SPREADSHEET_UNREADABLE").get("detail").asText()).contains(".xlsx");
        byte[] xls = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};
        assertThat(problem(college.post(IMPORT, registrar, xls, XlsxTable.MEDIA_TYPE), 400, "SPREADSHEET_UNREADABLE")
                .get("detail").asText()).contains(".xls", "CSV UTF-8");
        problem(college.post(IMPORT, registrar, "localId,learner\n".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                XlsxTable.MEDIA_TYPE), 400, "SPREADSHEET_UNREADABLE");
        problem(college.post(IMPORT, registrar, zip("hello.txt", 10), XlsxTable.MEDIA_TYPE), 400, "SPREADSHEET_UNREADABLE");
    }

    /**
     * A workbook of {@code rows} below the header, as Excel saves one: numbers and dates as typed
     * cells; with {@code formulas}, each credits cell is a formula.
     */
    private static byte[] workbook(List<List<Object>> rows, boolean formulas) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("2026春");
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("yyyy/m/d"));
            Row header = sheet.createRow(0);
            for (int c = 0; c < HEADER.size(); c++) {
                header.createCell(c).setCellValue(HEADER.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    Object value = rows.get(r).get(c);
                    if (formulas && HEADER.get(c).equals("credits")) {
                        row.createCell(c).setCellFormula("1+1");
                    } else if (value instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else if (value instanceof LocalDate d) {
                        row.createCell(c).setCellValue(d);
                        row.getCell(c).setCellStyle(date);
                    } else {
                        row.createCell(c).setCellValue(value.toString());
                    }
                }
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A zip with one part of {@code size} zero bytes (which compress about a thousandfold). */
    private static byte[] zip(String part, int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(part));
            byte[] zeros = new byte[1 << 20];
            for (int written = 0; written < size; written += zeros.length) {
                zip.write(zeros, 0, Math.min(zeros.length, size - written));
            }
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private String openAccount() {
        Reply r = college.post("/api/v1/learners", registrar, "");
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json().at("/record/accountNo").asText();
    }

    private static JsonNode ok(Reply r) {
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json();
    }

    private static JsonNode problem(Reply r, int status, String code) {
        assertThat(r.status()).as(r.text()).isEqualTo(status);
        assertThat(r.contentType()).startsWith(Problems.CONTENT_TYPE);
        assertThat(r.json().get("code").asText()).isEqualTo(code);
        return r.json();
    }
}
