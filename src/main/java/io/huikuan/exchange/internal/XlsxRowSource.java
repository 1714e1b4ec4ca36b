package io.huikuan.exchange.internal;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

/** Rows of the first sheet of an XLSX workbook, streamed with fastexcel-reader. */
final class XlsxRowSource implements RowSource {

    private final ReadableWorkbook workbook;
    private final Stream<Row> stream;
    private final Iterator<Row> rows;
    private List<String> header;
    private long headerRow;

    XlsxRowSource(File file) {
        try {
            this.workbook = new ReadableWorkbook(file);
            this.stream = workbook.getFirstSheet().openStream();
            this.rows = stream.iterator();
        } catch (IOException | RuntimeException e) {
            throw new BadFileException("the file is not a readable XLSX spreadsheet (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); save it as .xlsx or .csv");
        }
    }

    @Override
    public List<String> header() {
        if (header == null) {
            SourceRow first = nextNonBlank();
            if (first == null) {
                throw new BadFileException(1, "file", "", "the first sheet is empty: expected a header row with column names");
            }
            headerRow = first.row();
            header = new ArrayList<>(List.of(first.cells()));
            while (!header.isEmpty() && (header.get(header.size() - 1) == null || header.get(header.size() - 1).isBlank())) {
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
        return nextNonBlank();
    }

    private SourceRow nextNonBlank() {
        try {
            while (rows.hasNext()) {
                Row r = rows.next();
                String[] cells = new String[r.getCellCount()];
                for (int i = 0; i < cells.length; i++) {
                    cells[i] = text(r.getCell(i));
                }
                SourceRow row = new SourceRow(r.getRowNum(), cells);
                if (!row.blank()) {
                    return row;
                }
            }
            return null;
        } catch (UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            throw new BadFileException("the spreadsheet cannot be read: " + e.getMessage());
        } catch (RuntimeException e) {
            throw new BadFileException("the spreadsheet cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static String text(Cell c) {
        if (c == null) {
            return "";
        }
        return switch (c.getType()) {
            case NUMBER -> number(c.getRawValue());
            case STRING -> c.asString();
            case BOOLEAN -> String.valueOf(c.asBoolean());
            case FORMULA -> c.getRawValue() == null ? "" : number(c.getRawValue());
            case ERROR -> "#ERROR " + c.getRawValue();
            case EMPTY -> "";
        };
    }

    /** Excel stores doubles: 0.1+0.2 style noise is removed by the shortest decimal representation. */
    private static String number(String raw) {
        if (raw == null) {
            return "";
        }
        try {
            double d = Double.parseDouble(raw);
            BigDecimal b = new BigDecimal(Double.toString(d)).stripTrailingZeros();
            return b.scale() < 0 ? b.setScale(0).toPlainString() : b.toPlainString();
        } catch (NumberFormatException e) {
            return raw;
        }
    }

    @Override
    public boolean spreadsheet() {
        return true;
    }

    @Override
    public String description() {
        return "XLSX";
    }

    @Override
    public void close() {
        try {
            stream.close();
            workbook.close();
        } catch (IOException | RuntimeException ignored) {
            // nothing to do
        }
    }
}
