package io.huikuan.correspondence;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.pdfbox.cos.COSName;

/**
 * The layout engine of every document template (statements, letters): lays out the XHTML of a Thymeleaf template written in a small,
 * fixed subset of HTML straight into PDF (no CSS engine; the look of each element comes from its tag and class,
 * matching the {@code <style>} of the templates). What it understands:
 * <ul>
 * <li>{@code h1}, {@code h2}, {@code h3}–{@code h6} (bold), {@code p}, {@code div} (a block; a div holding blocks is laid
 * out block by block, text between them as blocks of their own), {@code ul}/{@code ol} with {@code li} (see
 * {@link XhtmlLists}), {@code hr}; inline (see {@link XhtmlInline}) {@code strong}/{@code b} bold, {@code span} in its
 * class's style, {@code br}, {@code span class="box"} an empty tick box; any other element shows its text;</li>
 * <li>{@code body class="letter"}: a letter's 10.5 pt text, 18 mm margins and 17 pt title; {@code div class="draft"}: the
 * draft mark, large, light and slanted behind every page; {@code div class="cut"}: a new page under a dashed cut line
 * (the reply slip); tables of class {@code invoices} (no cell breaks) and {@code slip} in 8.5 pt, {@code slip-sign}
 * borderless;</li>
 * <li>classes {@code company}, {@code contacts}, {@code meta} (right-aligned), {@code sub} (centred, grey), {@code note}
 * (small), {@code to}; {@code letterhead} (the logo {@code img} on the left, the company and its contacts beside it, a
 * rule under it: the fragment {@code correspondence/letterhead :: letterhead}); {@code sign} (the
 * signature block on the right with the seal {@code img class="seal"} at 0.85 opacity); {@code qr} (its {@code img}, 28 mm
 * square, on the left with its text beside it);</li>
 * <li>{@code table} with {@code thead} (repeated on every page), {@code tbody}, {@code tr class="totals"} (bold),
 * {@code th}/{@code td} with {@code colspan}; cells of class {@code num} (right-aligned), {@code num}, {@code date} and
 * {@code nowrap} never break: their columns are sized to fit them on one line (the table's text shrinks if it must)
 * and only the other columns wrap; {@code table class="facts"}: two borderless columns.</li>
 * </ul>
 * {@code div class="footer"}: drawn at the bottom of every page, {@code %page%} and {@code %pages%} in it replaced by the
 * page's number and the number of pages. Images are {@code data:} URIs (PNG, JPEG). One writer writes one document at a time; it is not thread-safe.
 */
final class XhtmlPdfWriter {

    static final float MM = PdfCanvas.MM;
    static final float TOP = 18 * MM;
    static final float BOTTOM = 18 * MM;
    static final float LEFT = 15 * MM;
    static final float WIDTH = PdfCanvas.PAGE.getWidth() - 2 * LEFT;

    static final float BODY = 9.5f;
    /** The text size of letters ({@code body class="letter"}). */
    static final float LETTER = 10.5f;
    static final float LETTER_LEFT = 18 * MM;
    /** Line height as a multiple of the font size (the font's ascent + descent, as a browser's "normal"). */
    static final float LEADING = 1.448f;
    /** Distance from the top of a line box to the baseline, in font sizes. */
    static final float BASELINE = 1.16f;

    static final Color TEXT = new Color(0x22, 0x22, 0x22);
    static final Color GREY = new Color(0x55, 0x55, 0x55);
    static final Color DARK_GREY = new Color(0x44, 0x44, 0x44);
    static final Color TEAL = new Color(0x1f, 0x4f, 0x4f);
    static final Color RULE = new Color(0x1f, 0x6f, 0x6f);

    enum Align { LEFT, CENTER, RIGHT }

    /** How a block's text is drawn, and the space around it (points). */
    record Style(float size, boolean bold, Color color, Align align, float before, float after) {
    }

    private final PdfTextMeasure measure;
    private PdfCanvas canvas;
    private float y;
    private int images;
    /** The text of the template's {@code div class="footer"}, drawn at the bottom of every page. */
    private String footer;
    /** The text of the template's {@code div class="draft"}, drawn large, light and slanted behind every page. */
    private String draft;
    /** The text style of the body: {@code body class="letter"} has the letters' larger text. */
    private Style root;
    /** The left (and right) margin: 15 mm, a letter's 18 mm. */
    private float left;

    XhtmlPdfWriter(PdfTextMeasure measure) {
        this.measure = measure;
    }

