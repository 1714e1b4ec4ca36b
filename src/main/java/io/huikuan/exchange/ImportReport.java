package io.huikuan.exchange;

import java.util.List;

/**
 * The answer of an import: {@code {"imported":n,"updated":n,"unchanged":n,"rejected":n,"errors":[{"row":r,"column":"c","value":"v","message":"m"}]}}.
 * Rows are numbered as a spreadsheet user sees them (the header is row 1).
 */
public record ImportReport(int imported, int updated, int unchanged, int rejected, List<RowError> errors, boolean dryRun,
        boolean written, List<RowError> warnings) {

    /** A report without warnings. {@code warnings}: rows imported but unusual, e.g. a payment dated after today (issue 12). */
    public ImportReport(int imported, int updated, int unchanged, int rejected, List<RowError> errors, boolean dryRun, boolean written) {
        this(imported, updated, unchanged, rejected, errors, dryRun, written, List.of());
    }

    public record RowError(long row, String column, String value, String message) {
    }
}
