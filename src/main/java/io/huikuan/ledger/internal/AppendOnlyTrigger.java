package io.huikuan.ledger.internal;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/** H2 trigger that refuses updates and deletes of the history table (PostgreSQL has a plpgsql twin). */
public class AppendOnlyTrigger implements Trigger {

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("history is append-only: " + (newRow == null ? "DELETE" : "UPDATE") + " refused");
    }
}
