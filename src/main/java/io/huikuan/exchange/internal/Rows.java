package io.huikuan.exchange.internal;

import java.util.function.Consumer;

/** The row loop shared by the importers: rows of the wrong shape become row errors, the rest go to the consumer. */
final class Rows {

    private Rows() {
    }

    static void forEach(RowSource source, ErrorSink errors, Consumer<SourceRow> consumer) {
        while (true) {
            SourceRow row;
            try {
                row = source.next();
            } catch (CsvRowSource.RowShapeException e) {
                errors.add(e.row, "columns", String.valueOf(e.found), "wrong number of columns: " + e.found + " values but the header has "
                        + e.expected + " columns (a value containing a comma must be quoted)");
                continue;
            }
            if (row == null) {
                return;
            }
            consumer.accept(row);
        }
    }
}
