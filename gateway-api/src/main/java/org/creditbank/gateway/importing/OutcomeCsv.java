package org.creditbank.gateway.importing;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
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
import org.apache.commons.csv.DuplicateHeaderMode;
import org.creditbank.model.ErrorCode;
import org.creditbank.model.Violation;
import org.creditbank.model.outcome.OutcomeDraft;
import org.creditbank.model.outcome.OutcomeKind;
import org.creditbank.model.outcome.Result;

/**
 * Reads the outcome spreadsheet registrars export as CSV (UTF-8, with or without the byte-order
 * mark Excel writes). The header row names the columns, in any order:
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

    /** Parses and validates every row; a broken header is reported as row 1. */
    public static List<Row> read(String csv) {
        String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL).get();
        try (Reader reader = new StringReader(text); CSVParser parser = CSVParser.parse(reader, format)) {
            List<String> missing = REQUIRED.stream().filter(c -> !parser.getHeaderNames().contains(c)).toList();
            List<String> unknown = parser.getHeaderNames().stream().filter(c -> !COLUMNS.contains(c)).toList();
            List<String> twice = parser.getHeaderNames().stream()
                    .filter(c -> Collections.frequency(parser.getHeaderNames(), c) > 1).distinct().toList();
            if (!missing.isEmpty() || !unknown.isEmpty() || !twice.isEmpty()) {
                String message = (missing.isEmpty() ? "" : "missing columns: " + String.join(", ", missing) + ". ")
                        + (unknown.isEmpty() ? "" : "unknown columns: " + String.join(", ", unknown) + ". ")
                        + (twice.isEmpty() ? "" : "columns named more than once: " + String.join(", ", twice) + ". ")
                        + "Expected: " + String.join(",", COLUMNS);
                return List.of(new Row(1, null, List.of(new Violation(ErrorCode.MALFORMED_INPUT, "header", message.strip()))));
            }
            List<Row> rows = new ArrayList<>();
            Map<String, Integer> firstRowOf = new HashMap<>();
            for (CSVRecord record : parser) {
                Row row = row(record, parser.getHeaderNames().size());
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
        } catch (IOException | RuntimeException e) {
            return List.of(new Row(1, null, List.of(new Violation(ErrorCode.MALFORMED_INPUT, null,
                    "the file is not readable CSV: " + e.getMessage()))));
        }
    }

    private static Row row(CSVRecord record, int columns) {
        int rowNumber = (int) record.getRecordNumber() + 1;
        List<Violation> problems = new ArrayList<>();
        for (int i = columns; i < record.size(); i++) {
            if (!record.get(i).isEmpty()) {
                problems.add(new Violation(ErrorCode.MALFORMED_INPUT, null, "this row has a value in column " + (i + 1)
                        + " ('" + record.get(i) + "'), but the header names only " + columns + " columns"));
                break;
            }
        }
        OutcomeKind kind = enumCell(record, "kind", OutcomeKind.class, problems);
        Result.Scale scale = enumCell(record, "resultScale", Result.Scale.class, problems);
        BigDecimal credits = decimalCell(record, "credits", problems);
        Integer hours = intCell(record, "hours", problems);
        Integer level = intCell(record, "level", problems);
        String resultValue = cell(record, "resultValue");
        OutcomeDraft draft = new OutcomeDraft(cell(record, "localId"), cell(record, "learner"), kind,
                cell(record, "achievementCode"), cell(record, "achievementTitle"), cell(record, "category"), credits,
                hours, level, scale == null && resultValue == null ? null : new Result(scale, resultValue),
                cell(record, "activityStart"), cell(record, "activityEnd"), cell(record, "validUntil"),
                lower(cell(record, "evidenceHash")), cell(record, "evidenceUri"));
        if (problems.isEmpty()) {
            problems.addAll(draft.validate());
        }
        return new Row(rowNumber, problems.isEmpty() ? draft : null, problems);
    }

    private static String cell(CSVRecord record, String column) {
        if (!record.isMapped(column) || !record.isSet(column)) {
            return null;
        }
        String value = record.get(column);
        return value.isEmpty() ? null : value;
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    private static <E extends Enum<E>> E enumCell(CSVRecord record, String column, Class<E> type, List<Violation> problems) {
        String value = cell(record, column);
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

    private static BigDecimal decimalCell(CSVRecord record, String column, List<Violation> problems) {
        String value = cell(record, column);
        try {
            return value == null ? null : new BigDecimal(value);
        } catch (NumberFormatException e) {
            problems.add(new Violation(ErrorCode.INVALID_FIELD, column, column + " must be a number, not '" + value + "'"));
            return null;
        }
    }

    private static Integer intCell(CSVRecord record, String column, List<Violation> problems) {
        String value = cell(record, column);
        try {
            return value == null ? null : Integer.valueOf(value);
        } catch (NumberFormatException e) {
            problems.add(new Violation(ErrorCode.INVALID_FIELD, column, column + " must be a whole number, not '" + value + "'"));
            return null;
        }
    }
}
