package io.huikuan.correspondence;

import io.huikuan.correspondence.XhtmlPdfWriter.Align;
import io.huikuan.correspondence.XhtmlPdfWriter.Style;
import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Tables for {@link XhtmlPdfWriter}: columns sized as HTML's automatic table layout (each column at least its longest
 * unbreakable word, as wide as its widest cell when that fits, the rest shared in proportion), except that a column
 * with amounts or dates ({@code num}, {@code date}, {@code nowrap} cells) is never narrower than its widest such cell:
 * an amount or a date is never broken. If even that does not fit the page, the table's text is made smaller. Rows that
 * do not fit go to a new page, under the repeated {@code thead}.
 */
final class XhtmlTableLayout {

    private static final float MM = XhtmlPdfWriter.MM;
    private static final float PAD_X = 1.5f * MM;
    private static final float PAD_Y = 1.2f * MM;
    private static final float RULE = 0.5f;
    private static final float SMALLEST = 6f;
    private static final Color BORDER = new Color(0x99, 0x99, 0x99);
    private static final Color HEADER = new Color(0xee, 0xf3, 0xf3);

    private final XhtmlPdfWriter page;
    private final PdfTextMeasure measure;

    XhtmlTableLayout(XhtmlPdfWriter page, PdfTextMeasure measure) {
        this.page = page;
        this.measure = measure;
    }

    /** One cell: its text, how many columns it spans, whether it is a heading, right-aligned, unbreakable. */
    private record Cell(String text, int span, boolean heading, boolean right, boolean nowrap) {
    }

    private record Row(List<Cell> cells, boolean bold, boolean heading) {
    }

    void table(XhtmlNode table, float x, float width) throws IOException {
        boolean plain = table.has("facts") || table.has("slip-sign");
        boolean facts = table.has("facts");
        // a letter's invoice table: no cell breaks (amounts, dates, invoice numbers); letters' tables have smaller text
        boolean nowrap = table.has("invoices");
        List<Row> head = new ArrayList<>();
        List<Row> body = new ArrayList<>();
        for (XhtmlNode section : table.elements()) {
            switch (section.tag()) {
                case "thead" -> XhtmlPdfWriter.rows(section).forEach(r -> head.add(row(r, nowrap)));
                case "tbody", "tfoot" -> XhtmlPdfWriter.rows(section).forEach(r -> body.add(row(r, nowrap)));
                case "tr" -> body.add(row(section, nowrap));
                default -> {
                }
            }
        }
        int n = 0;
        for (Row r : head.isEmpty() ? body : head) {
            n = Math.max(n, r.cells().stream().mapToInt(Cell::span).sum());
        }
        for (Row r : body) {
            n = Math.max(n, r.cells().stream().mapToInt(Cell::span).sum());
        }
        if (n == 0) {
            return;
        }
        float size = nowrap || table.has("slip") ? 8.5f : XhtmlPdfWriter.BODY;
        float[] columns;
        if (plain) {
            columns = new float[n];
            java.util.Arrays.fill(columns, width / n);
        } else {
            List<Row> all = new ArrayList<>(head);
            all.addAll(body);
            columns = layout(all, n, width, size);
            if (columns == null) {
                // the unbreakable cells alone are wider than the page: smaller text, never a broken amount
                float needed = minimum(all, n, size);
                size = Math.max(SMALLEST, size * width / needed - 0.05f);
                columns = layout(all, n, width, size);
                if (columns == null) {
                    columns = proportional(all, n, width, size);
                }
            }
        }
        for (Row r : head) {
            draw(r, columns, x, size, plain, facts, head, true);
        }
        for (Row r : body) {
            draw(r, columns, x, size, plain, facts, head, false);
        }
    }

    private static Row row(XhtmlNode tr, boolean nowrap) {
        List<Cell> cells = new ArrayList<>();
        boolean heading = true;
        for (XhtmlNode c : tr.elements()) {
            if (!c.tag().equals("td") && !c.tag().equals("th")) {
                continue;
            }
            int span = 1;
            try {
                span = Math.max(1, Integer.parseInt(c.attributes().getOrDefault("colspan", "1").trim()));
            } catch (NumberFormatException e) {
                span = 1;
            }
            boolean th = c.tag().equals("th");
            heading &= th;
            boolean num = c.has("num");
            cells.add(new Cell(c.text(), span, th, num, num || c.has("date") || c.has("nowrap") || nowrap && !th));
        }
        return new Row(cells, tr.has("totals"), heading && !cells.isEmpty());
    }

