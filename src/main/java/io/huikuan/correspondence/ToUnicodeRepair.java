package io.huikuan.correspondence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.fontbox.cmap.CMap;
import org.apache.fontbox.cmap.CMapParser;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

/**
 * Makes the text of a PDF embedded by PDFBox read back as written. CJK fonts such as Noto Sans SC draw 工 (U+5DE5) and
 * the Kangxi radical ⼯ (U+2F2F) with one glyph; PDFBox writes a font's ToUnicode map with the first code of each glyph,
 * the radical, so text copied or searched in the PDF read "⼯业" instead of "工业", "⼈⺠币" instead of "人民币". This
 * rewrites those entries with the unified ideograph the font maps to the same glyph. (Documents laid out by
 * {@link XhtmlPdfWriter} write their own ToUnicode maps from the characters and need no repair.)
 */
final class ToUnicodeRepair {

    private ToUnicodeRepair() {
    }

    /** The PDF with every Type0 font's ToUnicode map preferring ideographs over radicals; unchanged when none needed it. */
    static byte[] preferIdeographs(byte[] pdf, TrueTypeFont ttf) throws IOException {
        CmapLookup lookup = ttf.getUnicodeCmapLookup();
        boolean changed = false;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDPage page : document.getPages()) {
                COSDictionary fonts = page.getResources() == null ? null
                        : page.getResources().getCOSObject().getCOSDictionary(COSName.FONT);
                if (fonts == null) {
                    continue;
                }
                for (COSName name : fonts.keySet()) {
                    if (fonts.getDictionaryObject(name) instanceof COSDictionary font && COSName.TYPE0.equals(font.getCOSName(COSName.SUBTYPE))
                            && font.getDictionaryObject(COSName.TO_UNICODE) instanceof COSStream toUnicode) {
                        changed |= repair(toUnicode, lookup);
                    }
                }
            }
            if (!changed) {
                return pdf;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 1024);
            document.save(out);
            return out.toByteArray();
        }
    }

    private static boolean repair(COSStream toUnicode, CmapLookup lookup) throws IOException {
        CMap map;
        try (InputStream in = toUnicode.createInputStream()) {
            map = new CMapParser().parse(new RandomAccessReadBuffer(in));
        }
        List<int[]> entries = new ArrayList<>();
        boolean changed = false;
        for (int cid = 0; cid < 0x10000; cid++) {
            String text = map.toUnicode(cid);
            if (text == null || text.isEmpty()) {
                continue;
            }
            int cp = text.codePointAt(0);
            if (rank(cp) > 0 && text.length() == Character.charCount(cp)) {
                List<Integer> codes = lookup.getCharCodes(cid);
                if (codes != null) {
                    for (int c : codes) {
                        if (rank(c) < rank(cp)) {
                            cp = c;
                            changed = true;
                        }
                    }
                }
            }
            entries.add(new int[] {cid, cp});
            if (text.length() != Character.charCount(text.codePointAt(0))) {
                return false;
            }
        }
        if (!changed) {
            return false;
        }
        StringBuilder b = new StringBuilder(300 + entries.size() * 16);
        b.append("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n")
                .append("/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n")
                .append("/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
        for (int from = 0; from < entries.size(); from += 100) {
            int to = Math.min(entries.size(), from + 100);
            b.append(to - from).append(" beginbfchar\n");
            for (int i = from; i < to; i++) {
                b.append('<').append(HexFormat.of().withUpperCase().toHexDigits((short) entries.get(i)[0])).append("> <");
                for (char c : Character.toChars(entries.get(i)[1])) {
                    b.append(HexFormat.of().withUpperCase().toHexDigits(c));
                }
                b.append(">\n");
            }
            b.append("endbfchar\n");
        }
        b.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
        try (OutputStream o = toUnicode.createOutputStream(COSName.FLATE_DECODE)) {
            o.write(b.toString().getBytes(StandardCharsets.ISO_8859_1));
        }
        return true;
    }

    /** Lower is preferred: ordinary characters and unified ideographs before compatibility forms and radicals. */
    static int rank(int codePoint) {
        boolean radical = codePoint >= 0x2E80 && codePoint <= 0x2FDF;
        boolean compatibility = codePoint >= 0xF900 && codePoint <= 0xFAFF || codePoint >= 0x2F800 && codePoint <= 0x2FA1F;
        return radical ? 2 : compatibility ? 1 : 0;
    }
}
