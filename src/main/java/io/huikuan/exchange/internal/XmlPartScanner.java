package io.huikuan.exchange.internal;

import io.huikuan.exchange.ImportLimits;

/**
 * Counts what one XML part of a spreadsheet holds while its bytes stream past, in constant memory:
 * rows, the characters of each cell (text {@code t}, value {@code v} and formula {@code f} elements of a
 * {@code c} cell or an {@code si} shared string, rich-text runs summed), tag lengths. It refuses a
 * document type declaration (XLSX parts never have one; it is how entity bombs start). It does not
 * validate the XML: the reader does that afterwards, on a file known to be bounded.
 */
final class XmlPartScanner {

    /** Longer than any tag a spreadsheet writes (attributes included), short enough to be harmless. */
    static final int MAX_TAG_BYTES = 64 * 1024;
    private static final int MAX_NAME = 64;

    private enum State { TEXT, ENTITY, TAG, TAG_QUOTED, BANG, COMMENT, CDATA, PI }

    private final String part;
    private final ImportLimits limits;
    private State state = State.TEXT;
    private final byte[] name = new byte[MAX_NAME];
    private int nameLength;
    private boolean nameDone;
    private byte quote;
    private long tagBytes;
    private final byte[] bang = new byte[9];
    private int bangLength;
    private int tail;
    private boolean counting;
    private long cellChars;
    private long rows;
    private String root;

    XmlPartScanner(String part, ImportLimits limits) {
        this.part = part;
        this.limits = limits;
    }

    /** The local name of the document element once seen ("worksheet", "sst"...), else null. */
    String root() {
        return root;
    }

    long rows() {
        return rows;
    }

    void feed(byte[] b, int off, int len) {
        for (int i = off; i < off + len; i++) {
            byte c = b[i];
            switch (state) {
                case TEXT -> {
                    if (c == '<') {
                        state = State.TAG;
                        nameLength = 0;
                        nameDone = false;
                        tagBytes = 0;
                    } else if (c == '&') {
                        state = State.ENTITY;
                    } else {
                        text(c);
                    }
                }
                case ENTITY -> {
                    if (c == ';') {
                        state = State.TEXT;
                        text((byte) 'x');
                    }
                }
                case TAG -> tag(c);
                case TAG_QUOTED -> {
                    tagLength();
                    if (c == quote) {
                        state = State.TAG;
                    }
                }
                case BANG -> bang(c);
                case COMMENT -> {
                    tail = c == '-' ? Math.min(tail + 1, 2) : c == '>' && tail == 2 ? 3 : 0;
                    if (tail == 3) {
                        state = State.TEXT;
                        tail = 0;
                    }
                }
                case CDATA -> {
                    if (c == ']') {
                        tail = Math.min(tail + 1, 2);
                    } else if (c == '>' && tail == 2) {
                        state = State.TEXT;
                        tail = 0;
                    } else {
                        for (int k = 0; k < tail; k++) {
                            text((byte) ']');
                        }
                        tail = 0;
                        text(c);
                    }
                }
                case PI -> {
                    if (c == '>' && tail == 1) {
                        state = State.TEXT;
                    }
                    tail = c == '?' ? 1 : 0;
                }
            }
        }
    }

    private void text(byte c) {
        // count characters, not bytes: UTF-8 continuation bytes belong to the character before
        if (counting && (c & 0xC0) != 0x80) {
            cellChars++;
            if (cellChars > limits.maxCellChars()) {
                throw XlsxGuard.refused("a cell" + where() + " holds more than " + limits.maxCellChars() + " characters",
                        "max-cell-chars", limits.maxCellChars());
            }
        }
    }

    private String where() {
        return rows > 0 ? " in row " + rows + " of " + part : " of " + part;
    }

    private void tagLength() {
        if (++tagBytes > MAX_TAG_BYTES) {
            throw XlsxGuard.refused("a tag" + where() + " is longer than " + MAX_TAG_BYTES + " bytes", null, 0);
        }
    }

    private void tag(byte c) {
        tagLength();
        if (nameLength == 0 && !nameDone && (c == '!' || c == '?')) {
            state = c == '!' ? State.BANG : State.PI;
            bangLength = 0;
            tail = 0;
            return;
        }
        if (c == '"' || c == '\'') {
            nameDone = true;
            quote = c;
            state = State.TAG_QUOTED;
            return;
        }
        if (c == '>') {
            endOfTag(nameLength > 0 && name[nameLength - 1] == '/');
            state = State.TEXT;
            return;
        }
        if (!nameDone) {
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                nameDone = nameLength > 0;
            } else if (nameLength < MAX_NAME) {
                name[nameLength++] = c;
            }
        } else if (c == '/') {
            // "<t/>" or "<t a='1'/>": remember the self-closing slash at the end of the name buffer
            if (nameLength < MAX_NAME) {
                name[nameLength++] = '/';
            }
        } else if (c != ' ' && c != '\t' && c != '\r' && c != '\n' && nameLength > 0 && name[nameLength - 1] == '/') {
            nameLength--;
        }
    }

    private void endOfTag(boolean selfClosing) {
        int end = selfClosing ? nameLength - 1 : nameLength;
        boolean closing = end > 0 && name[0] == '/';
        int start = closing ? 1 : 0;
        for (int k = start; k < end; k++) {
            if (name[k] == ':') {
                start = k + 1;
            }
        }
        String local = new String(name, start, Math.max(0, end - start), java.nio.charset.StandardCharsets.US_ASCII);
        if (!closing && root == null) {
            root = local;
        }
        switch (local) {
            case "row" -> {
                if (!closing) {
                    rows++;
                    if (rows > limits.maxRows()) {
                        throw XlsxGuard.refused(part + " has more than " + limits.maxRows() + " rows", "max-rows", limits.maxRows());
                    }
                }
            }
            case "c", "si" -> {
                if (!closing) {
                    cellChars = 0;
                }
            }
            case "t", "v", "f" -> counting = !closing && !selfClosing;
            default -> {
            }
        }
    }

    private void bang(byte c) {
        tagLength();
        bang[bangLength++] = c;
        String seen = new String(bang, 0, bangLength, java.nio.charset.StandardCharsets.US_ASCII);
        if (seen.equals("--")) {
            state = State.COMMENT;
            tail = 0;
        } else if (seen.equals("[CDATA[")) {
            state = State.CDATA;
            tail = 0;
        } else if (seen.equalsIgnoreCase("DOCTYPE") || seen.equalsIgnoreCase("ENTITY")) {
            throw XlsxGuard.refused(part + " contains a document type declaration (DTD), which spreadsheets never hold", null, 0);
        } else if (bangLength == bang.length || !("--".startsWith(seen) || "[CDATA[".startsWith(seen)
                || "DOCTYPE".startsWith(seen.toUpperCase(java.util.Locale.ROOT)) || "ENTITY".startsWith(seen.toUpperCase(java.util.Locale.ROOT)))) {
            throw XlsxGuard.refused(part + " is not well-formed XML (unexpected '<!" + seen + "')", null, 0);
        }
    }
}
