package io.huikuan.exchange.internal;

import io.huikuan.exchange.ImportLimits;
import java.io.BufferedInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Opens an uploaded file as rows. The content decides, not only the name: a ZIP (OOXML) is read
 * as XLSX, legacy .xls and binary data are refused with a clear message, text is CSV whose
 * encoding is detected (BOM, else UTF-8 if the bytes are valid UTF-8, else GBK/GB18030 as saved
 * by a Chinese Excel, else the encoding of the first line with non-ASCII text) and decoded strictly
 * line by line ({@link StrictLineDecoder}: a row in another encoding is refused by its row number) and whose delimiter is a comma (or a semicolon/tab when the header says so).
 */
public final class FileFormats {

    private static final int SNIFF = 64 * 1024;
    static final Charset GB18030 = Charset.forName("GB18030");

    private FileFormats() {
    }

    /** Opens the file with the default {@link ImportLimits}. */
    public static RowSource open(InputStream raw, String filename, File spool) {
        return open(raw, filename, spool, ImportLimits.DEFAULTS);
    }

    /**
     * Opens the file; XLSX content is spooled to {@code spool} (a temp file the caller deletes) and
     * checked against {@code limits} before it is parsed.
     */
    public static RowSource open(InputStream raw, String filename, File spool, ImportLimits limits) {
        String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
        try {
            BufferedInputStream in = new BufferedInputStream(raw, SNIFF);
            in.mark(SNIFF);
            byte[] head = in.readNBytes(SNIFF);
            in.reset();
            if (head.length == 0) {
                throw new BadFileException(1, "file", "", "the file is empty: expected a header row with column names");
            }
            if (isZip(head)) {
                Files.copy(in, spool.toPath(), StandardCopyOption.REPLACE_EXISTING);
                XlsxGuard.check(spool, limits);
                return new XlsxRowSource(spool);
            }
            if (isOle2(head)) {
                throw new BadFileException("this is a legacy Excel 97-2003 (.xls) file; save it as .xlsx or CSV");
            }
            if (name.endsWith(".xlsx") || name.endsWith(".xlsm")) {
                throw new BadFileException("the file is named " + filename + " but is not an XLSX spreadsheet; save it as .xlsx or CSV");
            }
            if (looksBinary(head)) {
                throw new BadFileException("the file is not text (it contains binary data), so it cannot be read as CSV; upload a CSV text file or an .xlsx spreadsheet");
            }
            return csv(in, head, limits);
        } catch (IOException e) {
            throw new BadFileException("the file cannot be read: " + e.getMessage());
        }
    }

    private static RowSource csv(BufferedInputStream in, byte[] head, ImportLimits limits) throws IOException {
        Charset charset;
        int skip = 0;
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            charset = StandardCharsets.UTF_8;
            skip = 3;
        } else if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            charset = StandardCharsets.UTF_16LE;
            skip = 2;
        } else if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            charset = StandardCharsets.UTF_16BE;
            skip = 2;
        } else if (validUtf8(head)) {
            charset = StandardCharsets.UTF_8;
        } else if (valid(head, GB18030) || head.length == SNIFF && (valid(java.util.Arrays.copyOf(head, head.length - 1), GB18030)
                || valid(java.util.Arrays.copyOf(head, head.length - 2), GB18030) || valid(java.util.Arrays.copyOf(head, head.length - 3), GB18030))) {
            charset = GB18030;
        } else {
            // neither throughout (mixed, or broken): the first line with non-ASCII text decides, and the line
            // decoder then names the first row that does not fit
            charset = firstNonAsciiLineIsUtf8(head) ? StandardCharsets.UTF_8 : GB18030;
        }
        in.skipNBytes(skip);
        String firstLine = new String(head, skip, Math.min(head.length - skip, 4096), charset).lines().findFirst().orElse("");
        char delimiter = delimiter(firstLine);
        String label = charset == GB18030 ? "GBK" : charset.name();
        if (charset == StandardCharsets.UTF_8 || charset == GB18030) {
            // line by line, so that a bad byte or a UTF-8 line in a GBK file is pinned to its row
            StrictLineDecoder decoder = new StrictLineDecoder(in, charset, label);
            return new CsvRowSource(decoder, label, delimiter, limits, decoder);
        }
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        Reader reader = new InputStreamReader(in, decoder);
        return new CsvRowSource(reader, label, delimiter, limits, null);
    }

    static boolean firstNonAsciiLineIsUtf8(byte[] head) {
        int start = 0;
        for (int i = 0; i <= head.length; i++) {
            if (i == head.length || head[i] == '\n') {
                byte[] line = java.util.Arrays.copyOfRange(head, start, i);
                for (byte b : line) {
                    if (b < 0) {
                        return valid(line, StandardCharsets.UTF_8);
                    }
                }
                start = i + 1;
            }
        }
        return true;
    }

    private static char delimiter(String headerLine) {
        long commas = headerLine.chars().filter(c -> c == ',').count();
        long semicolons = headerLine.chars().filter(c -> c == ';').count();
        long tabs = headerLine.chars().filter(c -> c == '\t').count();
        if (tabs > commas && tabs >= semicolons) {
            return '\t';
        }
        return semicolons > commas ? ';' : ',';
    }

    static boolean isZip(byte[] b) {
        return b.length >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4;
    }

    static boolean isOle2(byte[] b) {
        return b.length >= 8 && (b[0] & 0xFF) == 0xD0 && (b[1] & 0xFF) == 0xCF && (b[2] & 0xFF) == 0x11 && (b[3] & 0xFF) == 0xE0;
    }

    /** NUL bytes (outside UTF-16) or many control characters mean binary content. */
    static boolean looksBinary(byte[] b) {
        boolean utf16 = b.length >= 2 && ((b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE || (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF);
        if (utf16) {
            return false;
        }
        int control = 0;
        for (byte x : b) {
            int c = x & 0xFF;
            if (c == 0) {
                return true;
            }
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != 0x0C) {
                control++;
            }
        }
        return control > b.length / 100 + 2;
    }

    /** Valid UTF-8, tolerating a multi-byte sequence cut at the end of the sniffed prefix. */
    static boolean validUtf8(byte[] b) {
        int end = b.length;
        int back = 0;
        while (back < 3 && end - back - 1 >= 0 && ((b[end - back - 1] & 0xC0) == 0x80)) {
            back++;
        }
        if (end - back - 1 >= 0 && (b[end - back - 1] & 0xC0) == 0xC0) {
            end = end - back - 1;
        }
        return valid(java.util.Arrays.copyOf(b, end), StandardCharsets.UTF_8);
    }

    static boolean valid(byte[] b, Charset charset) {
        try {
            charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
