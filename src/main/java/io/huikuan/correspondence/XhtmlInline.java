package io.huikuan.correspondence;

import io.huikuan.correspondence.XhtmlPdfWriter.Style;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Inline content for {@link XhtmlPdfWriter}: the text of a block as runs in their own style ({@code strong}/{@code b}
 * bold, a {@code span} of class {@code contacts} small and grey, {@code br} a line break, {@code span class="box"} an
 * empty tick box), white space collapsed across the runs as in HTML, wrapped as a browser does (after a space, on either
 * side of a CJK character, inside a word only when it alone is too wide) and drawn run by run. Any other inline element
 * shows its text in its parent's style: no text is dropped.
 */
final class XhtmlInline {

    private static final float MM = XhtmlPdfWriter.MM;
    private static final char BREAK = '\n';
    private static final char BOX = '\uFFFC';
    private static final float BOX_SIZE = 3.2f * MM;
    private static final float BOX_WIDTH = BOX_SIZE + 1.5f * MM;

    private final XhtmlPdfWriter page;
    private final PdfTextMeasure measure;
    private final StringBuilder text = new StringBuilder();
    /** The style of each character of {@link #text}. */
    private final List<Style> styles = new ArrayList<>();
    private boolean space = true;

    XhtmlInline(XhtmlPdfWriter page, PdfTextMeasure measure) {
        this.page = page;
        this.measure = measure;
    }

    boolean isEmpty() {
        return text.toString().isBlank();
    }

    /** Adds the text of an inline node (a String or an element) in the style of its parent. */
    void add(Object child, Style parent) throws IOException {
        if (child instanceof String s) {
            append(s, parent);
            return;
        }
        XhtmlNode n = (XhtmlNode) child;
        switch (n.tag()) {
            case "br" -> {
                trimSpace();
                put(BREAK, parent);
                space = true;
            }
            case "style", "script", "img", "title" -> {
            }
            default -> {
                if (n.has("box")) {
                    put(BOX, parent);
                    space = false;
                    return;
                }
                Style s = XhtmlPdfWriter.style(n, parent);
                if (n.tag().equals("strong") || n.tag().equals("b") || n.tag().equals("th")) {
                    s = new Style(s.size(), true, s.color(), s.align(), 0, 0);
                }
                for (Object c : n.children()) {
                    add(c, s);
                }
            }
        }
    }

    private void append(String s, Style style) throws IOException {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (PdfTextMeasure.isCollapsible(c)) {
                if (!space) {
                    put(' ', style);
                    space = true;
                }
                continue;
            }
            space = false;
            if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
                int cp = s.codePointAt(i);
                if (Float.isNaN(measure.advance(cp))) {
                    put('?', style);
                } else {
                    put(c, style);
                    put(s.charAt(i + 1), style);
                }
                i++;
            } else {
                put(Float.isNaN(measure.advance(c)) ? '?' : c, style);
            }
        }
    }

    private void put(char c, Style s) {
        text.append(c);
        styles.add(s);
    }

    private void trimSpace() {
        int last = text.length() - 1;
        if (last >= 0 && text.charAt(last) == ' ') {
            text.setLength(last);
            styles.remove(last);
        }
    }

    private float advance(int i) throws IOException {
        char c = text.charAt(i);
        if (c == BOX) {
            return BOX_WIDTH;
        }
        if (c == BREAK || Character.isLowSurrogate(c)) {
            return 0;
        }
        float a = Character.isHighSurrogate(c) ? measure.advance(text.codePointAt(i)) : measure.advance(c);
        return Float.isNaN(a) ? 0 : a * styles.get(i).size() / 1000;
    }

    /** Lays the runs out as lines in [x, x + width] from the writer's y down, aligned as {@code block} says. */
    void layout(Style block, float x, float width) throws IOException {
        int start = 0;
        int n = text.length();
        while (start < n) {
            while (start < n && text.charAt(start) == ' ') {
                start++;
            }
            float used = 0;
            int breakAt = -1;
            int i = start;
            boolean forced = false;
            for (; i < n; i++) {
                char c = text.charAt(i);
                if (c == BREAK) {
                    forced = true;
                    break;
                }
                if (i > start && (c == ' ' || PdfTextMeasure.isCjk(c) || PdfTextMeasure.isCjk(text.charAt(i - 1)))) {
                    breakAt = i;
                }
                used += advance(i);
                if (used > width + 0.01f && i > start) {
                    break;
                }
            }
            int end = forced || i >= n ? i : breakAt > start ? breakAt : i;
            if (end < n && Character.isLowSurrogate(text.charAt(end))) {
                end++;
            }
            line(start, end, block, x, width);
            start = forced && end == i ? end + 1 : end;
        }
    }

    private void line(int start, int end, Style block, float x, float width) throws IOException {
        while (end > start && text.charAt(end - 1) == ' ') {
            end--;
        }
        float size = block.size();
        float w = 0;
        for (int i = start; i < end; i++) {
            size = Math.max(size, styles.get(i).size());
            w += advance(i);
        }
        float height = XhtmlPdfWriter.LEADING * size;
        if (page.y() - height < XhtmlPdfWriter.BOTTOM) {
            page.newPage();
        }
        float baseline = page.y() - XhtmlPdfWriter.BASELINE * size;
        float at = switch (block.align()) {
            case LEFT -> x;
            case CENTER -> x + (width - w) / 2;
            case RIGHT -> x + width - w;
        };
        int from = start;
        float runX = at;
        for (int i = start; i <= end; i++) {
            boolean boundary = i == end || text.charAt(i) == BOX || styles.get(i) != styles.get(from) || text.charAt(from) == BOX;
            if (boundary && i > from) {
                Style s = styles.get(from);
                if (text.charAt(from) == BOX) {
                    page.canvas().strokeRect(XhtmlPdfWriter.TEXT, 0.8f, runX, baseline - 0.3f * MM, BOX_SIZE, BOX_SIZE);
                    runX += BOX_WIDTH;
                } else {
                    String run = text.substring(from, i);
                    page.canvas().text(run, s.size(), s.color(), s.bold(), runX, baseline);
                    runX += measure.width(run, s.size());
                }
                from = i;
            }
        }
        page.y(page.y() - height);
    }
}
