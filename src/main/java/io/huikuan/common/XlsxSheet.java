package io.huikuan.common;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Worksheets as an XLSX file (fastexcel): a bold header row that stays in view, amounts as numbers shown with two
 * decimals, dates as date cells, everything else as text. One writer for every XLSX table the application serves.
 */
public final class XlsxSheet {

    private XlsxSheet() {
    }

    /** A worksheet: its name, header and rows (values: text, BigDecimal amounts, dates, numbers; null = empty). */
    public record Sheet(String name, List<String> header, List<List<Object>> rows) {
    }

    public static byte[] write(Sheet... sheets) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "Huikuan", "1.0");
            for (Sheet sheet : sheets) {
                sheet(wb, sheet.name(), sheet.header(), sheet.rows());
            }
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void sheet(Workbook wb, String name, List<String> header, List<List<Object>> rows) throws IOException {
        Worksheet ws = wb.newWorksheet(name.length() > 31 ? name.substring(0, 31) : name);
        for (int c = 0; c < header.size(); c++) {
            ws.value(0, c, header.get(c));
            ws.style(0, c).bold().set();
        }
        ws.freezePane(0, 1);
        for (int r = 0; r < rows.size(); r++) {
            List<Object> row = rows.get(r);
            for (int c = 0; c < row.size(); c++) {
                cell(ws, r + 1, c, row.get(c));
            }
        }
        ws.finish();
    }

    private static void cell(Worksheet ws, int r, int c, Object v) {
        switch (v) {
            case null -> { }
            case BigDecimal amount -> {
                ws.value(r, c, amount.setScale(2, RoundingMode.HALF_UP));
                ws.style(r, c).format("#,##0.00").set();
            }
            case LocalDate date -> {
                ws.value(r, c, date);
                ws.style(r, c).format("yyyy-mm-dd").set();
            }
            case Number n -> ws.value(r, c, n);
            default -> ws.value(r, c, v.toString());
        }
    }
}
