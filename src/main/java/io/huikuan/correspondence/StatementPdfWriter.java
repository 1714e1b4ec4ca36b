package io.huikuan.correspondence;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.Deflater;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * Writes the statement of account (对账单) straight to PDF with PDFBox: the same page as the
 * {@code correspondence/statement} template (A4, title, period, customer and balances, the movements
 * table with borders and a shaded header repeated on every page, the totals row and the closing note),
 * with the Noto Sans SC font embedded as subsets. It takes the variables the template takes.
 *
 * <p>Laying the table out here (columns sized from the measured glyph widths as HTML's automatic table
 * layout does, lines wrapped at spaces and CJK characters) and embedding the font without PDFBox's
 * whole-font width and CID tables costs a small fraction of parsing and laying out the HTML with
 * openhtmltopdf, which is what lets thousands of statements be issued in a minute (docs/benchmarks.md,
 * Statements). The template stays the reference for the page's content; StatementPdfWriterTests
 * compares the text of both. One writer writes one document at a time; it is not thread-safe.
 */
final class StatementPdfWriter {

    private static final float MM = 72f / 25.4f;
    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float TOP = 18 * MM;
    private static final float BOTTOM = 18 * MM;
    private static final float LEFT = 15 * MM;
    private static final float WIDTH = PAGE.getWidth() - 2 * LEFT;

    private static final float BODY = 9.5f;
    private static final float TITLE = 16f;
    private static final float NOTE = 8.5f;
    /** Line height as a multiple of the font size (the font's ascent + descent, as a browser's "normal"). */
    private static final float LEADING = 1.448f;
    /** Distance from the top of a line box to the baseline, in font sizes. */
    private static final float BASELINE = 1.16f;
    private static final float PAD_X = 1.5f * MM;
    private static final float PAD_Y = 1.2f * MM;
    private static final float RULE = 0.5f;

    private static final Color TEXT = new Color(0x22, 0x22, 0x22);
    private static final Color GREY = new Color(0x55, 0x55, 0x55);
    private static final Color NOTE_TEXT = new Color(0x44, 0x44, 0x44);
    private static final Color BORDER = new Color(0x99, 0x99, 0x99);
    private static final Color HEADER = new Color(0xee, 0xf3, 0xf3);

    private static final String[] HEADINGS = {"日期 Date", "类型 Type", "单号 Reference", "说明 Detail", "借方 Debit", "贷方 Credit",
            "余额 Balance"};
    private static final boolean[] RIGHT = {false, false, false, false, true, true, true};

    private final TrueTypeFont ttf;
    private final float[] widths;
    /**
     * The document being written: its current page and content stream (PDF operators), the characters
     * shown so far that are not in the base subset with their CIDs in the second font, and a digest of the content.
     */
    private PDDocument document;
    private PDResources resources;
    private StringBuilder out;
    private PDPage page;
    private final Map<Integer, Integer> cids = new LinkedHashMap<>();
    private MessageDigest digest;
    private float y;
    /** This document's column widths in points, from its content (as HTML's automatic table layout). */
    private float[] columns;

    /**
     * @param ttf the parsed font (not shared with another thread while this writer runs)
     * @param widths advance widths per BMP character in 1/1000 em, {@code NaN} where not yet known, {@code -Infinity}
     *        where the font has no glyph; filled as characters are met
     */
    StatementPdfWriter(TrueTypeFont ttf, float[] widths) {
        this.ttf = ttf;
        this.widths = widths;
    }

