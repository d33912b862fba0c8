package org.creditbank.gateway.importing;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.creditbank.model.ErrorCode;
import org.creditbank.model.Violation;
import org.creditbank.model.outcome.OutcomeDraft;
import org.creditbank.model.outcome.OutcomeKind;
import org.creditbank.model.outcome.Result;

/**
 * Reads the outcome spreadsheet registrars export as CSV (UTF-8, with or without the byte-order
 * mark Excel writes), and checks its rows, also those of an .xlsx ({@link XlsxTable} reads it
 * into the same {@link CellTable}). The header row names the columns, in any order:
 * <pre>
 * localId,learner,kind,achievementCode,achievementTitle,category,credits,hours,level,
 * resultScale,resultValue,activityStart,activityEnd,validUntil,evidenceHash,evidenceUri
 * </pre>
 * Empty cells mean "not given". Rows are numbered as the spreadsheet shows them (header = row 1).
 *
 * <p>Besides each row's own cells, the file must be consistent: each column named once, no row
 * with more filled cells than the header has columns (its values would be silently dropped), and
 * each localId on one row only (a later row with the same localId is refused and names the first).
 */
public final class OutcomeCsv {

    public static final List<String> COLUMNS = List.of("localId", "learner", "kind", "achievementCode",
            "achievementTitle", "category", "credits", "hours", "level", "resultScale", "resultValue",
            "activityStart", "activityEnd", "validUntil", "evidenceHash", "evidenceUri");
    private static final List<String> REQUIRED = List.of("localId", "learner", "kind", "achievementCode",
            "achievementTitle", "credits", "resultScale", "resultValue", "activityStart", "activityEnd", "evidenceHash");

    /** One data row: its spreadsheet row number and either a draft or why it could not be read. */
    public record Row(int rowNumber, OutcomeDraft draft, List<Violation> violations) {
        public boolean valid() {
            return violations.isEmpty();
        }
    }

    private OutcomeCsv() {
    }

    /** Parses and validates every row of a CSV file; a file that is not CSV is reported as row 1. */
    public static List<Row> read(String csv) {
        return read(csv, SpreadsheetLimits.DEFAULTS);
    }

