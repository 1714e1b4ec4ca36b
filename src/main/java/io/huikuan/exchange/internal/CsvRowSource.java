package io.huikuan.exchange.internal;

import io.huikuan.exchange.ImportLimits;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV rows with Commons CSV (RFC 4180: quotes, embedded commas and line breaks). Every record
 * is a spreadsheet row, so blank lines count as rows (as Excel shows them) but are skipped.
 */
final class CsvRowSource implements RowSource {

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final String charset;
    private final ImportLimits limits;
    private final StrictLineDecoder decoder;
    /** The record after the one being read, parsed early to know where that one ends. */
    private CSVRecord ahead;
    private List<String> header;
    private long headerRow;
    private long lastRow;

    /** {@code decoder}: the strict decoder under {@code reader}, whose problems are pinned to rows here; null when there is none. */
    CsvRowSource(Reader reader, String charset, char delimiter, ImportLimits limits, StrictLineDecoder decoder) {
        this.charset = charset;
        this.limits = limits;
        this.decoder = decoder;
        try {
            this.parser = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).setTrim(false)
                    .get().parse(reader);
        } catch (IOException e) {
            throw new BadFileException("the file cannot be read as CSV: " + e.getMessage());
        }
        this.records = parser.iterator();
    }

    @Override
    public List<String> header() {
        if (header == null) {
            SourceRow first;
            do {
                first = read();
                if (first == null) {
                    throw new BadFileException(1, "file", "", "the file is empty: expected a header row with column names");
                }
            } while (first.blank());
            headerRow = first.row();
            header = new ArrayList<>(List.of(first.cells()));
            // trailing empty header cells (a trailing comma) are not columns
            while (!header.isEmpty() && header.get(header.size() - 1).isBlank()) {
                header.remove(header.size() - 1);
            }
        }
        return header;
    }

    @Override
    public long headerRow() {
        return headerRow;
    }

    @Override
    public SourceRow next() {
        header();
        SourceRow row;
        do {
            row = read();
            if (row == null) {
                return null;
            }
        } while (row.blank());
        String[] cells = row.cells();
        if (cells.length != header.size()) {
            boolean extraBlank = cells.length > header.size();
            for (int i = header.size(); i < cells.length && extraBlank; i++) {
                extraBlank = cells[i].isBlank();
            }
            if (!extraBlank) {
                throw new RowShapeException(row.row(), cells.length, header.size());
            }
        }
        return row;
    }

    private SourceRow read() {
        try {
            CSVRecord r = ahead != null ? ahead : records.hasNext() ? records.next() : null;
            ahead = null;
            if (r == null) {
                encoding(null, Long.MAX_VALUE);
                return null;
            }
            lastRow = r.getRecordNumber();
            if (decoder != null && decoder.problem() != null) {
                // the problem is in this record unless it starts at or after the next one
                try {
                    ahead = records.hasNext() ? records.next() : null;
                } catch (UncheckedIOException | IllegalStateException e) {
                    encoding(r, Long.MAX_VALUE); // broken quoting after a row in the wrong encoding: the encoding is the news
                    throw e;
                }
                encoding(r, ahead == null ? Long.MAX_VALUE : ahead.getCharacterPosition());
            }
            if (lastRow > limits.maxRows()) {
                throw XlsxGuard.refused("it has more than " + limits.maxRows() + " rows", "max-rows", limits.maxRows());
            }
            String[] values = r.values();
            for (String v : values) {
                if (v.length() > limits.maxCellChars()) {
                    throw new BadFileException(lastRow, "file", "huikuan.imports.max-cell-chars=" + limits.maxCellChars(), "row " + lastRow
                            + " has a value of more than " + limits.maxCellChars() + " characters (limit huikuan.imports.max-cell-chars="
                            + limits.maxCellChars() + "); nothing was imported");
                }
            }
            return new SourceRow(lastRow, values);
        } catch (UncheckedIOException | IllegalStateException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            long row = lastRow + 1;
            if (cause instanceof CharacterCodingException) {
                throw new BadFileException(row, "file", "", "the file is not valid " + charset
                        + " text near row " + row + " (line " + parser.getCurrentLineNumber() + "); save it as UTF-8 CSV or as .xlsx");
            }
            String detail = cause.getMessage() == null ? cause.toString() : cause.getMessage();
            throw new BadFileException(row, "file", "", "malformed CSV at row " + row + " (line " + parser.getCurrentLineNumber()
                    + "): " + hint(detail) + " [" + detail + "]");
        }
    }

    /** Refuses the file when the decoder found a problem before {@code end} (the offset where the record after {@code r} starts). */
    private void encoding(CSVRecord r, long end) {
        StrictLineDecoder.Problem problem = decoder == null ? null : decoder.problem();
        if (problem == null || problem.offset() >= end) {
            return;
        }
        long row = r == null ? lastRow + 1 : r.getRecordNumber();
        throw new BadFileException(row, "file", "", "row " + row + " (line " + problem.line() + " of the file) " + problem.message()
                + "; save the whole file in one encoding (CSV UTF-8, or .xlsx) and import it again; nothing was imported");
    }

    private static String hint(String detail) {
        if (detail.contains("EOF reached before encapsulated token finished")) {
            return "a quoted value is never closed (unbalanced quotes)";
        }
        if (detail.contains("invalid char between encapsulated token and delimiter")) {
            return "text after a closing quote (unbalanced or unescaped quotes; write a quote inside a quoted value as \"\")";
        }
        return "the CSV structure is broken";
    }

    @Override
    public boolean spreadsheet() {
        return false;
    }

    @Override
    public String description() {
        return "CSV (" + charset + ")";
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }

    /** A data row whose number of cells differs from the header's. */
    static final class RowShapeException extends RuntimeException {
        final long row;
        final int found;
        final int expected;

        RowShapeException(long row, int found, int expected) {
            super("row " + row + " has " + found + " columns, the header has " + expected);
            this.row = row;
            this.found = found;
            this.expected = expected;
        }
    }
}
