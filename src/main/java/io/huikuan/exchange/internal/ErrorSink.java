package io.huikuan.exchange.internal;

import io.huikuan.exchange.ImportReport.RowError;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;

/**
 * Collects row errors. Every rejected row is counted; the first {@value #MAX_LISTED} errors are
 * listed (a file with a million bad rows answers with a readable report, not a million lines).
 */
public final class ErrorSink {

    public static final int MAX_LISTED = 1000;

    private final List<RowError> listed = new ArrayList<>();
    private final BitSet rejectedRows = new BitSet();
    private long total;
    private boolean fileError;

    public void add(long row, String column, String value, String message) {
        total++;
        if (row > 1 && row <= Integer.MAX_VALUE) {
            rejectedRows.set((int) row);
        } else {
            fileError = true;
        }
        if (listed.size() < MAX_LISTED) {
            listed.add(new RowError(row, column, value == null ? "" : abbreviate(value), message));
        }
    }

    private final List<RowError> warnings = new ArrayList<>();

    /** A row that is imported but unusual (a payment dated in the future): listed, not rejected. */
    public void warn(long row, String column, String value, String message) {
        if (warnings.size() < MAX_LISTED) {
            warnings.add(new RowError(row, column, value == null ? "" : abbreviate(value), message));
        }
    }

    /** The warnings by row (at most {@value #MAX_LISTED}). */
    public List<RowError> warnings() {
        List<RowError> sorted = new ArrayList<>(warnings);
        sorted.sort(Comparator.comparingLong(RowError::row));
        return sorted;
    }

    public boolean isEmpty() {
        return total == 0;
    }

    public boolean hasFileError() {
        return fileError;
    }

    public boolean isRejected(long row) {
        return row > 0 && row <= Integer.MAX_VALUE && rejectedRows.get((int) row);
    }

    /** How many data rows have at least one error. */
    public int rejected() {
        return rejectedRows.cardinality();
    }

    public long total() {
        return total;
    }

    public List<RowError> list() {
        List<RowError> sorted = new ArrayList<>(listed);
        sorted.sort(Comparator.comparingLong(RowError::row));
        if (total > listed.size()) {
            sorted.add(new RowError(0, "file", String.valueOf(total), (total - listed.size()) + " more errors not listed"));
        }
        return sorted;
    }

    private static String abbreviate(String v) {
        return v.length() <= 200 ? v : v.substring(0, 200) + "…";
    }
}
