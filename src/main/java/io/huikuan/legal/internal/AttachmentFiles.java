package io.huikuan.legal.internal;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The files the document store accepts and the names it keeps. Allowed: PDF; images (PNG, JPEG, GIF, WebP, TIFF: scans
 * and photos of receipts); Office documents (Word, Excel, PowerPoint, both the old binary and the OOXML formats,
 * OpenDocument text and spreadsheets); plain text, CSV and e-mails (.eml). Not allowed: archives (ZIP, RAR, 7z: what is
 * inside cannot be checked, and an evidence pack should list every document itself), executables, scripts, HTML and
 * anything else. The type is decided by the file name's extension and the content must start the way that format does
 * (the browser's content type is not trusted).
 */
public final class AttachmentFiles {

    /** An accepted format: its content type and the bytes its files start with (null: text, checked as UTF-8 without NUL). */
    record Format(String contentType, byte[][] magic) {
    }

    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] GIF = {'G', 'I', 'F', '8'};
    private static final byte[] RIFF = {'R', 'I', 'F', 'F'};
    private static final byte[] TIFF_LE = {'I', 'I', '*', 0};
    private static final byte[] TIFF_BE = {'M', 'M', 0, '*'};
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

    private static final Map<String, Format> FORMATS = new TreeMap<>();

    static {
        FORMATS.put("pdf", new Format("application/pdf", new byte[][] {PDF}));
        FORMATS.put("png", new Format("image/png", new byte[][] {PNG}));
        FORMATS.put("jpg", new Format("image/jpeg", new byte[][] {JPEG}));
        FORMATS.put("jpeg", new Format("image/jpeg", new byte[][] {JPEG}));
        FORMATS.put("gif", new Format("image/gif", new byte[][] {GIF}));
        FORMATS.put("webp", new Format("image/webp", new byte[][] {RIFF}));
        FORMATS.put("tif", new Format("image/tiff", new byte[][] {TIFF_LE, TIFF_BE}));
        FORMATS.put("tiff", new Format("image/tiff", new byte[][] {TIFF_LE, TIFF_BE}));
        FORMATS.put("doc", new Format("application/msword", new byte[][] {OLE}));
        FORMATS.put("xls", new Format("application/vnd.ms-excel", new byte[][] {OLE}));
        FORMATS.put("ppt", new Format("application/vnd.ms-powerpoint", new byte[][] {OLE}));
        FORMATS.put("docx", new Format("application/vnd.openxmlformats-officedocument.wordprocessingml.document", new byte[][] {ZIP}));
        FORMATS.put("xlsx", new Format("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", new byte[][] {ZIP}));
        FORMATS.put("pptx", new Format("application/vnd.openxmlformats-officedocument.presentationml.presentation", new byte[][] {ZIP}));
        FORMATS.put("odt", new Format("application/vnd.oasis.opendocument.text", new byte[][] {ZIP}));
        FORMATS.put("ods", new Format("application/vnd.oasis.opendocument.spreadsheet", new byte[][] {ZIP}));
        FORMATS.put("txt", new Format("text/plain;charset=UTF-8", null));
        FORMATS.put("csv", new Format("text/csv;charset=UTF-8", null));
        FORMATS.put("eml", new Format("message/rfc822", null));
    }

    /** The extensions accepted, for messages and the upload form's {@code accept}. */
    public static final String ALLOWED = String.join(", ", FORMATS.keySet());

    /** The longest file name kept (characters). */
    static final int MAX_NAME = 150;

    private AttachmentFiles() {
    }

    /**
     * The name to keep: the last segment of what the browser sent (no directories), without control characters or
     * the characters file systems and ZIP tools refuse ({@code \ / : * ? " < > |}), spaces collapsed, no leading dots,
     * at most {@value #MAX_NAME} characters with the extension kept; "file" when nothing is left.
     */
    public static String sanitise(String original) {
        String name = original == null ? "" : original;
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        StringBuilder s = new StringBuilder();
        name.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || "\\/:*?\"<>|".indexOf(c) >= 0 || Character.getType(c) == Character.FORMAT) {
                s.append('_');
            } else {
                s.appendCodePoint(Character.isWhitespace(c) ? ' ' : c);
            }
        });
        name = s.toString().replaceAll(" +", " ").strip().replaceFirst("^[.\\s]+", "");
        if (name.length() > MAX_NAME) {
            String ext = extension(name).map(e -> "." + e).orElse("");
            name = name.substring(0, MAX_NAME - ext.length()).strip() + ext;
        }
        return name.isEmpty() ? "file" : name;
    }

    /** The lower-case extension of a name, if it has one. */
    static Optional<String> extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 || dot == name.length() - 1 ? Optional.empty() : Optional.of(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** The content type of an allowed extension, or empty when the extension is not allowed. */
    public static Optional<String> contentType(String name) {
        return extension(name).map(FORMATS::get).map(Format::contentType);
    }

    /** True when the bytes start the way files of the name's (allowed) extension do. */
    public static boolean contentMatches(String name, byte[] bytes) {
        Format f = extension(name).map(FORMATS::get).orElse(null);
        if (f == null) {
            return false;
        }
        if (f.magic() == null) {
            return isText(bytes);
        }
        for (byte[] magic : f.magic()) {
            if (bytes.length >= magic.length && Arrays.equals(bytes, 0, magic.length, magic, 0, magic.length)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isText(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            // GB18030 text (common on Chinese Windows) is text too
            return new String(bytes, java.nio.charset.Charset.forName("GB18030")).indexOf('\uFFFD') < 0;
        }
    }
}
