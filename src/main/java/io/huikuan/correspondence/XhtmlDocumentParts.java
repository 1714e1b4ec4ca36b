package io.huikuan.correspondence;

import io.huikuan.correspondence.XhtmlPdfWriter.Align;
import io.huikuan.correspondence.XhtmlPdfWriter.Style;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The parts of documents that {@link XhtmlPdfWriter} draws by their class rather than as text blocks: the letterhead,
 * the signature block with the seal, the QR code of a link, the reply slip's cut line and the draft mark of a lawyer letter.
 */
final class XhtmlDocumentParts {

    private static final float MM = XhtmlPdfWriter.MM;
    private static final Color CUT = new Color(0x88, 0x88, 0x88);
    private static final Color CUT_TEXT = new Color(0x77, 0x77, 0x77);
    private static final Color DRAFT = new Color(0xe8, 0xe8, 0xe8);

    private XhtmlDocumentParts() {
    }

    /** The logo on the left (13 mm high), the company's name and contacts beside it, a rule under both. */
    static void letterhead(XhtmlPdfWriter page, XhtmlNode n, float x, float width) throws IOException {
        float top = page.y();
        float indent = 0;
        XhtmlNode img = n.find("img");
        PdfImages.Encoded logo = img == null ? null : PdfImages.of(img.attribute("src"));
        float logoHeight = 13 * MM;
        if (logo != null) {
            float w = logoHeight * logo.width() / Math.max(1, logo.height());
            page.image(logo, x, top - logoHeight, w, logoHeight, 1);
            indent = w + 4 * MM;
        }
        page.blocks(n, x + indent, width - indent, XhtmlPdfWriter.BODY_STYLE);
        float y = Math.min(page.y(), logo == null ? page.y() : top - logoHeight) - 2 * MM;
        page.canvas().line(XhtmlPdfWriter.RULE, 1.2f, x, y, x + width, y);
        page.y(y - 5 * MM);
    }

    /** The signature block: from 95 mm across, the seal (38 mm, 0.85 opaque) behind the company's name, the signatory and the date. */
    static void sign(XhtmlPdfWriter page, XhtmlNode n, float x, float width) throws IOException {
        page.y(page.y() - 10 * MM);
        float seal = 38 * MM;
        if (page.y() - seal < XhtmlPdfWriter.BOTTOM) {
            page.newPage();
        }
        float left = x + 95 * MM;
        float top = page.y();
        XhtmlNode img = n.find("img");
        PdfImages.Encoded image = img == null ? null : PdfImages.of(img.attribute("src"));
        if (image != null) {
            page.image(image, left + 8 * MM, top + 6 * MM - seal, seal, seal, 0.85f);
        }
        page.blocks(n, left, width - 95 * MM, page.root());
        page.y(Math.min(page.y(), top - seal));
    }

    /** A QR code (the {@code img}, 28 mm square) on the left with the block's text beside it; on a new page when it does not fit. */
    static void qr(XhtmlPdfWriter page, XhtmlNode n, float x, float width) throws IOException {
        float side = 28 * MM;
        page.y(page.y() - 3 * MM);
        if (page.y() - side < XhtmlPdfWriter.BOTTOM) {
            page.newPage();
        }
        float top = page.y();
        XhtmlNode img = n.find("img");
        PdfImages.Encoded code = img == null ? null : PdfImages.of(img.attribute("src"));
        float indent = 0;
        if (code != null) {
            page.image(code, x, top - side, side, side, 1);
            indent = side + 4 * MM;
        }
        page.blocks(n, x + indent, width - indent, page.root());
        page.y(Math.min(page.y(), code == null ? page.y() : top - side) - 3 * MM);
    }

    /** The cut line of a reply slip: on a new page, a dashed rule over its small centred text. */
    static void cut(XhtmlPdfWriter page, XhtmlNode n, float x, float width) throws IOException {
        if (page.y() < PdfCanvas.PAGE.getHeight() - XhtmlPdfWriter.TOP) {
            page.newPage();
        }
        page.canvas().dashedLine(CUT, 1, x, page.y(), x + width, page.y());
        page.y(page.y() - 1 * MM);
        page.inline(n, new Style(8, false, CUT_TEXT, Align.CENTER, 0, 0), x, width);
    }

    /**
     * The draft mark on the current page: 60 pt, light grey, turned 30° (CSS rotate(-30deg) about its centre), 110 mm
     * down and 25 mm into the page's text area; drawn first on each page, so behind the text.
     */
    static void draftMark(XhtmlPdfWriter page, String draft, float left) {
        if (draft == null || draft.isEmpty()) {
            return;
        }
        try {
            float size = 60;
            float w = page.measure().width(draft, size);
            float h = XhtmlPdfWriter.LEADING * size;
            float cx = left + 25 * MM + w / 2;
            float cy = PdfCanvas.PAGE.getHeight() - XhtmlPdfWriter.TOP - 110 * MM - h / 2;
            double a = Math.toRadians(30);
            float lx = -w / 2;
            float ly = h / 2 - XhtmlPdfWriter.BASELINE * size;
            float tx = (float) (cx + lx * Math.cos(a) - ly * Math.sin(a));
            float ty = (float) (cy + lx * Math.sin(a) + ly * Math.cos(a));
            page.canvas().text(draft, size, DRAFT, false, tx, ty, 30);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
