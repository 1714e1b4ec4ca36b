package io.huikuan.correspondence;

import io.huikuan.correspondence.XhtmlPdfWriter.Style;
import java.io.IOException;

/**
 * Lists for {@link XhtmlPdfWriter}: {@code ul} (a bullet) and {@code ol} (1., 2., ...), each {@code li} indented 6 mm
 * with its marker in the indent. Anything else inside the list is laid out as a block of its own.
 */
final class XhtmlLists {

    private static final float INDENT = 6 * XhtmlPdfWriter.MM;

    private XhtmlLists() {
    }

    static void list(XhtmlPdfWriter page, XhtmlNode list, float x, float width, Style s) throws IOException {
        page.y(page.y() - s.before());
        int number = 0;
        boolean ordered = list.tag().equals("ol");
        for (Object child : list.children()) {
            if (child instanceof XhtmlNode li && li.tag().equals("li")) {
                if (page.y() - XhtmlPdfWriter.LEADING * s.size() < XhtmlPdfWriter.BOTTOM) {
                    page.newPage();
                }
                String marker = ordered ? ++number + "." : "\u2022";
                Style m = new Style(s.size(), s.bold(), s.color(), XhtmlPdfWriter.Align.RIGHT, 0, 0);
                page.draw(marker, m, x, INDENT - 1.5f * XhtmlPdfWriter.MM, page.y() - XhtmlPdfWriter.BASELINE * s.size());
                float top = page.y();
                page.item(li, x + INDENT, width - INDENT, s);
                if (page.y() == top) {
                    page.y(top - XhtmlPdfWriter.LEADING * s.size());
                }
            } else if (child instanceof XhtmlNode other) {
                page.item(other, x, width, s);
            } else if (!((String) child).isBlank()) {
                XhtmlInline text = new XhtmlInline(page, page.measure());
                text.add(child, s);
                text.layout(s, x, width);
            }
        }
        page.y(page.y() - s.after());
    }
}
