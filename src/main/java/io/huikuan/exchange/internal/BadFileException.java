package io.huikuan.exchange.internal;

/** The file as a whole cannot be read (not a spreadsheet, malformed CSV, a required column missing...). */
public class BadFileException extends RuntimeException {

    private final long row;
    private final String column;
    private final String value;

    public BadFileException(long row, String column, String value, String message) {
        super(message);
        this.row = row;
        this.column = column;
        this.value = value;
    }

    public BadFileException(String message) {
        this(0, "file", "", message);
    }

    public long row() {
        return row;
    }

    public String column() {
        return column;
    }

    public String value() {
        return value;
    }
}