    /** The PDF of the XHTML; the characters of {@code baseCharacters} (and ASCII) are embedded from the shared base subset. */
    byte[] write(String xhtml, String baseCharacters) {
        XhtmlNode html = XhtmlNode.parse(xhtml);
        XhtmlNode title = html.find("title");
        XhtmlNode body = html.find("body");
        try (PdfCanvas c = new PdfCanvas(measure, PdfFontSubsets.base(measure, baseCharacters), title == null ? null : title.text().strip())) {
            canvas = c;
            images = 0;
            c.newPage();
            y = PdfCanvas.PAGE.getHeight() - TOP;
            footer = null;
            draft = null;
            root = body != null && body.has("letter") ? new Style(LETTER, false, TEXT, Align.LEFT, 0, 0) : BODY_STYLE;
            left = root.size() == LETTER ? LETTER_LEFT : LEFT;
            if (body != null) {
                blocks(body, left, PdfCanvas.PAGE.getWidth() - 2 * left, root);
            }
            if (footer != null) {
                footers(footer);
            }
            return c.finish(16 * 1024 + xhtml.length() * 2);
        } catch (IOException e) {
            throw new UncheckedIOException("the PDF could not be written: " + e.getMessage(), e);
        } finally {
            canvas = null;
        }
    }

    static final Style BODY_STYLE = new Style(BODY, false, TEXT, Align.LEFT, 0, 0);

    /**
     * The content of a block: its block elements one under the other, the text and inline elements between them as
     * anonymous blocks (as HTML does), so no text is dropped.
     */
    void blocks(XhtmlNode parent, float x, float width, Style inherited) throws IOException {
        XhtmlInline pending = null;
        for (Object c : parent.children()) {
            if (c instanceof XhtmlNode n && isBlock(n)) {
                if (pending != null && !pending.isEmpty()) {
                    pending.layout(inherited, x, width);
                }
                pending = null;
                block(n, x, width, inherited);
            } else {
                if (pending == null) {
                    pending = new XhtmlInline(this, measure);
                }
                pending.add(c, inherited);
            }
        }
        if (pending != null && !pending.isEmpty()) {
            pending.layout(inherited, x, width);
        }
    }

    /** The style of an element: its tag's and class's, else the text style of its parent (without the parent's margins). */
    static Style style(XhtmlNode n, Style inherited) {
        Style s = switch (n.tag()) {
            case "h1" -> new Style(16, true, TEXT, Align.CENTER, 0, 2 * MM);
            case "h2" -> new Style(13, true, TEXT, Align.CENTER, 2 * MM, 3 * MM);
            case "p", "pre", "blockquote", "ul", "ol" -> new Style(inherited.size(), inherited.bold(), inherited.color(), inherited.align(), 0, 2.5f * MM);
            case "h3", "h4", "h5", "h6" -> new Style(inherited.size() + 1, true, inherited.color(), inherited.align(), 2 * MM, 1.5f * MM);
            default -> new Style(inherited.size(), inherited.bold(), inherited.color(), inherited.align(), 0, 0);
        };
        if (n.has("company")) {
            s = new Style(15, true, TEAL, Align.LEFT, 0, 0);
        } else if (n.has("contacts")) {
            s = new Style(8.5f, false, GREY, Align.LEFT, 0, 0);
        } else if (n.has("meta")) {
            s = new Style(9, false, DARK_GREY, Align.RIGHT, 0, 4 * MM);
        } else if (n.has("sub")) {
            s = new Style(BODY, false, GREY, Align.CENTER, 0, 5 * MM);
        } else if (n.has("note")) {
            s = new Style(8.5f, false, DARK_GREY, Align.LEFT, 6 * MM, 0);
        } else if (n.has("to")) {
            s = new Style(inherited.size(), false, TEXT, Align.LEFT, 0, 3 * MM);
        }
        if (n.has("right")) {
            s = new Style(s.size(), s.bold(), s.color(), Align.RIGHT, s.before(), s.after());
        }
        return s;
    }

    private static boolean isBlock(XhtmlNode n) {
        return switch (n.tag()) {
            case "div", "p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "img", "ul", "ol", "li", "blockquote", "pre", "hr",
                    "section", "article", "header", "footer", "address", "dl", "dt", "dd", "style", "script", "title", "head" -> true;
            default -> false;
        };
    }

