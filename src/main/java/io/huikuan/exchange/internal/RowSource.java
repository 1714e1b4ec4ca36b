package io.huikuan.exchange.internal;

import java.io.Closeable;
import java.util.List;

/** A stream of rows from a CSV or XLSX file: the header first, then data rows; never the whole file in memory. */
public interface RowSource extends Closeable {

    /** The header cells (the first non-blank row). */
    List<String> header();

    long headerRow();

    /** The next non-blank data row, or null at the end. */
    SourceRow next();

    /** True for spreadsheets: a date cell may arrive as an Excel serial number. */
    boolean spreadsheet();

    /** What was detected, e.g. "CSV (UTF-8)" or "XLSX". */
    String description();

    @Override
    void close();
}
