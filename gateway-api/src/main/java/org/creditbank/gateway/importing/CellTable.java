package org.creditbank.gateway.importing;

import java.util.List;

/**
 * A spreadsheet as its rows of text, whichever file it came in (CSV or .xlsx): what
 * {@link OutcomeCsv} checks, so that both files give the same report for the same rows.
 *
 * @param header the first row that is not empty: the column names
 * @param rows   the rows below it that are not empty, in order
 */
public record CellTable(Line header, List<Line> rows) {

    /** One row, numbered as the spreadsheet shows it (the first row is 1), and its cells from column A on. */
    public record Line(int number, List<String> cells) {
        public Line {
            cells = List.copyOf(cells);
        }

        /** The cell in {@code column} (0-based), or "" past the end of the row. */
        String cell(int column) {
            return column < cells.size() ? cells.get(column) : "";
        }

        boolean blank() {
            return cells.stream().allMatch(String::isEmpty);
        }
    }

    public CellTable {
        rows = List.copyOf(rows);
    }
}
