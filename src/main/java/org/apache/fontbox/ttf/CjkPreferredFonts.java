package org.apache.fontbox.ttf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.pdfbox.io.RandomAccessRead;

/**
 * Parses a TrueType font whose Unicode lookup names a glyph by its unified ideograph first. CJK fonts such as
 * Noto Sans SC draw 工 (U+5DE5) and the Kangxi radical ⼯ (U+2F2F) with one glyph; PDFBox writes a PDF's
 * ToUnicode map with the first code of each glyph, the radical, so text copied or searched in the PDF read
 * "⼯业" instead of "工业", "⼈⺠币" instead of "人民币". Here the ideographs come first.
 *
 * <p>It lives in FontBox's package because a font's parser and constructor are package-private there.
 */
public final class CjkPreferredFonts {

    private CjkPreferredFonts() {
    }

    /** Parses the font (the caller closes {@code source} when done with the font). */
    public static TrueTypeFont parse(RandomAccessRead source) throws IOException {
        return new TTFParser() {
            @Override
            TrueTypeFont newFont(TTFDataStream data) {
                return new TrueTypeFont(data) {
                    @Override
                    public CmapLookup getUnicodeCmapLookup(boolean strict) throws IOException {
                        return preferIdeographs(super.getUnicodeCmapLookup(strict));
                    }
                };
            }
        }.parse(source);
    }

    static CmapLookup preferIdeographs(CmapLookup lookup) {
        return new CmapLookup() {
            @Override
            public int getGlyphId(int codePoint) {
                return lookup.getGlyphId(codePoint);
            }

            @Override
            public List<Integer> getCharCodes(int gid) {
                List<Integer> codes = lookup.getCharCodes(gid);
                if (codes == null || codes.size() < 2) {
                    return codes;
                }
                List<Integer> sorted = new ArrayList<>(codes);
                sorted.sort(Comparator.comparingInt(CjkPreferredFonts::rank));
                return sorted;
            }
        };
    }

    /** Lower is preferred: ordinary characters and unified ideographs before radicals and compatibility forms. */
    static int rank(int codePoint) {
        boolean radical = codePoint >= 0x2E80 && codePoint <= 0x2FDF;
        boolean compatibility = codePoint >= 0xF900 && codePoint <= 0xFAFF || codePoint >= 0x2F800 && codePoint <= 0x2FA1F;
        return radical ? 2 : compatibility ? 1 : 0;
    }
}
