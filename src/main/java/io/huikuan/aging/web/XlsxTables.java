package io.huikuan.aging.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/**
 * The aging pages' small tables as an XLSX download (fastexcel, as the exchange module's exports):
 * a bold localized header row, amounts as numeric cells with 2 decimals, rates as percentages,
 * dates as date cells. The exchange module's writer is internal to it, so the aging module has its own.
 */
final class XlsxTables {

    static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** One worksheet; a row's values are strings, BigDecimal amounts, {@link Num}s, numbers or dates (null: empty cell). */
    record Sheet(String name, List<String> header, List<List<Object>> rows) {
    }

    /** A number with its own format, e.g. a rate {@code 0.05} as {@code 0.00%} or days as {@code 0.0}. */
    record Num(BigDecimal value, String format) {

        static Num percent(BigDecimal fraction) {
            return new Num(fraction, "0.00%");
        }

        static Num days(BigDecimal days) {
            return new Num(days, "0.0");
        }
    }

    private XlsxTables() {
    }

    /** Writes the sheets as the response, an attachment named {@code fileName}. */
    static void send(HttpServletResponse response, String fileName, List<Sheet> sheets) throws IOException {
        response.setContentType(CONTENT_TYPE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString());
        OutputStream out = response.getOutputStream();
        write(out, sheets);
        out.flush();
    }

    static void write(OutputStream out, List<Sheet> sheets) throws IOException {
        Workbook wb = new Workbook(out, "Huikuan", "1.0");
        for (Sheet sheet : sheets) {
            Worksheet ws = wb.newWorksheet(sheetName(sheet.name()));
            for (int c = 0; c < sheet.header().size(); c++) {
                ws.value(0, c, sheet.header().get(c));
                ws.style(0, c).bold().set();
            }
            ws.freezePane(0, 1);
            int r = 1;
            for (List<Object> row : sheet.rows()) {
                for (int c = 0; c < row.size(); c++) {
                    cell(ws, r, c, row.get(c));
                }
                r++;
            }
            ws.finish();
        }
        wb.finish();
    }

    private static void cell(Worksheet ws, int r, int c, Object v) {
        switch (v) {
            case null -> { }
            case BigDecimal amount -> {
                ws.value(r, c, amount.setScale(2, RoundingMode.HALF_UP));
                ws.style(r, c).format("#,##0.00").set();
            }
            case Num num -> {
                if (num.value() != null) {
                    ws.value(r, c, num.value());
                    ws.style(r, c).format(num.format()).set();
                }
            }
            case Number n -> ws.value(r, c, n);
            case LocalDate d -> {
                ws.value(r, c, d);
                ws.style(r, c).format("yyyy-mm-dd").set();
            }
            default -> ws.value(r, c, String.valueOf(v));
        }
    }

    /** Excel's rules for sheet names: at most 31 characters, none of {@code []:*?/\}. */
    static String sheetName(String name) {
        String cleaned = name.replaceAll("[\\[\\]:*?/\\\\]", " ").strip();
        return cleaned.isEmpty() ? "Sheet" : cleaned.length() > 31 ? cleaned.substring(0, 31) : cleaned;
    }
}