    /** The PDF of the statement described by the template's variables ({@code s}, {@code lines}, the formatted amounts). */
    @SuppressWarnings("unchecked")
    byte[] write(Map<String, Object> v) {
        Statement s = (Statement) v.get("s");
        List<Map<String, String>> lines = (List<Map<String, String>>) v.get("lines");
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 * 1024 + lines.size() * 300)) {
            document = doc;
            cids.clear();
            digest = sha256();
            digest.update(s.customerCode().getBytes(StandardCharsets.UTF_8));
            digest.update(String.valueOf(s.customerName()).getBytes(StandardCharsets.UTF_8));
            COSDictionary fonts = new COSDictionary();
            resources = new PDResources();
            resources.getCOSObject().setItem(COSName.FONT, fonts);
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle("对账单 " + s.customerCode());
            newPage();

            text("对账单 Statement of account", TITLE, TEXT, true, LEFT, WIDTH, Align.CENTER);
            y -= 2 * MM;
            text(s.from() + " – " + s.to(), BODY, GREY, false, LEFT, WIDTH, Align.CENTER);
            y -= 5 * MM;
            facts("客户 Customer：" + s.customerName() + "（" + s.customerCode() + "）", "出具日期 Issued：" + v.get("issuedOn"));
            facts("期初余额 Opening balance：" + v.get("opening"), "期末余额 Closing balance：" + v.get("closing"));
            y -= 4 * MM;

            List<String[]> rows = new ArrayList<>(lines.size());
            for (Map<String, String> l : lines) {
                rows.add(new String[] {l.get("date"), l.get("kind"), l.get("reference"), l.get("detail"), l.get("debit"), l.get("credit"),
                        l.get("balance")});
            }
            columns = layout(rows, new String[] {String.valueOf(s.from()), null, null, null, null, null, (String) v.get("opening")},
                    new String[] {String.valueOf(s.to()), null, null, null, (String) v.get("invoiced"), (String) v.get("paid"),
                            (String) v.get("closing")});
            header();
            row(new String[] {String.valueOf(s.from()), "期初余额 Opening balance", (String) v.get("opening")}, new int[] {1, 5, 1}, false);
            for (String[] r : rows) {
                row(r, null, false);
            }
            row(new String[] {String.valueOf(s.to()), "本期合计 Period totals", (String) v.get("invoiced"), (String) v.get("paid"),
                    (String) v.get("closing")}, new int[] {1, 3, 1, 1, 1}, true);

            y -= 6 * MM;
            paragraph("本期收款 Payments received：" + v.get("paid") + "；红字/折让 Credit notes：" + v.get("credited") + "；核销 Write-offs："
                    + v.get("writtenOff") + "。 如对上述余额有异议，请于收到本对账单后十日内与我司联系；逾期未提出异议视为确认。 "
                    + "Please tell us within ten days of receipt if you disagree with the balance above.", NOTE, NOTE_TEXT);
            endPage();
            fonts.setItem(BASE_FONT, type0(base().parts(), true));
            if (!cids.isEmpty()) {
                fonts.setItem(EXTRA_FONT, type0(subset(cids), false));
            }
            // the file identifier from the content, not the clock: the same statement gives the same bytes (and SHA-256)
            COSString id = new COSString(Arrays.copyOf(digest.digest(), 16));
            COSArray ids = new COSArray();
            ids.add(id);
            ids.add(id);
            doc.getDocument().getTrailer().setItem(COSName.ID, ids);
            doc.save(bytes, CompressParameters.NO_COMPRESSION);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the statement PDF could not be written: " + e.getMessage(), e);
        } finally {
            document = null;
            resources = null;
            page = null;
            out = null;
            columns = null;
            digest = null;
        }
    }

    private enum Align { LEFT, CENTER, RIGHT }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final COSName BASE_FONT = COSName.getPDFName("F1");
    private static final COSName EXTRA_FONT = COSName.getPDFName("F2");

    private void newPage() throws IOException {
        endPage();
        page = new PDPage(PAGE);
        page.setResources(resources);
        document.addPage(page);
        out = new StringBuilder(4096);
        y = PAGE.getHeight() - TOP;
    }

    /** Stores the page's content stream (deflated). */
    private void endPage() throws IOException {
        if (out == null) {
            return;
        }
        byte[] content = out.toString().getBytes(StandardCharsets.ISO_8859_1);
        digest.update(content);
        page.getCOSObject().setItem(COSName.CONTENTS, stream(content, null));
        out = null;
    }

    private COSStream stream(byte[] data, COSDictionary entries) throws IOException {
        COSStream stream = document.getDocument().createCOSStream();
        if (entries != null) {
            stream.addAll(entries);
        }
        try (OutputStream o = stream.createOutputStream(COSName.FLATE_DECODE)) {
            o.write(data);
        }
        return stream;
    }

    /** A block of text wrapped into [x, x + width], starting at y; moves y below it. */
    private void text(String text, float size, Color color, boolean bold, float x, float width, Align align) throws IOException {
        for (String line : wrap(text, size, width)) {
            draw(line, size, color, bold, x, width, align, y - BASELINE * size);
            y -= LEADING * size;
        }
    }

    private void paragraph(String text, float size, Color color) throws IOException {
        for (String line : wrap(text, size, WIDTH)) {
            if (y - LEADING * size < BOTTOM) {
                newPage();
            }
            draw(line, size, color, false, LEFT, WIDTH, Align.LEFT, y - BASELINE * size);
            y -= LEADING * size;
        }
    }

    private void draw(String line, float size, Color color, boolean bold, float x, float width, Align align, float baseline)
            throws IOException {
        float w = width(line, size);
        float at = switch (align) {
            case LEFT -> x;
            case CENTER -> x + (width - w) / 2;
            case RIGHT -> x + width - w;
        };
        if (line.isEmpty()) {
            return;
        }
        out.append("BT ");
        color(color, "rg");
        if (bold) {
            // the font has one weight: bold is drawn by stroking the outline as well as filling it
            color(color, "RG");
            number(size / 30);
            out.append(" w 2 Tr ");
        }
        number(at);
        out.append(' ');
        number(baseline);
        out.append(" Td");
        // runs of the base font's characters as /F1, of the others (the customer's name, mostly) as /F2
        char[] baseCids = base().cids();
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
            hex4(cid);
            i += Character.charCount(cp);
        }
        out.append(bold ? "> Tj 0 Tr ET\n" : "> Tj ET\n");
    }

    private void color(Color c, String operator) {
        number(c.getRed() / 255f);
        out.append(' ');
        number(c.getGreen() / 255f);
        out.append(' ');
        number(c.getBlue() / 255f);
        out.append(' ').append(operator).append(' ');
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private void hex4(int v) {
        out.append(HEX[v >> 12 & 15]).append(HEX[v >> 8 & 15]).append(HEX[v >> 4 & 15]).append(HEX[v & 15]);
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

    /** The tables of the font kept in the subset: what a CIDFontType2 needs to draw the glyphs, as PDFBox keeps. */
    private static final List<String> SUBSET_TABLES = List.of("head", "hhea", "loca", "maxp", "cvt ", "prep", "glyf", "hmtx", "fpgm",
            "gasp");

    /** A font subset ready to embed: the font program, CID to glyph map and ToUnicode map (deflated or not), the CIDs' widths. */
    private record Parts(String name, byte[] fontFile, int fontFileLength, byte[] cidToGid, byte[] toUnicode, float[] widths, float[] box,
            float ascent, float descent, float capHeight) {
    }

    /**
     * The subset of the font with these characters (code point → CID, CIDs from 1): its glyphs, renumbered
     * by the subsetter, a CID-to-glyph map of two bytes per CID, the CIDs' widths and a ToUnicode map so
     * the text can be copied and searched.
     */
    private Parts subset(Map<Integer, Integer> chars) throws IOException {
        int n = chars.size();
        Set<Integer> gids = new HashSet<>(n * 2);
        int[] oldGid = new int[n + 1];
        int[] codepoint = new int[n + 1];
        for (Map.Entry<Integer, Integer> e : chars.entrySet()) {
            int gid = ttf.getUnicodeCmapLookup().getGlyphId(e.getKey());
            oldGid[e.getValue()] = gid;
            codepoint[e.getValue()] = e.getKey();
            gids.add(gid);
        }
        TTFSubsetter subsetter = new TTFSubsetter(ttf, SUBSET_TABLES);
        subsetter.addGlyphIds(gids);
        String tag = tag(codepoint);
        subsetter.setPrefix(tag);
        ByteArrayOutputStream subset = new ByteArrayOutputStream(32 * 1024);
        subsetter.writeToStream(subset);
        Map<Integer, Integer> newToOld = subsetter.getGIDMap();
        Map<Integer, Integer> oldToNew = new HashMap<>(newToOld.size() * 2);
        newToOld.forEach((newGid, old) -> oldToNew.put(old, newGid));
        byte[] map = new byte[(n + 1) * 2];
        float[] widthOfCid = new float[n + 1];
        for (int cid = 1; cid <= n; cid++) {
            int gid = oldToNew.getOrDefault(oldGid[cid], 0);
            map[cid * 2] = (byte) (gid >> 8);
            map[cid * 2 + 1] = (byte) gid;
            widthOfCid[cid] = Math.round(advance(codepoint[cid]) * 100) / 100f;
        }
        float scale = 1000f / ttf.getUnitsPerEm();
        float[] box = {ttf.getHeader().getXMin() * scale, ttf.getHeader().getYMin() * scale, ttf.getHeader().getXMax() * scale,
                ttf.getHeader().getYMax() * scale};
        byte[] fontFile = subset.toByteArray();
        return new Parts(tag + "+" + ttf.getName(), fontFile, fontFile.length, map, toUnicode(codepoint, n), widthOfCid, box,
                ttf.getHorizontalHeader().getAscender() * scale, ttf.getHorizontalHeader().getDescender() * scale,
                ttf.getOS2Windows() == null ? 700 : ttf.getOS2Windows().getCapHeight() * scale);
    }

    /** The font dictionaries of a subset: Type0 (Identity-H) over a CIDFontType2 with the subset embedded (FontFile2). */
    private COSDictionary type0(Parts f, boolean deflated) throws IOException {
        COSDictionary descriptor = new COSDictionary();
        descriptor.setItem(COSName.TYPE, COSName.FONT_DESC);
        descriptor.setName(COSName.FONT_NAME, f.name());
        descriptor.setInt(COSName.FLAGS, 4);
        COSArray box = new COSArray();
        for (float v : f.box()) {
            box.add(new COSFloat(v));
        }
        descriptor.setItem(COSName.FONT_BBOX, box);
        descriptor.setInt(COSName.ITALIC_ANGLE, 0);
        descriptor.setFloat(COSName.ASCENT, f.ascent());
        descriptor.setFloat(COSName.DESCENT, f.descent());
        descriptor.setFloat(COSName.CAP_HEIGHT, f.capHeight());
        descriptor.setInt(COSName.STEM_V, 80);
        COSDictionary length1 = new COSDictionary();
        length1.setInt(COSName.LENGTH1, f.fontFileLength());
        descriptor.setItem(COSName.FONT_FILE2, deflated ? deflatedStream(f.fontFile(), length1) : stream(f.fontFile(), length1));

        COSArray widthsOfCids = new COSArray();
        for (int cid = 1; cid < f.widths().length; cid++) {
            widthsOfCids.add(new COSFloat(f.widths()[cid]));
        }
        COSArray w = new COSArray();
        w.add(COSInteger.ONE);
        w.add(widthsOfCids);
        COSDictionary systemInfo = new COSDictionary();
        systemInfo.setString(COSName.REGISTRY, "Adobe");
        systemInfo.setString(COSName.ORDERING, "Identity");
        systemInfo.setInt(COSName.SUPPLEMENT, 0);
        COSDictionary cidFont = new COSDictionary();
        cidFont.setItem(COSName.TYPE, COSName.FONT);
        cidFont.setItem(COSName.SUBTYPE, COSName.CID_FONT_TYPE2);
        cidFont.setName(COSName.BASE_FONT, f.name());
        cidFont.setItem(COSName.CIDSYSTEMINFO, systemInfo);
        cidFont.setItem(COSName.FONT_DESC, descriptor);
        cidFont.setItem(COSName.W, w);
        cidFont.setItem(COSName.CID_TO_GID_MAP, deflated ? deflatedStream(f.cidToGid(), null) : stream(f.cidToGid(), null));

        COSDictionary type0 = new COSDictionary();
        type0.setItem(COSName.TYPE, COSName.FONT);
        type0.setItem(COSName.SUBTYPE, COSName.TYPE0);
        type0.setName(COSName.BASE_FONT, f.name());
        type0.setItem(COSName.ENCODING, COSName.IDENTITY_H);
        COSArray descendants = new COSArray();
        descendants.add(cidFont);
        type0.setItem(COSName.DESCENDANT_FONTS, descendants);
        type0.setItem(COSName.TO_UNICODE, deflated ? deflatedStream(f.toUnicode(), null) : stream(f.toUnicode(), null));
        return type0;
    }

    /** A stream of data already deflated (FlateDecode). */
    private COSStream deflatedStream(byte[] deflated, COSDictionary entries) throws IOException {
        COSStream stream = document.getDocument().createCOSStream();
        if (entries != null) {
            stream.addAll(entries);
        }
        stream.setItem(COSName.FILTER, COSName.FLATE_DECODE);
        try (OutputStream o = stream.createRawOutputStream()) {
            o.write(deflated);
        }
        return stream;
    }

    /**
     * Every character the statement itself writes (titles, headings, labels, the kinds of movement, the
     * closing note) and printable ASCII (dates, amounts, references): the base subset, the same in every
     * statement, so it is made once and each PDF embeds a copy of it; only the other characters (the
     * customer's name, mostly) make a subset per statement.
     */
    static final String BASE_CHARACTERS = "对账单 Statement of account – 客户 Customer：（）出具日期 Issued 期初余额 Opening balance 期末余额 Closing balance "
            + String.join(" ", HEADINGS) + " 本期合计 Period totals 发票 Invoice 收款 Payment 红字/折让 Credit note 核销 Write-off 到期 Due "
            + "本期收款 Payments received；红字/折让 Credit notes；核销 Write-offs。如对上述余额有异议，请于收到本对账单后十日内与我司联系；逾期未提出异议视为确认。";

    /** The base subset of a font: code point → CID (0: not in it) and its parts, deflated. */
    private record Base(char[] cids, Parts parts) {
    }

    private static volatile Base base;

    private Base base() throws IOException {
        Base b = base;
        if (b == null) {
            synchronized (StatementPdfWriter.class) {
                b = base;
                if (b == null) {
                    Map<Integer, Integer> chars = new LinkedHashMap<>();
                    for (int c = 0x21; c < 0x7f; c++) {
                        chars.put(c, chars.size() + 1);
                    }
                    BASE_CHARACTERS.codePoints().filter(c -> c > ' ' && c >= 0x7f).forEach(c -> chars.putIfAbsent(c, chars.size() + 1));
                    chars.put((int) ' ', chars.size() + 1);
                    char[] cids = new char[0x10000];
                    chars.forEach((c, cid) -> cids[c] = (char) (int) cid);
                    Parts p = subset(chars);
                    b = new Base(cids, new Parts(p.name(), deflate(p.fontFile()), p.fontFileLength(), deflate(p.cidToGid()),
                            deflate(p.toUnicode()), p.widths(), p.box(), p.ascent(), p.descent(), p.capHeight()));
                    base = b;
                }
            }
        }
        return b;
    }

    private static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try {
            deflater.setInput(data);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 2 + 64);
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /** The subset's tag: six capital letters derived from the characters it holds (the same set, the same tag). */
    private static String tag(int[] codepoints) {
        long h = 1125899906842597L;
        for (int c : codepoints) {
            h = 31 * h + c;
        }
        h = Math.abs(h ^ (h >>> 29));
        char[] t = new char[6];
        for (int i = 0; i < 6; i++) {
            t[i] = (char) ('A' + Math.floorMod(h, 26));
            h /= 26;
        }
        return new String(t);
    }

    /** The ToUnicode CMap: each CID to the character (UTF-16BE) it shows. */
    private static byte[] toUnicode(int[] codepoint, int n) {
        StringBuilder b = new StringBuilder(300 + n * 16);
        b.append("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n")
                .append("/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n")
                .append("/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
        for (int from = 1; from <= n; from += 100) {
            int to = Math.min(n, from + 99);
            b.append(to - from + 1).append(" beginbfchar\n");
            for (int cid = from; cid <= to; cid++) {
                b.append('<').append(HexFormat.of().withUpperCase().toHexDigits((short) cid)).append("> <");
                for (char c : Character.toChars(codepoint[cid])) {
                    b.append(HexFormat.of().withUpperCase().toHexDigits(c));
                }
                b.append(">\n");
            }
            b.append("endbfchar\n");
        }
        b.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
        return b.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The two-column, borderless lines under the title: left text, right text aligned right. */
    private void facts(String left, String right) throws IOException {
        float half = WIDTH / 2;
        List<String> l = wrap(left, BODY, half);
        List<String> r = wrap(right, BODY, half);
        float top = y - 0.6f * MM;
        for (int i = 0; i < Math.max(l.size(), r.size()); i++) {
            float baseline = top - i * LEADING * BODY - BASELINE * BODY;
            if (i < l.size()) {
                draw(l.get(i), BODY, TEXT, false, LEFT, half, Align.LEFT, baseline);
            }
            if (i < r.size()) {
                draw(r.get(i), BODY, TEXT, false, LEFT + half, half, Align.RIGHT, baseline);
            }
        }
        y = top - Math.max(l.size(), r.size()) * LEADING * BODY - 0.6f * MM;
    }

    private void header() throws IOException {
        row(HEADINGS, null, false, true);
    }

    private void row(String[] cells, int[] spans, boolean bold) throws IOException {
        row(cells, spans, bold, false);
    }

    /** One table row; a row that does not fit goes to a new page, under the repeated header. */
    private void row(String[] cells, int[] spans, boolean bold, boolean heading) throws IOException {
        int n = cells.length;
        float[] x = new float[n];
        float[] w = new float[n];
        boolean[] right = new boolean[n];
        List<List<String>> wrapped = new ArrayList<>(n);
        int column = 0;
        float at = LEFT;
        int most = 1;
        for (int i = 0; i < n; i++) {
            int span = spans == null ? 1 : spans[i];
            float cw = 0;
            for (int k = 0; k < span; k++) {
                cw += columns[column + k];
            }
            right[i] = RIGHT[column + span - 1] && span == 1;
            column += span;
            x[i] = at;
            w[i] = cw;
            at += cw;
            String cell = cells[i] == null ? "" : cells[i];
            List<String> ls = wrap(cell, BODY, cw - 2 * PAD_X);
            wrapped.add(ls);
            most = Math.max(most, ls.size());
        }
        float height = most * LEADING * BODY + 2 * PAD_Y;
        if (y - height < BOTTOM && !heading) {
            newPage();
            header();
        }
        float top = y;
        if (heading) {
            color(HEADER, "rg");
            rect(LEFT, top - height, WIDTH, height);
            out.append("f\n");
        }
        color(BORDER, "RG");
        number(RULE);
        out.append(" w ");
        for (int i = 0; i < n; i++) {
            rect(x[i], top - height, w[i], height);
        }
        out.append("S\n");
        for (int i = 0; i < n; i++) {
            List<String> ls = wrapped.get(i);
            for (int j = 0; j < ls.size(); j++) {
                // cells are centred vertically in their row, as table cells are in HTML
                float baseline = top - PAD_Y - (most - ls.size()) * LEADING * BODY / 2 - j * LEADING * BODY - BASELINE * BODY;
                draw(ls.get(j), BODY, TEXT, bold, x[i] + PAD_X, w[i] - 2 * PAD_X, right[i] ? Align.RIGHT : Align.LEFT, baseline);
            }
        }
        y = top - height;
    }

    /**
     * The column widths for these rows, as HTML's automatic layout of a 100 % wide table: each column
     * gets at least its longest unbreakable word and, as far as the width allows, its widest cell on one
     * line; what is left over is shared in proportion to those widest cells.
     */
    private float[] layout(List<String[]> rows, String[]... more) throws IOException {
        int n = HEADINGS.length;
        float[] min = new float[n];
        float[] max = new float[n];
        List<String[]> all = new ArrayList<>(rows.size() + more.length + 1);
        all.add(HEADINGS);
        all.addAll(rows);
        all.addAll(List.of(more));
        for (String[] r : all) {
            for (int c = 0; c < n; c++) {
                String cell = r[c];
                if (cell == null || cell.isEmpty()) {
                    continue;
                }
                cell = clean(cell);
                max[c] = Math.max(max[c], width(cell, BODY));
                min[c] = Math.max(min[c], longestWord(cell));
            }
        }
        float sumMin = 0;
        float sumMax = 0;
        for (int c = 0; c < n; c++) {
            min[c] += 2 * PAD_X + RULE;
            max[c] += 2 * PAD_X + RULE;
            sumMin += min[c];
            sumMax += max[c];
        }
        float[] w = new float[n];
        for (int c = 0; c < n; c++) {
            if (sumMax <= WIDTH) {
                w[c] = max[c] + (WIDTH - sumMax) * max[c] / sumMax;
            } else if (sumMin <= WIDTH) {
                w[c] = min[c] + (WIDTH - sumMin) * (max[c] - min[c]) / (sumMax - sumMin);
            } else {
                w[c] = min[c] * WIDTH / sumMin;
            }
        }
        return w;
    }

    /** The width in points of the longest piece of {@code text} that may not be broken (a word, or one CJK character). */
    private float longestWord(String text) throws IOException {
        float longest = 0;
        float word = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || isCjk(c)) {
                longest = Math.max(longest, word);
                word = c == ' ' ? 0 : advance(c);
                longest = Math.max(longest, word);
                word = 0;
            } else {
                float a = Character.isHighSurrogate(c) ? advance(text.codePointAt(i)) : Character.isLowSurrogate(c) ? 0 : advance(c);
                word += Float.isNaN(a) ? 0 : a;
            }
        }
        return Math.max(longest, word) * BODY / 1000;
    }

    /**
     * The lines of {@code text} at {@code size} within {@code width}: breaks after a space or on either
     * side of a CJK character (as a browser would), and inside a word only when the word alone is too wide.
     */
    List<String> wrap(String raw, float size, float width) throws IOException {
        String text = clean(raw);
        float limit = width * 1000 / size;
        List<String> lines = new ArrayList<>(1);
        int start = 0;
        while (start < text.length()) {
            float used = 0;
            int breakAt = -1;
            int i = start;
            for (; i < text.length(); i++) {
                char c = text.charAt(i);
                if (i > start && (c == ' ' || isCjk(c) || isCjk(text.charAt(i - 1)))) {
                    breakAt = i;
                }
                float a = Character.isHighSurrogate(c) ? advance(text.codePointAt(i)) : Character.isLowSurrogate(c) ? 0 : advance(c);
                used += Float.isNaN(a) ? 0 : a;
                if (used > limit && i > start) {
                    break;
                }
            }
            if (i >= text.length()) {
                lines.add(text.substring(start).strip());
                break;
            }
            int end = breakAt > start ? breakAt : i;
            lines.add(text.substring(start, end).strip());
            start = end;
            while (start < text.length() && text.charAt(start) == ' ') {
                start++;
            }
        }
        if (lines.isEmpty()) {
            lines.add("");
        }
        return lines;
    }

    private static boolean isCjk(char c) {
        return c >= 0x2E80 && !Character.isSurrogate(c);
    }

    /**
     * The text as it is shown: white space collapsed to single spaces (as in HTML), and a character the
     * font has no glyph for shown as "?" instead of failing the whole document.
     */
    String clean(String text) throws IOException {
        StringBuilder b = null;
        boolean space = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int n = Character.charCount(cp);
            String replacement = null;
            if (Character.isWhitespace(cp) || Character.isISOControl(cp)) {
                replacement = space ? "" : " ";
            } else if (Float.isNaN(advance(cp))) {
                replacement = "?";
            }
            space = Character.isWhitespace(cp) || Character.isISOControl(cp);
            if (replacement != null && !(replacement.equals(" ") && cp == ' ')) {
                if (b == null) {
                    b = new StringBuilder(text.length()).append(text, 0, i);
                }
                b.append(replacement);
            } else if (b != null) {
                b.appendCodePoint(cp);
            }
            i += n;
        }
        return b == null ? text : b.toString();
    }

    float width(String text, float size) throws IOException {
        float w = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            float a = advance(cp);
            w += Float.isNaN(a) ? 0 : a;
            i += Character.charCount(cp);
        }
        return w * size / 1000;
    }

    /** The advance width of one character in 1/1000 em from the font's metrics (cached), NaN when the font lacks it. */
    private float advance(int cp) throws IOException {
        if (cp < widths.length) {
            float w = widths[cp];
            if (w == w) {
                return w;
            }
            if (w == Float.NEGATIVE_INFINITY) {
                return Float.NaN;
            }
        }
        int gid = ttf.getUnicodeCmapLookup().getGlyphId(cp);
        float w = gid == 0 ? Float.NaN : ttf.getAdvanceWidth(gid) * 1000f / ttf.getUnitsPerEm();
        if (cp < widths.length) {
            widths[cp] = gid == 0 ? Float.NEGATIVE_INFINITY : w;
        }
        return w;
    }
}
