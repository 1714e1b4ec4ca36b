package io.huikuan.exchange.internal;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;

/** Any database (H2): JDBC batches into {@code invoice} and the permanent staging table {@code invoice_stage}. */
final class JdbcInvoiceSink implements InvoiceSink {

    private static final int BATCH = 1000;

    private final Connection connection;
    private final long batchId;
    private final Timestamp now;
    private PreparedStatement direct;
    private PreparedStatement stage;
    private int directPending;
    private int stagePending;
    private int directCount;

    JdbcInvoiceSink(Connection connection, long batchId, Instant now) {
        this.connection = connection;
        this.batchId = batchId;
        this.now = Timestamp.from(now);
    }

    @Override
    public void direct(InvoiceRow r) {
        try {
            if (direct == null) {
                direct = connection.prepareStatement("INSERT INTO invoice (" + DIRECT_COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
            }
            direct.setString(1, r.invoiceNo());
            direct.setLong(2, r.customerId());
            setLong(direct, 3, r.contractId());
            direct.setDate(4, Date.valueOf(r.issueDate()));
            direct.setDate(5, Date.valueOf(r.dueDate()));
            direct.setBigDecimal(6, r.amount());
            direct.setString(7, r.currency() == null ? "CNY" : r.currency());
            direct.setString(8, r.taxInvoiceNo());
            direct.setString(9, r.businessUnit());
            direct.setTimestamp(10, now);
            direct.setTimestamp(11, now);
            direct.setLong(12, batchId);
            direct.addBatch();
            directCount++;
            if (++directPending == BATCH) {
                direct.executeBatch();
                directPending = 0;
            }
        } catch (SQLException e) {
            throw new PgInvoiceSink.SinkException(e);
        }
    }

    @Override
    public void stage(InvoiceRow r) {
        try {
            if (stage == null) {
                stage = connection.prepareStatement("INSERT INTO invoice_stage (" + STAGE_COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?)");
            }
            stage.setLong(1, batchId);
            stage.setLong(2, r.row());
            stage.setString(3, r.invoiceNo());
            stage.setLong(4, r.customerId());
            setLong(stage, 5, r.contractId());
            stage.setDate(6, r.issueDate() == null ? null : Date.valueOf(r.issueDate()));
            stage.setDate(7, r.dueDate() == null ? null : Date.valueOf(r.dueDate()));
            stage.setBigDecimal(8, r.amount());
            stage.setString(9, r.currency());
            stage.setString(10, r.taxInvoiceNo());
            stage.setString(11, r.businessUnit());
            stage.addBatch();
            if (++stagePending == BATCH) {
                stage.executeBatch();
                stagePending = 0;
            }
        } catch (SQLException e) {
            throw new PgInvoiceSink.SinkException(e);
        }
    }

    @Override
    public int finish() {
        try {
            if (direct != null && directPending > 0) {
                direct.executeBatch();
            }
            if (stage != null && stagePending > 0) {
                stage.executeBatch();
            }
            directPending = 0;
            stagePending = 0;
            return directCount;
        } catch (SQLException e) {
            throw new PgInvoiceSink.SinkException(e);
        } finally {
            close();
        }
    }

    @Override
    public void cleanup() {
        close();
        try (PreparedStatement s = connection.prepareStatement("DELETE FROM invoice_stage WHERE batch_id = ?")) {
            s.setLong(1, batchId);
            s.executeUpdate();
        } catch (SQLException ignored) {
            // rolled back with the transaction anyway
        }
    }

    private void close() {
        try {
            if (direct != null) {
                direct.close();
            }
            if (stage != null) {
                stage.close();
            }
        } catch (SQLException ignored) {
            // nothing to do
        }
        direct = null;
        stage = null;
    }

    private static void setLong(PreparedStatement s, int i, Long v) throws SQLException {
        if (v == null) {
            s.setNull(i, Types.BIGINT);
        } else {
            s.setLong(i, v);
        }
    }
}
