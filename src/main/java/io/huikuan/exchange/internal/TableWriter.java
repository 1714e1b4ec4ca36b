package io.huikuan.exchange.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** Writes a table row by row to CSV or XLSX without holding it in memory. */
public interface TableWriter extends AutoCloseable {

    void header(List<String> names);

    void row(Object... values);

    @Override
    void close();

    /** CSV, UTF-8 with a byte order mark so that Excel shows Chinese correctly; dates yyyy-MM-dd, plain amounts. */
    /**
     * Text that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a leading
     * apostrophe, so an exported CSV opened in Excel cannot execute what a debtor typed (CSV injection).
     * Numbers are written as numbers and are not affected.
     */
    static String safeText(String t) {
        if (!t.isEmpty() && "=+-@\t\r".indexOf(t.charAt(0)) >= 0) {
            return "'" + t;
        }
        return t;
    }

    static TableWriter csv(OutputStream out) {
        try {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            CSVPrinter printer = new CSVPrinter(w, CSVFormat.RFC4180);
            return new TableWriter() {
                @Override
                public void header(List<String> names) {
                    row(names.toArray());
                }

                @Override
                public void row(Object... values) {
                    try {
                        for (Object v : values) {
                            printer.print(v instanceof BigDecimal b ? b.toPlainString() : v instanceof String t ? safeText(t) : v);
                        }
                        printer.println();
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }

                @Override
                public void close() {
                    try {
                        printer.flush();
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            };
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** XLSX with fastexcel: amounts as numbers, dates as date cells; flushed every 1000 rows; a new sheet past Excel's row limit. */
    static TableWriter xlsx(OutputStream out, String sheetName) {
        Workbook wb = new Workbook(out, "Huikuan", "1.0");
        return new TableWriter() {
            private static final int MAX_ROWS = 1_048_576;
            private Worksheet ws = wb.newWorksheet(sheetName);
            private List<String> header;
            private int sheets = 1;
            private int r;

            @Override
            public void header(List<String> names) {
                header = names;
                writeHeader();
            }

            private void writeHeader() {
                for (int c = 0; c < header.size(); c++) {
                    ws.value(0, c, header.get(c));
                    ws.style(0, c).bold().set();
                }
                ws.freezePane(0, 1);
                r = 1;
            }

            @Override
            public void row(Object... values) {
                try {
                    if (r == MAX_ROWS) {
                        ws.finish();
                        ws = wb.newWorksheet(sheetName + " (" + ++sheets + ")");
                        writeHeader();
                    }
                    for (int c = 0; c < values.length; c++) {
                        Object v = values[c];
                        if (v == null) {
                            continue;
                        }
                        if (v instanceof BigDecimal b) {
                            ws.value(r, c, b);
                            ws.style(r, c).format("#,##0.00").set();
                        } else if (v instanceof Number n) {
                            ws.value(r, c, n);
                        } else if (v instanceof LocalDate d) {
                            ws.value(r, c, d);
                            ws.style(r, c).format("yyyy-mm-dd").set();
                        } else {
                            ws.value(r, c, v.toString());
                        }
                    }
                    r++;
                    if (r % 1000 == 0) {
                        ws.flush();
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }

            @Override
            public void close() {
                try {
                    wb.finish();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        };
    }
}
