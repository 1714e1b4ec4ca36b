package io.huikuan.correspondence;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.fontbox.ttf.TrueTypeFont;

/**
 * Widths and line breaks of text in the embedded font, for {@link XhtmlPdfWriter}: advance widths looked up
 * once per character (cached per parsed font), lines wrapped at spaces and on either side of CJK characters
 * as a browser does. Not thread-safe (one per borrowed font).
 */
final class PdfTextMeasure {

    private final TrueTypeFont ttf;
    private final float[] widths;

    /**
     * @param widths advance widths per BMP character in 1/1000 em, {@code NaN} where not yet known, {@code -Infinity}
     *        where the font has no glyph; filled as characters are met
     */
    PdfTextMeasure(TrueTypeFont ttf, float[] widths) {
        this.ttf = ttf;
        this.widths = widths;
    }

    TrueTypeFont font() {
        return ttf;
    }

    /** The advance width of one character in 1/1000 em from the font's metrics (cached), NaN when the font lacks it. */
    float advance(int cp) throws IOException {
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

    private float advanceAt(String text, int i) throws IOException {
        char c = text.charAt(i);
        float a = Character.isHighSurrogate(c) ? advance(text.codePointAt(i)) : Character.isLowSurrogate(c) ? 0 : advance(c);
        return Float.isNaN(a) ? 0 : a;
    }

    /** The width of {@code text} in points at {@code size}. */
    float width(String text, float size) throws IOException {
        float w = 0;
        for (int i = 0; i < text.length(); i++) {
            w += advanceAt(text, i);
        }
        return w * size / 1000;
    }

    /** The width in points of the longest piece of {@code text} that may not be broken (a word, or one CJK character). */
    float longestWord(String text, float size) throws IOException {
        float longest = 0;
        float word = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || isCjk(c)) {
                longest = Math.max(longest, word);
                longest = Math.max(longest, c == ' ' ? 0 : advance(c));
                word = 0;
            } else {
                word += advanceAt(text, i);
            }
        }
        return Math.max(longest, word) * size / 1000;
    }

    /**
     * The lines of {@code text} at {@code size} within {@code width}: breaks after a space or on either side of a
     * CJK character (as a browser would), and inside a word only when the word alone is too wide. A text that must
     * not break ({@code nowrap}: amounts, dates) is one line whatever its width.
     */
    List<String> wrap(String raw, float size, float width, boolean nowrap) throws IOException {
        String text = clean(raw);
        if (nowrap) {
            return List.of(text.strip());
        }
        // a hair of slack: a column sized exactly to its longest word must not break that word on rounding
        float limit = width * 1000 / size + 0.5f;
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
                used += advanceAt(text, i);
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

    /** White space that HTML collapses (and the no-break space): not the ideographic space U+3000, which is kept. */
    static boolean isCollapsible(int cp) {
        return cp != 0x3000 && (Character.isWhitespace(cp) || Character.isISOControl(cp) || cp == 0xA0);
    }

    static boolean isCjk(char c) {
        return c >= 0x2E80 && !Character.isSurrogate(c);
    }

    /**
     * The text as it is shown: white space collapsed to single spaces (as in HTML), and a character the font has
     * no glyph for shown as "?" instead of failing the whole document.
     */
    String clean(String text) throws IOException {
        StringBuilder b = null;
        boolean space = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int n = Character.charCount(cp);
            String replacement = null;
            boolean white = isCollapsible(cp);
            if (white) {
                replacement = space ? "" : " ";
            } else if (Float.isNaN(advance(cp))) {
                replacement = "?";
            }
            space = white;
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
}
