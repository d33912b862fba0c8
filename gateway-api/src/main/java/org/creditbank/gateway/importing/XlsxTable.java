package org.creditbank.gateway.importing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.creditbank.gateway.ApiException;
import org.creditbank.model.ErrorCode;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads the first sheet of an Excel workbook (.xlsx) into the rows a CSV export of it would give,
 * so that an upload is checked and reported exactly like the CSV (row numbers are the sheet's).
 * Apache POI reads it with its streaming (SAX) API, so a sheet is never held as a workbook of
 * objects; before POI sees the file, the zip is unpacked once to count what it holds, and a file
 * beyond {@link SpreadsheetLimits} (a zip bomb among them) is refused without being parsed.
 *
 * <p>Cells are read as their values, not as Excel displays them: a number as its plain digits
 * ({@code 2.5}, {@code 20250001}, never {@code 2.50} or {@code 2E+07}), a date cell as an ISO date
 * ({@code 2026-03-01}), which is what the columns expect. A cell that holds a formula is refused
 * (400 {@code SPREADSHEET_UNREADABLE}, naming the cells): the value saved with a formula is what
 * the program that last saved the file computed, if it computed one at all, and a record on the
 * ledger must not rest on a value nobody can see being computed. Paste the values instead.
 */
public final class XlsxTable {

    /** What a browser or client sends an .xlsx as. */
    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final int FORMULA_CELLS_NAMED = 10;

    private XlsxTable() {
    }

    /** Whether an upload is a workbook: said so by its type, or a zip (how every .xlsx starts). */
    public static boolean isWorkbook(String contentType, byte[] body) {
        boolean declared = contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(MEDIA_TYPE);
        return declared || startsWith(body, 0x50, 0x4B, 0x03, 0x04);
    }

    public static CellTable read(byte[] file) {
        return read(file, SpreadsheetLimits.DEFAULTS);
    }

    static CellTable read(byte[] file, SpreadsheetLimits limits) {
        if (startsWith(file, 0xD0, 0xCF, 0x11, 0xE0)) {
            throw unreadable("this is an Excel 97-2003 workbook (.xls) or a password-protected workbook; save it as "
                    + "an Excel Workbook (.xlsx) without a password, or as CSV UTF-8");
        }
        checkUnpackedSize(file, limits);
        Rows rows = new Rows(limits);
        try (OPCPackage workbook = OPCPackage.open(new ByteArrayInputStream(file))) {
            XSSFReader reader = new XSSFReader(workbook);
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw unreadable("the workbook has no sheet");
            }
            XMLReader parser = XMLHelper.newXMLReader();
            FormulaCells formulas = new FormulaCells(reader.getStylesTable(), new ReadOnlySharedStringsTable(workbook), rows);
            parser.setContentHandler(formulas);
            try (InputStream sheet = sheets.next()) {
                parser.parse(new InputSource(sheet));
            }
            if (!formulas.cells.isEmpty()) {
                throw unreadable("cells " + String.join(", ", formulas.named()) + " hold formulas; copy the sheet and "
                        + "paste it as values only (选择性粘贴 > 数值), then upload it again");
            }
        } catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException
                 | org.apache.poi.ooxml.POIXMLException | IllegalArgumentException | IllegalStateException e) {
            throw unreadable("the file is not a readable .xlsx workbook (" + e.getMessage() + "); save it again from "
                    + "Excel, WPS or LibreOffice as an Excel Workbook (.xlsx), or as CSV UTF-8");
        }
        return rows.table();
    }

    /**
     * Unpacks every part once, counting, and refuses a file that unpacks to more than the limits
     * allow; nothing is kept. Done before POI opens the file, which holds all parts in memory.
     */
    private static void checkUnpackedSize(byte[] file, SpreadsheetLimits limits) {
        byte[] buffer = new byte[64 << 10];
        long total = 0;
        int entries = 0;
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(file)).get()) {
            for (Enumeration<ZipArchiveEntry> all = zip.getEntries(); all.hasMoreElements(); ) {
                ZipArchiveEntry entry = all.nextElement();
                if (++entries > limits.maxEntries()) {
                    throw SpreadsheetLimits.tooLarge("the workbook has more than " + limits.maxEntries() + " parts");
                }
                long size = 0;
                try (InputStream part = zip.getInputStream(entry)) {
                    for (int n = part.read(buffer); n >= 0; n = part.read(buffer)) {
                        size += n;
                        if (total + size > limits.maxUnpackedBytes()) {
                            throw SpreadsheetLimits.tooLarge("the workbook unpacks to more than "
                                    + (limits.maxUnpackedBytes() >> 20) + " MiB; a spreadsheet of " + limits.maxRows()
                                    + " rows needs a fraction of that. Save only the sheet to import, as values");
                        }
                    }
                }
                long packed = entry.getCompressedSize();
                if (size > limits.ratioGraceBytes() && packed > 0 && size / packed > limits.maxInflateRatio()) {
                    throw SpreadsheetLimits.tooLarge("part " + entry.getName() + " unpacks to " + size / packed
                            + " times its size (at most " + limits.maxInflateRatio() + " is accepted): the file looks "
                            + "built to exhaust memory (a zip bomb)");
                }
                total += size;
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiException refusal) {
                throw refusal;
            }
            throw unreadable("the file is not a readable .xlsx workbook (" + e.getMessage() + "); save it again as an "
                    + "Excel Workbook (.xlsx), or as CSV UTF-8");
        }
        if (entries == 0) {
            throw unreadable("the file is not an .xlsx workbook (it is an empty zip); upload an Excel Workbook "
                    + "(.xlsx) or a CSV file");
        }
    }

    private static boolean startsWith(byte[] body, int... magic) {
        if (body.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((body[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static ApiException unreadable(String message) {
        return new ApiException(ErrorCode.SPREADSHEET_UNREADABLE, message, List.of(), null, null);
    }

    /** The sheet's rows as text cells, within the limits; empty rows are left out. */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final SpreadsheetLimits limits;
        private final List<CellTable.Line> lines = new ArrayList<>();
        private final TreeMap<Integer, String> row = new TreeMap<>();

        Rows(SpreadsheetLimits limits) {
            this.limits = limits;
        }

        @Override
        public void startRow(int rowNum) {
            row.clear();
        }

        @Override
        public void cell(String cellReference, String formattedValue, XSSFComment comment) {
            if (formattedValue == null || formattedValue.isBlank()) {
                return;
            }
            int column = new CellReference(cellReference).getCol();
            limits.checkColumn(column, "cell " + cellReference);
            limits.checkCell(formattedValue, "cell " + cellReference);
            row.put(column, formattedValue.strip());
        }

        @Override
        public void endRow(int rowNum) {
            if (row.isEmpty()) {
                return;
            }
            List<String> cells = new ArrayList<>();
            for (int i = 0; i <= row.lastKey(); i++) {
                cells.add(row.getOrDefault(i, ""));
            }
            lines.add(new CellTable.Line(rowNum + 1, cells));
            limits.checkRows(lines.size() - 1);
        }

        CellTable table() {
            if (lines.isEmpty()) {
                throw unreadable("the first sheet of the workbook is empty");
            }
            return new CellTable(lines.get(0), lines.subList(1, lines.size()));
        }
    }

    /** POI's sheet reader, noting each cell that holds a formula ({@code <f>} inside {@code <c r="B2">}). */
    private static final class FormulaCells extends XSSFSheetXMLHandler {
        private final TreeSet<CellReference> cells = new TreeSet<>((a, b) -> a.getRow() != b.getRow()
                ? Integer.compare(a.getRow(), b.getRow()) : Integer.compare(a.getCol(), b.getCol()));
        private String cell;

        FormulaCells(StylesTable styles, ReadOnlySharedStringsTable strings, Rows rows) {
            super(styles, null, strings, rows, new CellValues(), false);
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
            if ("c".equals(localName)) {
                cell = attributes.getValue("r");
            } else if ("f".equals(localName) && cell != null) {
                cells.add(new CellReference(cell));
            }
            super.startElement(uri, localName, qName, attributes);
        }

        List<String> named() {
            List<String> names = new ArrayList<>(cells.stream().limit(FORMULA_CELLS_NAMED)
                    .map(c -> c.formatAsString(false)).toList());
            if (cells.size() > FORMULA_CELLS_NAMED) {
                names.add("and " + (cells.size() - FORMULA_CELLS_NAMED) + " more");
            }
            return names;
        }
    }

    /** Numbers as plain digits, dates as ISO dates, whatever format the cell is displayed in. */
    private static final class CellValues extends DataFormatter {
        CellValues() {
            super(Locale.ROOT);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return DateUtil.getLocalDateTime(value).toLocalDate().toString();
            }
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
    }
}
