package io.huikuan.exchange.internal;

import io.huikuan.identity.CurrentUser;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reference data preloaded once per import so each row is checked in memory, not with a query per row. */
@Component
public class Lookups {

    /** Above this many invoices the existing numbers are not preloaded; every row then goes through staging. */
    static final long PRELOAD_INVOICES_MAX = 3_000_000;

    private final JdbcTemplate jdbc;

    Lookups(DataSource dataSource) {
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

    /** The numbers of all stored invoices, or null when there are too many to hold in memory. */
    public Set<String> invoiceNumbers() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM invoice", Long.class);
        if (count == null || count > PRELOAD_INVOICES_MAX) {
            return null;
        }
        Set<String> set = new HashSet<>((int) (count / 0.75) + 16);
        jdbc.query("SELECT invoice_no FROM invoice", rs -> {
            set.add(rs.getString(1));
        });
        return set;
    }

    public Set<String> usernames() {
        return new HashSet<>(jdbc.queryForList("SELECT username FROM app_user", String.class));
    }
}
