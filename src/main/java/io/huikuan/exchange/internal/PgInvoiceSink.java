package io.huikuan.exchange.internal;

import java.io.BufferedOutputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * PostgreSQL: new rows are streamed with COPY straight into {@code invoice} while the file is
 * parsed (the server works on the other core); rows to compare are spooled to a temp file and
 * COPYed into a temp table {@code invoice_stage} (ON COMMIT DROP, not WAL-logged) afterwards,
 * since one connection runs one COPY at a time.
 */
final class PgInvoiceSink implements InvoiceSink {

    private final Connection connection;
    private final CopyManager copy;
    private final long batchId;
    private File spool;
    private final Instant nowInstant;
    private CopyIn directCopy;
    private CopyBinary directRows;
    private OutputStream spoolOut;
    private CopyText stageText;
    private int direct;

    PgInvoiceSink(Connection connection, long batchId, Instant now) {
        try {
            this.connection = connection;
            this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
            this.batchId = batchId;
            this.nowInstant = now;
            try (Statement s = connection.createStatement()) {
                s.execute("""
                        CREATE TEMP TABLE IF NOT EXISTS invoice_stage (batch_id BIGINT, row_no BIGINT, invoice_no VARCHAR(64), customer_id BIGINT,
                            contract_id BIGINT, issue_date DATE, due_date DATE, amount NUMERIC(19,2), currency CHAR(3),
                            tax_invoice_no VARCHAR(64), business_unit VARCHAR(100)) ON COMMIT DROP""");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void direct(InvoiceRow r) {
        try {
            if (directCopy == null) {
                directCopy = copy.copyIn("COPY invoice (" + DIRECT_COLUMNS + ") FROM STDIN (FORMAT binary)");
                CopyIn in = directCopy;
                directRows = new CopyBinary((b, n) -> {
                    try {
                        in.writeToCopy(b, 0, n);
                    } catch (SQLException e) {
                        throw new IOException(e);
                    }
                });
            }
            directRows.row(12).text(r.invoiceNo()).int8(r.customerId()).int8(r.contractId()).date(r.issueDate()).date(r.dueDate())
                    .numeric(r.amount()).text(r.currency() == null ? "CNY" : r.currency()).text(r.taxInvoiceNo()).text(r.businessUnit())
                    .timestamp(nowInstant).timestamp(nowInstant).int8(batchId);
            direct++;
        } catch (SQLException | IOException e) {
            throw new SinkException(e);
        }
    }

    @Override
    public void stage(InvoiceRow r) {
        try {
            if (stageText == null) {
                // rows to compare with stored ones are spooled to a temp file, created only when needed
                spool = File.createTempFile("huikuan-stage-", ".copy");
                spoolOut = new BufferedOutputStream(new FileOutputStream(spool), 1 << 16);
                stageText = CopyText.to(spoolOut);
            }
            stageText.field(batchId).field(r.row()).field(r.invoiceNo()).field(r.customerId()).field(r.contractId()).field(r.issueDate())
                    .field(r.dueDate()).field(r.amount()).field(r.currency()).field(r.taxInvoiceNo()).field(r.businessUnit()).endRow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int finish() {
        try {
            if (directCopy != null) {
                directRows.finish();
                directCopy.endCopy();
                directCopy = null;
            }
            if (stageText != null) {
                stageText.flush();
                spoolOut.close();
                stageText = null;
                try (InputStream in = new FileInputStream(spool)) {
                    copy.copyIn("COPY invoice_stage (" + STAGE_COLUMNS + ") FROM STDIN", in, 1 << 16);
                }
            }
            try (Statement s = connection.createStatement()) {
                s.execute("ANALYZE invoice_stage");
            }
            return direct;
        } catch (SQLException | IOException e) {
            throw new SinkException(e);
        }
    }

    /** Aborts an unfinished COPY so the connection can roll back. */
    void abort() {
        try {
            if (directCopy != null && directCopy.isActive()) {
                directCopy.cancelCopy();
            }
            if (spoolOut != null) {
                spoolOut.close();
            }
        } catch (SQLException | IOException ignored) {
            // the transaction is rolled back anyway
        }
    }

    @Override
    public void cleanup() {
        abort();
        if (spool != null) {
            spool.delete();
        }
    }

    /** The database refused a row while loading (e.g. a key inserted concurrently). */
    static final class SinkException extends RuntimeException {
        SinkException(Exception cause) {
            super(cause.getMessage(), cause);
        }
    }
}
