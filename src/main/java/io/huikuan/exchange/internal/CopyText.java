package io.huikuan.exchange.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Rows in PostgreSQL's COPY text format (tab separated, backslash escapes, \N for null), buffered as UTF-8 bytes. */
final class CopyText {

    interface Flush {
        void write(byte[] bytes, int length) throws IOException;
    }

    private final StringBuilder line = new StringBuilder(256);
    private final byte[] buffer = new byte[256 * 1024];
    private int used;
    private final Flush flush;
    private boolean first = true;

    CopyText(Flush flush) {
        this.flush = flush;
    }

    static CopyText to(OutputStream out) {
        return new CopyText((b, n) -> out.write(b, 0, n));
    }

    CopyText field(Object v) {
        if (!first) {
            line.append('\t');
        }
        first = false;
        if (v == null) {
            line.append("\\N");
            return this;
        }
        String s = v instanceof java.math.BigDecimal b ? b.toPlainString() : v.toString();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> line.append("\\\\");
                case '\t' -> line.append("\\t");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                default -> line.append(c);
            }
        }
        return this;
    }

    CopyText field(long v) {
        if (!first) {
            line.append('\t');
        }
        first = false;
        line.append(v);
        return this;
    }

    void endRow() throws IOException {
        line.append('\n');
        byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
        line.setLength(0);
        first = true;
        if (used + bytes.length > buffer.length) {
            flush();
        }
        if (bytes.length > buffer.length) {
            flush.write(bytes, bytes.length);
            return;
        }
        System.arraycopy(bytes, 0, buffer, used, bytes.length);
        used += bytes.length;
    }

    void flush() throws IOException {
        if (used > 0) {
            flush.write(buffer, used);
            used = 0;
        }
    }
}