    static List<Row> read(String csv, SpreadsheetLimits limits) {
        String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setTrim(true).get();
        List<CellTable.Line> lines = new ArrayList<>();
        try (Reader reader = new StringReader(text); CSVParser parser = CSVParser.parse(reader, format)) {
            for (CSVRecord record : parser) {
                List<String> cells = record.toList();
                CellTable.Line line = new CellTable.Line((int) record.getRecordNumber(), cells);
                for (int i = 0; i < cells.size(); i++) {
                    if (!cells.get(i).isEmpty()) {
                        limits.checkColumn(i, "row " + line.number());
                        limits.checkCell(cells.get(i), "row " + line.number() + ", column " + (i + 1));
                    }
                }
                if (!line.blank()) {
                    lines.add(line);
                    limits.checkRows(lines.size() - 1);
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            return List.of(new Row(1, null, List.of(new Violation(ErrorCode.MALFORMED_INPUT, null,
                    "the file is not readable CSV: " + e.getMessage()))));
        }
        if (lines.isEmpty()) {
            lines.add(new CellTable.Line(1, List.of()));
        }
        return read(new CellTable(lines.get(0), lines.subList(1, lines.size())));
    }

    /**
     * Validates every row of a spreadsheet, however it was read; a broken header is reported on
     * the header's row. Rows with no value at all are not rows (a spreadsheet keeps formatted
     * empty rows) and are skipped.
     */
    public static List<Row> read(CellTable table) {
        List<String> names = table.header().cells();
        int width = names.size();
        while (width > 0 && names.get(width - 1).isEmpty()) {
            width--;
        }
        List<String> header = names.subList(0, width);
        List<String> missing = REQUIRED.stream().filter(c -> !header.contains(c)).toList();
        List<String> unknown = header.stream().filter(c -> !COLUMNS.contains(c)).toList();
        List<String> twice = header.stream().filter(c -> Collections.frequency(header, c) > 1).distinct().toList();
        if (!missing.isEmpty() || !unknown.isEmpty() || !twice.isEmpty()) {
            String message = (missing.isEmpty() ? "" : "missing columns: " + String.join(", ", missing) + ". ")
                    + (unknown.isEmpty() ? "" : "unknown columns: " + String.join(", ", unknown) + ". ")
                    + (twice.isEmpty() ? "" : "columns named more than once: " + String.join(", ", twice) + ". ")
                    + "Expected: " + String.join(",", COLUMNS);
            return List.of(new Row(table.header().number(), null,
                    List.of(new Violation(ErrorCode.MALFORMED_INPUT, "header", message.strip()))));
        }
        Map<String, Integer> columnOf = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            columnOf.put(header.get(i), i);
        }
        List<Row> rows = new ArrayList<>();
        Map<String, Integer> firstRowOf = new HashMap<>();
        for (CellTable.Line line : table.rows()) {
            if (line.blank()) {
                continue;
            }
            Row row = row(new Cells(line, columnOf), header.size());
            if (row.valid()) {
                Integer first = firstRowOf.putIfAbsent(row.draft().localId(), row.rowNumber());
                if (first != null) {
                    row = new Row(row.rowNumber(), null, List.of(new Violation(ErrorCode.CONFLICT, "localId",
                            "localId " + row.draft().localId() + " is already on row " + first + " of this file")));
                }
            }
            rows.add(row);
        }
        return rows;
    }

    /** One row's cells by column name; an empty cell is "not given". */
    private record Cells(CellTable.Line line, Map<String, Integer> columnOf) {
        String get(String column) {
            Integer i = columnOf.get(column);
            String value = i == null ? "" : line.cell(i);
            return value.isEmpty() ? null : value;
        }
    }

    private static Row row(Cells record, int columns) {
        int rowNumber = record.line().number();
        List<Violation> problems = new ArrayList<>();
        List<String> cells = record.line().cells();
        for (int i = columns; i < cells.size(); i++) {
            if (!cells.get(i).isEmpty()) {
                problems.add(new Violation(ErrorCode.MALFORMED_INPUT, null, "this row has a value in column " + (i + 1)
                        + " ('" + cells.get(i) + "'), but the header names only " + columns + " columns"));
                break;
            }
        }
        OutcomeKind kind = enumCell(record, "kind", OutcomeKind.class, problems);
        Result.Scale scale = enumCell(record, "resultScale", Result.Scale.class, problems);
        BigDecimal credits = decimalCell(record, "credits", problems);
        Integer hours = intCell(record, "hours", problems);
        Integer level = intCell(record, "level", problems);
        String resultValue = record.get("resultValue");
        OutcomeDraft draft = new OutcomeDraft(record.get("localId"), record.get("learner"), kind,
                record.get("achievementCode"), record.get("achievementTitle"), record.get("category"), credits,
                hours, level, scale == null && resultValue == null ? null : new Result(scale, resultValue),
                record.get("activityStart"), record.get("activityEnd"), record.get("validUntil"),
                lower(record.get("evidenceHash")), record.get("evidenceUri"));
        if (problems.isEmpty()) {
            problems.addAll(draft.validate());
        }
        return new Row(rowNumber, problems.isEmpty() ? draft : null, problems);
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    private static <E extends Enum<E>> E enumCell(Cells record, String column, Class<E> type, List<Violation> problems) {
        String value = record.get(column);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new Violation(ErrorCode.INVALID_FIELD, column, column + " must be one of "
                    + Arrays.toString(type.getEnumConstants()) + ", not '" + value + "'"));
            return null;
        }
    }

    private static BigDecimal decimalCell(Cells record, String column, List<Violation> problems) {
        String value = record.get(column);
        try {
            return value == null ? null : new BigDecimal(value);
        } catch (NumberFormatException e) {
            problems.add(new Violation(ErrorCode.INVALID_FIELD, column, column + " must be a number, not '" + value + "'"));
            return null;
        }
    }

    private static Integer intCell(Cells record, String column, List<Violation> problems) {
        String value = record.get(column);
        try {
            return value == null ? null : Integer.valueOf(value);
        } catch (NumberFormatException e) {
            problems.add(new Violation(ErrorCode.INVALID_FIELD, column, column + " must be a whole number, not '" + value + "'"));
            return null;
        }
    }
}
