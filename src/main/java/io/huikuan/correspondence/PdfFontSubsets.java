package io.huikuan.correspondence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.Deflater;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * The embedded font of {@link XhtmlPdfWriter}'s PDFs, made without PDFBox's whole-font width and CID tables
 * (which cost more than the rest of a statement): Type0 / Identity-H over CIDFontType2, the font program a
 * subset made by FontBox's {@code TTFSubsetter}, CIDs numbered in order of use (a CID-to-GID map of two bytes per
 * character), a {@code W} array and a ToUnicode map written from the characters themselves (so 工 reads back as
 * 工, never as the Kangxi radical ⼯ that shares its glyph).
 *
 * <p>The characters most documents use (printable ASCII and the labels of the message bundles) form a base
 * subset made and deflated once per set of characters and copied into each PDF; only a document's other
 * characters (the customer's name, mostly) make a small second subset.
 */
final class PdfFontSubsets {

    private PdfFontSubsets() {
    }

    /** The tables of the font kept in the subset: what a CIDFontType2 needs to draw the glyphs, as PDFBox keeps. */
    private static final List<String> SUBSET_TABLES = List.of("head", "hhea", "loca", "maxp", "cvt ", "prep", "glyf", "hmtx", "fpgm",
            "gasp");

    /** A font subset ready to embed: the font program, CID to glyph map and ToUnicode map (deflated or not), the CIDs' widths. */
    record Parts(String name, byte[] fontFile, int fontFileLength, byte[] cidToGid, byte[] toUnicode, float[] widths, float[] box,
            float ascent, float descent, float capHeight) {
    }

    /** The base subset of a font: code point → CID (0: not in it) and its parts, deflated. */
    record Base(char[] cids, Parts parts) {
    }

    private static final Map<String, Base> BASES = new ConcurrentHashMap<>();

    /** The base subset with printable ASCII, the space and these characters (made once per set, then shared). */
    static Base base(PdfTextMeasure measure, String characters) throws IOException {
        Base b = BASES.get(characters);
        if (b != null) {
            return b;
        }
        synchronized (BASES) {
            b = BASES.get(characters);
            if (b == null) {
                Map<Integer, Integer> chars = new LinkedHashMap<>();
                for (int c = 0x21; c < 0x7f; c++) {
                    chars.put(c, chars.size() + 1);
                }
                characters.codePoints().filter(c -> c >= 0x7f && c < 0x10000 && !Float.isNaN(advanceOrNaN(measure, c)))
                        .forEach(c -> chars.putIfAbsent(c, chars.size() + 1));
                chars.put((int) ' ', chars.size() + 1);
                char[] cids = new char[0x10000];
                chars.forEach((c, cid) -> cids[c] = (char) (int) cid);
                Parts p = subset(measure, chars);
                b = new Base(cids, new Parts(p.name(), deflate(p.fontFile()), p.fontFileLength(), deflate(p.cidToGid()), deflate(p.toUnicode()),
                        p.widths(), p.box(), p.ascent(), p.descent(), p.capHeight()));
                if (BASES.size() > 16) {
                    BASES.clear();
                }
                BASES.put(characters, b);
            }
            return b;
        }
    }

    private static float advanceOrNaN(PdfTextMeasure measure, int c) {
        try {
            return measure.advance(c);
        } catch (IOException e) {
            return Float.NaN;
        }
    }

    /**
     * The subset of the font with these characters (code point → CID, CIDs from 1): its glyphs, renumbered by the
     * subsetter, a CID-to-glyph map of two bytes per CID, the CIDs' widths and a ToUnicode map so the text can be
     * copied and searched.
     */
    static Parts subset(PdfTextMeasure measure, Map<Integer, Integer> chars) throws IOException {
        TrueTypeFont ttf = measure.font();
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
            widthOfCid[cid] = Math.round(measure.advance(codepoint[cid]) * 100) / 100f;
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
    static COSDictionary type0(PDDocument document, Parts f, boolean deflated) throws IOException {
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
        descriptor.setItem(COSName.FONT_FILE2, stream(document, f.fontFile(), length1, deflated));

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
        cidFont.setItem(COSName.CID_TO_GID_MAP, stream(document, f.cidToGid(), null, deflated));

        COSDictionary type0 = new COSDictionary();
        type0.setItem(COSName.TYPE, COSName.FONT);
        type0.setItem(COSName.SUBTYPE, COSName.TYPE0);
        type0.setName(COSName.BASE_FONT, f.name());
        type0.setItem(COSName.ENCODING, COSName.IDENTITY_H);
        COSArray descendants = new COSArray();
        descendants.add(cidFont);
        type0.setItem(COSName.DESCENDANT_FONTS, descendants);
        type0.setItem(COSName.TO_UNICODE, stream(document, f.toUnicode(), null, deflated));
        return type0;
    }

    /** A FlateDecode stream of {@code data}, deflated here unless {@code deflated} says it already is. */
    static COSStream stream(PDDocument document, byte[] data, COSDictionary entries, boolean deflated) throws IOException {
        COSStream stream = document.getDocument().createCOSStream();
        if (entries != null) {
            stream.addAll(entries);
        }
        if (deflated) {
            stream.setItem(COSName.FILTER, COSName.FLATE_DECODE);
            try (OutputStream o = stream.createRawOutputStream()) {
                o.write(data);
            }
        } else {
            try (OutputStream o = stream.createOutputStream(COSName.FLATE_DECODE)) {
                o.write(data);
            }
        }
        return stream;
    }

    static byte[] deflate(byte[] data) {
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
}
