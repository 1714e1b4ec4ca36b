package io.huikuan.exchange.internal;

import io.huikuan.identity.CurrentUser;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reference data preloaded once per import so each row is checked in memory, not with a query per row. */
@Component
public class Lookups {

    private final JdbcTemplate jdbc;
    /** Above this many stored invoices their numbers are not preloaded; every row then goes through staging. */
    private final long preloadMax;

    Lookups(DataSource dataSource, @Value("${huikuan.exchange.preload-max-invoices:3000000}") long preloadMax) {
        this.preloadMax = preloadMax;
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(10_000);
    }

    public record CustomerKey(long id, String code, String owner) {
    }

    /** code → customer, only those the user may see (a collector: their portfolio). */
    public Map<String, CustomerKey> customers(CurrentUser user) {
        Map<String, CustomerKey> map = new HashMap<>();
        String sql = "SELECT id, code, owner FROM customer" + (user.portfolioOnly() ? " WHERE owner = ?" : "");
        Object[] args = user.portfolioOnly() ? new Object[] {user.username()} : new Object[0];
        jdbc.query(sql, rs -> {
            map.put(rs.getString(2), new CustomerKey(rs.getLong(1), rs.getString(2), rs.getString(3)));
        }, args);
        return map;
    }

    /** contract_no → {contract id, customer id}. */
    public Map<String, long[]> contracts() {
        Map<String, long[]> map = new HashMap<>();
        jdbc.query("SELECT contract_no, id, customer_id FROM contract", rs -> {
            map.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
        });
        return map;
    }

    /** A stored invoice (or a number first seen in the file) while a file is read. */
    static final class Slot {
        final boolean stored;
        final long fingerprint;
        int firstRow;

        Slot(boolean stored, long fingerprint, int firstRow) {
            this.stored = stored;
            this.fingerprint = fingerprint;
            this.firstRow = firstRow;
        }
    }

    /**
     * invoice_no → fingerprint of every stored invoice (see {@link Fingerprint}), or null when
     * there are too many to hold in memory (every row then goes through staging).
     */
    HashMap<String, Slot> invoices(Fingerprint.Present present) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM invoice", Long.class);
        if (count == null || count > preloadMax) {
            return null;
        }
        HashMap<String, Slot> map = new HashMap<>((int) (Math.max(count, 50_000) / 0.75) + 16);
        jdbc.query("SELECT invoice_no, customer_id, contract_id, issue_date, due_date, amount, currency, tax_invoice_no, business_unit FROM invoice",
                rs -> {
                    long contract = rs.getLong(3);
                    Long contractId = rs.wasNull() ? null : contract;
                    long f = Fingerprint.of(present, rs.getLong(2), contractId, rs.getObject(4, java.time.LocalDate.class),
                            rs.getObject(5, java.time.LocalDate.class), rs.getBigDecimal(6), rs.getString(7), rs.getString(8), rs.getString(9));
                    map.put(rs.getString(1), new Slot(true, f, 0));
                });
        return map;
    }

    public Set<String> usernames() {
        return new HashSet<>(jdbc.queryForList("SELECT username FROM app_user", String.class));
    }
}
