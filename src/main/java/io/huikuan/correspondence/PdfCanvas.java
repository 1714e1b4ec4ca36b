package io.huikuan.correspondence;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * The drawing surface of {@link XhtmlPdfWriter}: A4 pages written as PDF content operators, text in the embedded
 * font (base subset /F1, the document's other characters /F2, see {@link PdfFontSubsets}), filled and stroked
 * rectangles, lines and images. The file identifier is a digest of the content, not the clock, so the same
 * document gives the same bytes. One canvas writes one document.
 */
final class PdfCanvas implements AutoCloseable {

    static final float MM = 72f / 25.4f;
    static final PDRectangle PAGE = PDRectangle.A4;

    private static final COSName BASE_FONT = COSName.getPDFName("F1");
    private static final COSName EXTRA_FONT = COSName.getPDFName("F2");
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final PDDocument document = new PDDocument();
    private final PDResources resources = new PDResources();
    private final COSDictionary fonts = new COSDictionary();
    private final COSDictionary xobjects = new COSDictionary();
    private final PdfTextMeasure measure;
    private final PdfFontSubsets.Base base;
    private final Map<Integer, Integer> cids = new LinkedHashMap<>();
    private final MessageDigest digest;
    private PDPage page;
    private StringBuilder out;
    private int pages;

    PdfCanvas(PdfTextMeasure measure, PdfFontSubsets.Base base, String title) {
        this.measure = measure;
        this.base = base;
        resources.getCOSObject().setItem(COSName.FONT, fonts);
        resources.getCOSObject().setItem(COSName.XOBJECT, xobjects);
        document.getDocumentInformation().setTitle(title);
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        digest.update(String.valueOf(title).getBytes(StandardCharsets.UTF_8));
    }

    PDDocument document() {
        return document;
    }

    int pages() {
        return pages;
    }

    void newPage() throws IOException {
        page = new PDPage(PAGE);
        page.setResources(resources);
        document.addPage(page);
        out = new StringBuilder(4096);
        contents.add(out);
        pages++;
    }

    /** Each page's content so far, kept until {@link #finish} so that every page can still be drawn on (its footer). */
    private final java.util.List<StringBuilder> contents = new java.util.ArrayList<>();

    /** Draws on page {@code index} (0-based) from now on. */
    void onPage(int index) {
        out = contents.get(index);
    }

    /** Stores each page's content stream (deflated). */
    private void endPages() throws IOException {
        for (int i = 0; i < contents.size(); i++) {
            byte[] content = contents.get(i).toString().getBytes(StandardCharsets.ISO_8859_1);
            digest.update(content);
            document.getPage(i).getCOSObject().setItem(COSName.CONTENTS, PdfFontSubsets.stream(document, content, null, false));
        }
        out = null;
    }

    /** One line of text with its baseline at {@code baseline}, starting at {@code x} (bold drawn by stroking the outline too). */
    void text(String line, float size, Color color, boolean bold, float x, float baseline) {
        text(line, size, color, bold, x, baseline, 0);
    }

    /** One line of text turned {@code degrees} anticlockwise about the start of its baseline. */
    void text(String line, float size, Color color, boolean bold, float x, float baseline, float degrees) {
        if (line.isEmpty()) {
            return;
        }
        out.append("BT ");
        color(color, "rg");
        if (bold) {
            color(color, "RG");
            number(size / 30);
            out.append(" w 2 Tr ");
        }
        if (degrees != 0) {
            double a = Math.toRadians(degrees);
            float cos = (float) Math.cos(a);
            float sin = (float) Math.sin(a);
            number(cos);
            out.append(' ');
            number(sin);
            out.append(' ');
            number(-sin);
            out.append(' ');
            number(cos);
            out.append(' ');
        }
        number(x);
        out.append(' ');
        number(baseline);
        out.append(degrees != 0 ? " Tm" : " Td");
        char[] baseCids = base.cids();
        int current = 0;
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            int cid = cp < baseCids.length ? baseCids[cp] : 0;
            int f = cid != 0 ? 1 : 2;
            if (f == 2) {
                Integer extra = cids.get(cp);
                if (extra == null) {
                    extra = cids.size() + 1;
                    cids.put(cp, extra);
                }
                cid = extra;
            }
            if (f != current) {
                out.append(current == 0 ? " " : "> Tj ").append(f == 1 ? "/F1 " : "/F2 ");
                number(size);
                out.append(" Tf <");
                current = f;
            }
            out.append(HEX[cid >> 12 & 15]).append(HEX[cid >> 8 & 15]).append(HEX[cid >> 4 & 15]).append(HEX[cid & 15]);
            i += Character.charCount(cp);
        }
        out.append(bold ? "> Tj 0 Tr ET\n" : "> Tj ET\n");
    }

    void fill(Color color, float x, float y, float w, float h) {
        color(color, "rg");
        rect(x, y, w, h);
        out.append("f\n");
    }

    void strokeRect(Color color, float lineWidth, float x, float y, float w, float h) {
        color(color, "RG");
        number(lineWidth);
        out.append(" w ");
        rect(x, y, w, h);
        out.append("S\n");
    }

    /** A dashed line (3 pt dashes, 2 pt gaps). */
    void dashedLine(Color color, float lineWidth, float x1, float y1, float x2, float y2) {
        out.append("[3 2] 0 d ");
        line(color, lineWidth, x1, y1, x2, y2);
        out.append("[] 0 d\n");
    }

    void line(Color color, float lineWidth, float x1, float y1, float x2, float y2) {
        color(color, "RG");
        number(lineWidth);
        out.append(" w ");
        number(x1);
        out.append(' ');
        number(y1);
        out.append(" m ");
        number(x2);
        out.append(' ');
        number(y2);
        out.append(" l S\n");
    }

    /**
     * An image (already made an XObject of this document by {@link PdfImages}) drawn into the box, with the opacity
     * {@code alpha} (1: opaque; else through an ExtGState).
     */
    void image(COSName name, org.apache.pdfbox.cos.COSStream xobject, float x, float y, float w, float h, float alpha) {
        xobjects.setItem(name, xobject);
        out.append("q ");
        if (alpha < 1) {
            COSDictionary states = (COSDictionary) resources.getCOSObject().getDictionaryObject(COSName.EXT_G_STATE);
            if (states == null) {
                states = new COSDictionary();
                resources.getCOSObject().setItem(COSName.EXT_G_STATE, states);
            }
            String gs = "GS" + Math.round(alpha * 100);
            if (!states.containsKey(gs)) {
                COSDictionary state = new COSDictionary();
                state.setItem(COSName.TYPE, COSName.EXT_G_STATE);
                state.setFloat(COSName.CA, alpha);
                state.setFloat(COSName.CA_NS, alpha);
                states.setItem(gs, state);
            }
            out.append('/').append(gs).append(" gs ");
        }
        number(w);
        out.append(" 0 0 ");
        number(h);
        out.append(' ');
        number(x);
        out.append(' ');
        number(y);
        out.append(" cm /").append(name.getName()).append(" Do Q\n");
    }

    /** The finished PDF: fonts embedded, the file identifier from the content. */
    byte[] finish(int sizeHint) throws IOException {
        endPages();
        for (int cp : cids.keySet()) {
            digest.update((byte) (cp >> 16));
            digest.update((byte) (cp >> 8));
            digest.update((byte) cp);
        }
        fonts.setItem(BASE_FONT, PdfFontSubsets.type0(document, base.parts(), true));
        if (!cids.isEmpty()) {
            fonts.setItem(EXTRA_FONT, PdfFontSubsets.type0(document, PdfFontSubsets.subset(measure, cids), false));
        }
        COSString id = new COSString(Arrays.copyOf(digest.digest(), 16));
        COSArray ids = new COSArray();
        ids.add(id);
        ids.add(id);
        document.getDocument().getTrailer().setItem(COSName.ID, ids);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(sizeHint);
        document.save(bytes, CompressParameters.NO_COMPRESSION);
        return bytes.toByteArray();
    }

    @Override
    public void close() throws IOException {
        document.close();
    }

    private void color(Color c, String operator) {
        number(c.getRed() / 255f);
        out.append(' ');
        number(c.getGreen() / 255f);
        out.append(' ');
        number(c.getBlue() / 255f);
        out.append(' ').append(operator).append(' ');
    }

    private void rect(float x, float y, float w, float h) {
        number(x);
        out.append(' ');
        number(y);
        out.append(' ');
        number(w);
        out.append(' ');
        number(h);
        out.append(" re ");
    }

    /** A number with at most three decimals, the way PDF wants it (no exponent). */
    private void number(float f) {
        long thousandths = Math.round(f * 1000.0);
        if (thousandths < 0) {
            out.append('-');
            thousandths = -thousandths;
        }
        out.append(thousandths / 1000);
        long rest = thousandths % 1000;
        if (rest != 0) {
            out.append('.').append(HEX[(int) (rest / 100)]);
            if (rest % 100 != 0) {
                out.append(HEX[(int) (rest / 10 % 10)]);
                if (rest % 10 != 0) {
                    out.append(HEX[(int) (rest % 10)]);
                }
            }
        }
    }
}