    /** The widths of the columns, or null when the unbreakable cells do not fit in {@code width} at this size. */
    private float[] layout(List<Row> rows, int n, float width, float size) throws IOException {
        float[] min = new float[n];
        float[] max = new float[n];
        measure(rows, n, size, min, max);
        float sumMin = 0;
        float sumMax = 0;
        for (int c = 0; c < n; c++) {
            sumMin += min[c];
            sumMax += max[c];
        }
        if (sumMin > width) {
            return null;
        }
        float[] w = new float[n];
        for (int c = 0; c < n; c++) {
            if (sumMax <= width) {
                w[c] = max[c] + (width - sumMax) * max[c] / sumMax;
            } else {
                w[c] = min[c] + (width - sumMin) * (max[c] - min[c]) / Math.max(0.001f, sumMax - sumMin);
            }
        }
        return w;
    }

    private float minimum(List<Row> rows, int n, float size) throws IOException {
        float[] min = new float[n];
        measure(rows, n, size, min, new float[n]);
        float sum = 0;
        for (float m : min) {
            sum += m;
        }
        return sum;
    }

    private float[] proportional(List<Row> rows, int n, float width, float size) throws IOException {
        float[] min = new float[n];
        measure(rows, n, size, min, new float[n]);
        float sum = minimum(rows, n, size);
        for (int c = 0; c < n; c++) {
            min[c] = min[c] * width / sum;
        }
        return min;
    }

    /** Each column's narrowest (longest unbreakable piece) and widest (all on one line) width, padding and rule included. */
    private void measure(List<Row> rows, int n, float size, float[] min, float[] max) throws IOException {
        for (Row r : rows) {
            int column = 0;
            for (Cell cell : r.cells()) {
                if (cell.span() == 1 && column < n) {
                    String text = measure.clean(cell.text()).strip();
                    float full = measure.width(text, size);
                    max[column] = Math.max(max[column], full);
                    min[column] = Math.max(min[column], cell.nowrap() ? full : measure.longestWord(text, size));
                }
                column += cell.span();
            }
        }
        for (int c = 0; c < n; c++) {
            min[c] += 2 * PAD_X + RULE;
            max[c] += 2 * PAD_X + RULE;
        }
    }

    private void draw(Row row, float[] columns, float left, float size, boolean plain, boolean facts, List<Row> head, boolean inHead)
            throws IOException {
        int n = row.cells().size();
        float[] x = new float[n];
        float[] w = new float[n];
        List<List<String>> wrapped = new ArrayList<>(n);
        int column = 0;
        float at = left;
        int most = 1;
        float padX = plain ? 0 : PAD_X;
        float padY = plain ? 0.6f * MM : PAD_Y;
        for (int i = 0; i < n; i++) {
            Cell cell = row.cells().get(i);
            float cw = 0;
            for (int k = 0; k < cell.span() && column + k < columns.length; k++) {
                cw += columns[column + k];
            }
            column += cell.span();
            x[i] = at;
            w[i] = cw;
            at += cw;
            List<String> lines = measure.wrap(cell.text(), size, cw - 2 * padX, cell.nowrap());
            wrapped.add(lines);
            most = Math.max(most, lines.size());
        }
        float leading = XhtmlPdfWriter.LEADING * size;
        float height = most * leading + 2 * padY;
        if (page.y() - height < XhtmlPdfWriter.BOTTOM && !inHead) {
            page.newPage();
            for (Row h : head) {
                draw(h, columns, left, size, plain, facts, head, true);
            }
        }
        float top = page.y();
        PdfCanvas canvas = page.canvas();
        if (!plain) {
            if (row.heading()) {
                canvas.fill(HEADER, left, top - height, at - left, height);
            }
            for (int i = 0; i < n; i++) {
                canvas.strokeRect(BORDER, RULE, x[i], top - height, w[i], height);
            }
        }
        for (int i = 0; i < n; i++) {
            Cell cell = row.cells().get(i);
            boolean right = cell.right() || facts && i == n - 1 && n > 1;
            Style s = new Style(size, row.bold(), XhtmlPdfWriter.TEXT, right ? Align.RIGHT : Align.LEFT, 0, 0);
            List<String> lines = wrapped.get(i);
            for (int j = 0; j < lines.size(); j++) {
                // cells are centred vertically in their row, as table cells are in HTML
                float baseline = top - padY - (most - lines.size()) * leading / 2 - j * leading - XhtmlPdfWriter.BASELINE * size;
                page.draw(lines.get(j), s, x[i] + padX, w[i] - 2 * padX, baseline);
            }
        }
        page.y(top - height);
    }
}
