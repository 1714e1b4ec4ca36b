package io.huikuan.demo;

import io.huikuan.demo.LedgerTables.Table;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes rows of the ledger tables into the database: JDBC batches anywhere, {@code COPY} on
 * PostgreSQL. {@link #prepare} may run on another thread (it builds what is to be sent); the
 * returned step runs on the thread that holds the transaction.
 */
interface RowWriter {

    Runnable prepare(Table table, List<Object[]> rows);

    /** JDBC batch inserts (H2 and any other database). */
    static RowWriter batches(JdbcTemplate jdbc) {
        return (table, rows) -> () -> {
            if (!rows.isEmpty()) {
                jdbc.batchUpdate(table.insertSql(), rows, table.sqlTypes);
            }
        };
    }

    /** PostgreSQL {@code COPY ... FROM STDIN} in text format, on the transaction's connection. */
    static RowWriter copy(Connection connection) {
        CopyManager copy;
        try {
            copy = connection.unwrap(PGConnection.class).getCopyAPI();
        } catch (SQLException e) {
            throw new IllegalStateException("not a PostgreSQL connection: " + e.getMessage(), e);
        }
        return (table, rows) -> {
            if (rows.isEmpty()) {
                return () -> { };
            }
            StringBuilder sb = new StringBuilder(rows.size() * 128);
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    if (i > 0) {
                        sb.append('\t');
                    }
                    appendCopyValue(sb, row[i]);
                }
                sb.append('\n');
            }
            byte[] data = sb.toString().getBytes(StandardCharsets.UTF_8);
            return () -> {
                try {
                    copy.copyIn(table.copySql(), new ByteArrayInputStream(data));
                } catch (SQLException | IOException e) {
                    throw new IllegalStateException("COPY into " + table.table + " failed: " + e.getMessage(), e);
                }
            };
        };
    }
    private static void appendCopyValue(StringBuilder sb, Object value) {
        if (value == null) {
            sb.append("\\N");
        } else if (value instanceof Timestamp ts) {
            sb.append(ts.toInstant());
        } else if (value instanceof BigDecimal d) {
            sb.append(d.toPlainString());
        } else if (value instanceof String s) {
            for (int i = 0; i < s.length(); i++) {
                char ch = s.charAt(i);
                switch (ch) {
                    case '\\' -> sb.append("\\\\");
                    case '\t' -> sb.append("\\t");
                    case '\n' -> sb.append("\\n");
                    case '\r' -> sb.append("\\r");
                    default -> sb.append(ch);
                }
            }
        } else {
            sb.append(value); // numbers, java.sql.Date (yyyy-MM-dd)
        }
    }
}
