package io.huikuan.exchange.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes CSV text line by line, strictly, and remembers where the first encoding problem is instead
 * of failing wherever a read-ahead buffer happens to be: the character offset of the problem, so the
 * CSV reader can name the row (record) that holds it, quoted line breaks included. Problems: bytes
 * that are not valid in the file's encoding (replaced by U+FFFD, so parsing can go on to the end of
 * that row), and, in a GBK file, a line that is really UTF-8 text, which GBK would decode "validly"
 * as garbage (UTF-8 Chinese read as GBK: 北京 becomes 鍖椾含).
 */
final class StrictLineDecoder extends Reader {

    /** A line longer than this is decoded in pieces (and not checked for UTF-8 inside GBK). */
    private static final int MAX_LINE = 64 * 1024;
    private static final Charset GB2312 = Charset.forName("GB2312");

    /** The first problem: where (character offset in the decoded text), on which line, and what. */
    record Problem(long offset, long line, String message) {
    }

    private final InputStream in;
    private final Charset charset;
    private final String label;
    private final boolean gbk;
    private final CharsetDecoder decoder;
    private final byte[] input = new byte[64 * 1024];
    private int inPos;
    private int inLen;
    private final byte[] line = new byte[MAX_LINE];
    private final ByteBuffer bytes = ByteBuffer.allocate(MAX_LINE + 16);
    private CharBuffer chars = CharBuffer.allocate(MAX_LINE + 16);
    private long emitted;
    private long lineNo;
    private boolean lineContinues;
    private boolean eof;
    private Problem problem;

    StrictLineDecoder(InputStream in, Charset charset, String label) {
        this.in = in;
        this.charset = charset;
        this.label = label;
        this.gbk = !charset.equals(StandardCharsets.UTF_8);
        this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        bytes.flip();
        chars.flip();
    }

    /** The first encoding problem seen so far, or null. */
    Problem problem() {
        return problem;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (!chars.hasRemaining()) {
            if (eof) {
                return -1;
            }
            fill();
        }
        int n = Math.min(len, chars.remaining());
        chars.get(cbuf, off, n);
        return n;
    }

    /** The next byte of the input, or -1 at its end. */
    private int nextByte() throws IOException {
        if (inPos == inLen) {
            inLen = in.read(input);
            inPos = 0;
            if (inLen <= 0) {
                inLen = 0;
                return -1;
            }
        }
        return input[inPos++] & 0xFF;
    }

    /** Reads one line (or a piece of a long one) and decodes it. */
    private void fill() throws IOException {
        int n = 0;
        int b = 0;
        while (n < MAX_LINE && (b = nextByte()) >= 0) {
            line[n++] = (byte) b;
            if (b == '\n') {
                break;
            }
        }
        boolean complete = b == '\n' || b < 0;
        if (b < 0) {
            eof = true;
        }
        boolean wholeLine = complete && !lineContinues;
        long lineNumber = lineNo + 1;
        if (gbk && wholeLine && problem == null) {
            String utf8 = utf8InGbk(n);
            if (utf8 != null) {
                problem = new Problem(emitted, lineNumber, "is UTF-8 text in a " + label + " file: it reads \"" + utf8
                        + "\" as UTF-8 and would be stored garbled as \"" + snippet(new String(line, 0, n, charset)) + "\"");
            }
        }
        if (complete) {
            lineNo++;
        }
        lineContinues = !complete;
        // what is left over from the line before (a cut sequence) plus this line
        bytes.compact().put(line, 0, n).flip();
        chars.clear();
        while (true) {
            CoderResult r = decoder.decode(bytes, chars, eof);
            if (r.isError()) {
                if (problem == null) {
                    problem = new Problem(emitted + chars.position(), lineNumber, "is not valid " + label + " text (bytes "
                            + hex(bytes, r.length()) + (gbk || !gb18030(n) ? "" : "; this line is GBK/GB18030 text, so the file mixes encodings") + ")");
                }
                bytes.position(bytes.position() + r.length());
                if (!chars.hasRemaining()) {
                    chars = grow(chars);
                }
                chars.put('\uFFFD');
                continue;
            }
            if (r.isOverflow()) {
                chars = grow(chars);
                continue;
            }
            break;
        }
        if (eof) {
            decoder.flush(chars);
        }
        chars.flip();
        emitted += chars.remaining();
    }

    private static CharBuffer grow(CharBuffer chars) {
        CharBuffer bigger = CharBuffer.allocate(chars.capacity() * 2 + 16);
        chars.flip();
        return bigger.put(chars);
    }

    private static String hex(ByteBuffer bytes, int length) {
        StringBuilder hex = new StringBuilder();
        for (int k = 0; k < length; k++) {
            hex.append(k == 0 ? "" : " ").append(String.format("0x%02X", bytes.get(bytes.position() + k) & 0xFF));
        }
        return hex.toString();
    }

    private boolean gb18030(int n) {
        return FileFormats.valid(java.util.Arrays.copyOf(line, n), FileFormats.GB18030);
    }

    /**
     * The line's text when it is really UTF-8 in a GBK file: valid UTF-8 holding Chinese (and only
     * characters a business file holds), while its GBK reading needs characters outside GB2312, as
     * UTF-8 bytes read as GBK do. Genuine GBK text practically never passes both.
     */
    private String utf8InGbk(int n) {
        // a plain scan first (no decoder, no exception): most GBK lines fail on their first Chinese character
        boolean chinese = false;
        int k = 0;
        while (k < n) {
            int b = line[k] & 0xFF;
            if (b < 0x80) {
                k++;
                continue;
            }
            int extra = b >= 0xC2 && b <= 0xDF ? 1 : b >= 0xE0 && b <= 0xEF ? 2 : -1;
            if (extra < 0 || k + extra >= n) {
                return null;
            }
            int cp = b & (extra == 1 ? 0x1F : 0x0F);
            for (int j = 1; j <= extra; j++) {
                int c = line[k + j] & 0xFF;
                if ((c & 0xC0) != 0x80) {
                    return null;
                }
                cp = cp << 6 | c & 0x3F;
            }
            if (extra == 2 && cp < 0x800) {
                return null;
            }
            if (cp >= 0x4E00 && cp <= 0x9FFF || cp >= 0x3000 && cp <= 0x303F || cp >= 0xFF00 && cp <= 0xFFEF) {
                chinese = true;
            } else if (!(cp >= 0xA0 && cp <= 0xFF || cp >= 0x2000 && cp <= 0x206F)) {
                return null;
            }
            k += extra + 1;
        }
        if (!chinese) {
            return null;
        }
        String asGbk = new String(line, 0, n, charset);
        return GB2312.newEncoder().canEncode(asGbk) ? null : snippet(new String(line, 0, n, StandardCharsets.UTF_8));
    }

    private static String snippet(String s) {
        String t = s.strip();
        return t.length() > 40 ? t.substring(0, 40) + "…" : t;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
