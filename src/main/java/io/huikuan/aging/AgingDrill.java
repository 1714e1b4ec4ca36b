package io.huikuan.aging;

import io.huikuan.common.ValidationException;
import io.huikuan.identity.CurrentUser;
import io.huikuan.ledger.Currencies;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The invoices behind a cell of an aging report, by the same as-of rules as {@link AgingQueries}:
 * the open balances of a cell's invoices add up to the cell's amount. Scoped to the current
 * user's portfolio; ordered by days overdue, most first.
 */
@Component
public class AgingDrill {

    /**
     * An invoice open at the as-of date; {@code daysOverdue} is the as-of date − due date (negative
     * when not yet due); {@code disputed} when a dispute on it is open at the as-of date.
     */
    public record Item(String invoiceNo, String customerCode, String customerName, LocalDate issueDate, LocalDate dueDate,
            long daysOverdue, BigDecimal amount, BigDecimal openAtAsOf, boolean disputed, String currency) {
    }

    /**
     * A page of a cell's invoices; {@code total} counts all of them and {@code amount} is the sum
     * of all their open balances (the cell's amount), whatever the page, in {@code currency} (the currency asked for,
     * else the base currency when the cell holds any, else its single one); {@code byCurrency} the sums of every
     * currency in the cell (amounts in different currencies are never added).
     */
    public record Result(List<Item> items, long total, int page, int size, BigDecimal amount, String currency,
            java.util.Map<String, BigDecimal> byCurrency) {
    }

    /** The most invoices on one page. */
    public static final int MAX_SIZE = 10_000;

    private final JdbcClient jdbc;
    private final Currencies currencies;

    AgingDrill(JdbcClient jdbc, Currencies currencies) {
        this.jdbc = jdbc;
        this.currencies = currencies;
    }

    /** The invoices of one cell in every currency. */
    public Result invoices(LocalDate asOf, List<AgingBucket> buckets, AgingGrouping grouping, String key, Integer bucket,
            int page, int size) {
        return invoices(asOf, buckets, grouping, key, bucket, null, page, size);
    }

    /**
     * The invoices of one cell.
     *
     * @param key    the row's key (the grouping column's value); null for every row, "" for the row without a value
     * @param bucket the index into {@code buckets}; null for every bucket of the row
     * @param currency only invoices in this currency (a row of a report is one currency); null for every currency
     */
    public Result invoices(LocalDate asOf, List<AgingBucket> buckets, AgingGrouping grouping, String key, Integer bucket,
            String currency, int page, int size) {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(grouping, "grouping");
        if (bucket != null && (bucket < 0 || bucket >= buckets.size())) {
            throw new ValidationException("bucket", bucket, "a bucket index from 0 to " + (buckets.size() - 1));
        }
        int pageSize = Math.clamp(size, 1, MAX_SIZE);
        int pageNo = Math.max(page, 0);
        CurrentUser user = CurrentUser.get();

        StringBuilder where = new StringBuilder(" WHERE x.open_amount > 0");
        if (user.portfolioOnly()) {
            where.append(" AND c.owner = :owner");
        }
        if (key != null) {
            if (grouping == AgingGrouping.NONE) {
                where.append("all".equals(key) ? "" : " AND 1 = 0");
            } else if (key.isEmpty()) {
                where.append(" AND ").append(grouping.column()).append(" IS NULL");
            } else {
                where.append(" AND ").append(grouping.column()).append(" = :key");
            }
        }
        if (bucket != null) {
            where.append(" AND ").append(AgingQueries.bucketCondition(buckets.get(bucket), "")).append(' ');
        }
        if (currency != null) {
            where.append(" AND i.currency = :currency");
        }
        boolean perCurrency = currency != null || currencies.foreignInUse();
        String from = " FROM (" + AgingQueries.OPEN_AT + ") x JOIN customer c ON c.id = x.customer_id"
                + (perCurrency ? " JOIN invoice i ON i.id = x.invoice_id" : "") + where;

        java.util.Map<String, BigDecimal> byCurrency = new java.util.TreeMap<>();
        long[] count = {0};
        bind("SELECT " + (perCurrency ? "i.currency" : "'" + Currencies.BASE + "'") + " cur, count(*) invoices, sum(x.open_amount) open_total"
                + from + (perCurrency ? " GROUP BY i.currency" : ""), asOf, user, key, grouping, buckets, bucket, currency)
                .query((rs, n) -> {
                    count[0] += rs.getLong("invoices");
                    if (rs.getLong("invoices") > 0) {
                        byCurrency.put(rs.getString("cur").trim(), AgingQueries.money(rs.getBigDecimal("open_total")));
                    }
                    return null;
                }).list();
        String shown = currency != null ? currency
                : byCurrency.isEmpty() || byCurrency.containsKey(Currencies.BASE) ? Currencies.BASE : byCurrency.keySet().iterator().next();
        Totals totals = new Totals(count[0], byCurrency.getOrDefault(shown, BigDecimal.ZERO.setScale(2)));
        List<Item> items = new ArrayList<>();
        if (totals.invoices() > (long) pageNo * pageSize) {
            String withInvoice = " FROM (" + AgingQueries.OPEN_AT + ") x JOIN customer c ON c.id = x.customer_id JOIN invoice i ON i.id = x.invoice_id"
                    + where;
            items = bind("SELECT i.invoice_no, c.code, c.name, x.issue_date, x.due_date, i.amount, i.currency, x.open_amount, x.disputed"
                    + withInvoice + " ORDER BY x.due_date, i.invoice_no LIMIT :limit OFFSET :offset", asOf, user, key, grouping, buckets, bucket,
                    currency)
                    .param("limit", pageSize)
                    .param("offset", (long) pageNo * pageSize)
                    .query((rs, n) -> {
                        LocalDate due = rs.getDate("due_date").toLocalDate();
                        return new Item(rs.getString("invoice_no"), rs.getString("code"), rs.getString("name"),
                                rs.getDate("issue_date").toLocalDate(), due, ChronoUnit.DAYS.between(due, asOf),
                                AgingQueries.money(rs.getBigDecimal("amount")), AgingQueries.money(rs.getBigDecimal("open_amount")),
                                rs.getBigDecimal("disputed").signum() > 0, rs.getString("currency").trim());
                    }).list();
        }
        return new Result(List.copyOf(items), totals.invoices(), pageNo, pageSize, totals.amount(), shown, java.util.Map.copyOf(byCurrency));
    }

    private JdbcClient.StatementSpec bind(String sql, LocalDate asOf, CurrentUser user, String key, AgingGrouping grouping,
            List<AgingBucket> buckets, Integer bucket, String currency) {
        JdbcClient.StatementSpec spec = jdbc.sql(sql).param("asOf", java.sql.Date.valueOf(asOf));
        if (currency != null) {
            spec = spec.param("currency", currency);
        }
        if (user.portfolioOnly()) {
            spec = spec.param("owner", user.username());
        }
        if (key != null && !key.isEmpty() && grouping != AgingGrouping.NONE) {
            spec = spec.param("key", key);
        }
        if (bucket != null) {
            spec = AgingQueries.bindBucket(spec, buckets.get(bucket), asOf, "");
        }
        return spec;
    }

    private record Totals(long invoices, BigDecimal amount) {
    }
}
