package io.huikuan.exchange.internal;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Where checked invoice rows go while the file is read: rows whose number is known to be new
 * straight into {@code invoice}, the others into the staging table {@code invoice_stage} for the
 * set-based comparison. PostgreSQL: COPY; other databases: JDBC batches.
 */
interface InvoiceSink {

    void direct(InvoiceRow r);

    void stage(InvoiceRow r);

    /** Flushes everything; answers how many rows went straight into {@code invoice}. */
    int finish();

    /** Removes this batch's staging rows (the PostgreSQL temp table drops itself at commit). */
    void cleanup();

    static boolean isPostgres(Connection c) {
        try {
            return c.isWrapperFor(org.postgresql.PGConnection.class);
        } catch (SQLException e) {
            return false;
        }
    }

    String DIRECT_COLUMNS = "invoice_no, customer_id, contract_id, issue_date, due_date, amount, currency, tax_invoice_no, business_unit, "
            + "created_at, updated_at, import_batch_id";
    String STAGE_COLUMNS = "batch_id, row_no, invoice_no, customer_id, contract_id, issue_date, due_date, amount, currency, tax_invoice_no, business_unit";
}