    private void block(XhtmlNode n, float x, float width, Style inherited) throws IOException {
        switch (n.tag()) {
            case "table" -> {
                boolean letterTable = n.has("invoices") || n.has("slip");
                y -= n.has("facts") ? 0 : letterTable ? 2 * MM : 4 * MM;
                new XhtmlTableLayout(this, measure).table(n, x, width);
                y -= letterTable ? 4 * MM : 0;
                return;
            }
            case "ul", "ol" -> {
                XhtmlLists.list(this, n, x, width, style(n, inherited));
                return;
            }
            case "hr" -> {
                y -= 2 * MM;
                canvas.line(GREY, 0.5f, x, y, x + width, y);
                y -= 2 * MM;
                return;
            }
            case "img", "style", "script", "title", "head" -> {
                return;
            }
            default -> {
            }
        }
        if (n.has("footer")) {
            footer = n.text();
            return;
        }
        if (n.has("draft")) {
            draft = measure.clean(n.text()).strip();
            XhtmlDocumentParts.draftMark(this, draft, left);
            return;
        }
        if (n.has("cut")) {
            XhtmlDocumentParts.cut(this, n, x, width);
            return;
        }
        if (n.has("letterhead")) {
            XhtmlDocumentParts.letterhead(this, n, x, width);
            return;
        }
        if (n.has("sign")) {
            XhtmlDocumentParts.sign(this, n, x, width);
            return;
        }
        if (n.has("qr")) {
            XhtmlDocumentParts.qr(this, n, x, width);
            return;
        }
        Style s = style(n, inherited);
        if (n.tag().equals("h1") && root.size() == LETTER) {
            s = new Style(17, true, TEXT, Align.CENTER, 3 * MM, 5 * MM);
        }
        y -= s.before();
        if (n.elements().stream().anyMatch(XhtmlPdfWriter::isBlock)) {
            blocks(n, x, width, s);
        } else {
            inline(n, s, x, width);
        }
        y -= s.after();
    }

    /** The inline content of a block (text, bold, line breaks, boxes) wrapped into [x, x + width]. */
    void inline(XhtmlNode n, Style s, float x, float width) throws IOException {
        XhtmlInline in = new XhtmlInline(this, measure);
        for (Object c : n.children()) {
            in.add(c, s);
        }
        if (!in.isEmpty()) {
            in.layout(s, x, width);
        }
    }

    /** An element of a list: an {@code li}'s content, or any other element, laid out in [x, x + width]. */
    void item(XhtmlNode n, float x, float width, Style s) throws IOException {
        if (!n.tag().equals("li") && isBlock(n)) {
            block(n, x, width, s);
        } else if (n.elements().stream().anyMatch(XhtmlPdfWriter::isBlock)) {
            blocks(n, x, width, s);
        } else {
            inline(n, s, x, width);
        }
    }

    Style root() {
        return root;
    }

    PdfTextMeasure measure() {
        return measure;
    }

    void draw(String line, Style s, float x, float width, float baseline) throws IOException {
        float w = measure.width(line, s.size());
        float at = switch (s.align()) {
            case LEFT -> x;
            case CENTER -> x + (width - w) / 2;
            case RIGHT -> x + width - w;
        };
        canvas.text(line, s.size(), s.color(), s.bold(), at, baseline);
    }

    /** The footer at the bottom of every page, {@code %page%} and {@code %pages%} replaced by the page's number and the count. */
    private void footers(String text) throws IOException {
        Style s = new Style(8, false, GREY, Align.CENTER, 0, 0);
        int pages = canvas.pages();
        for (int i = 0; i < pages; i++) {
            canvas.onPage(i);
            String line = measure.clean(text.replace("%page%", String.valueOf(i + 1)).replace("%pages%", String.valueOf(pages))).strip();
            draw(line, s, LEFT, WIDTH, BOTTOM / 2 - BASELINE * s.size() / 2);
        }
    }

    void image(PdfImages.Encoded image, float x, float bottom, float w, float h, float alpha) throws IOException {
        canvas.image(COSName.getPDFName("Im" + ++images), PdfImages.xobject(canvas.document(), image), x, bottom, w, h, alpha);
    }

    void newPage() throws IOException {
        canvas.newPage();
        y = PdfCanvas.PAGE.getHeight() - TOP;
        XhtmlDocumentParts.draftMark(this, draft, left);
    }

    PdfCanvas canvas() {
        return canvas;
    }

    float y() {
        return y;
    }

    void y(float y) {
        this.y = y;
    }

    /** The rows of a table section or of the table itself. */
    static List<XhtmlNode> rows(XhtmlNode section) {
        return section.elements().stream().filter(e -> e.tag().equals("tr")).toList();
    }
}
