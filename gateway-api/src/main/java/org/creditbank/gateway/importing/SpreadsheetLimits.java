package org.creditbank.gateway.importing;

import java.util.List;
import org.creditbank.gateway.ApiException;
import org.creditbank.model.ErrorCode;

/**
 * How much one uploaded spreadsheet may hold, CSV or .xlsx alike, so that one file cannot take
 * the gateway's memory or keep a request busy for an hour. A CSV is already bounded by the body
 * limit; an .xlsx is a zip, and a few hundred kilobytes of it can unpack to gigabytes (a "zip
 * bomb"), so what it unpacks to is bounded too, before any of it is parsed. Each breach is a 413
 * {@code SPREADSHEET_TOO_LARGE} that says which limit and how to stay within it.
 *
 * @param maxRows          data rows in one file (a term larger than this is imported in several files)
 * @param maxColumns       columns a row may reach (the file has 16 known columns)
 * @param maxCellChars     characters in one cell (the longest field, an evidence URI, is far shorter)
 * @param maxEntries       parts in one .xlsx zip (Excel writes about ten)
 * @param maxUnpackedBytes bytes all parts of one .xlsx unpack to together: it is read in memory
 * @param maxInflateRatio  how many times larger than its compressed size one part larger than
 *                         {@code ratioGraceBytes} may unpack to (Apache POI's own default is 100)
 * @param ratioGraceBytes  parts up to this size may compress as well as they like
 */
public record SpreadsheetLimits(int maxRows, int maxColumns, int maxCellChars, int maxEntries, long maxUnpackedBytes,
                                int maxInflateRatio, long ratioGraceBytes) {

    /** The limits every import uses: a large college term (20,000 results) fits in one file. */
    public static final SpreadsheetLimits DEFAULTS = new SpreadsheetLimits(20_000, 64, 10_000, 200, 64L << 20, 100,
            100L << 10);

    /** Refuses the file when it has more than {@link #maxRows} data rows. */
    void checkRows(int dataRows) {
        if (dataRows > maxRows) {
            throw tooLarge("the file has more than " + maxRows + " rows; import it in several files of at most "
                    + maxRows + " rows each");
        }
    }

    /** Refuses a value in a column (0-based) beyond {@link #maxColumns}. */
    void checkColumn(int column, String where) {
        if (column >= maxColumns) {
            throw tooLarge(where + " holds a value in column " + (column + 1) + "; a file may use at most "
                    + maxColumns + " columns");
        }
    }

    /** Refuses a cell longer than {@link #maxCellChars}. */
    void checkCell(String value, String where) {
        if (value != null && value.length() > maxCellChars) {
            throw tooLarge(where + " holds " + value.length() + " characters; a cell may hold at most " + maxCellChars);
        }
    }

    static ApiException tooLarge(String message) {
        return new ApiException(ErrorCode.SPREADSHEET_TOO_LARGE, message, List.of(), null, null);
    }
}
