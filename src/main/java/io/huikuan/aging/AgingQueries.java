package io.huikuan.aging;

import io.huikuan.identity.CurrentUser;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * As-of aging in one SQL statement that runs on H2 and PostgreSQL. An invoice counts when issued
 * on or before the date; its open balance then is its amount less the allocations of payments,
 * credit notes and write-offs dated on or before the date. Buckets are compared on due dates
 * (days overdue = as-of date − due date), so the statement needs no date arithmetic in SQL.
 * Scoped to the current user's portfolio.
 */
@Component
public class AgingQueries {

    /** An invoice's open balance as of :asOf, over {@link #OPEN_FROM}. */
    static final String OPEN_AMOUNT =
            "i.amount - coalesce(pa.paid, 0) - coalesce(cn.credited, 0) - coalesce(w.written_off, 0) open_amount";

    /** Invoices issued by :asOf (alias i) with their payments, credit notes and write-offs dated by :asOf. */
    static final String OPEN_FROM = """
            FROM invoice i
            LEFT JOIN (SELECT a.invoice_id, sum(a.amount) paid FROM allocation a JOIN payment p ON p.id = a.payment_id
                       WHERE p.payment_date <= :asOf GROUP BY a.invoice_id) pa ON pa.invoice_id = i.id
            LEFT JOIN (SELECT invoice_id, sum(amount) credited FROM credit_note
                       WHERE note_date <= :asOf GROUP BY invoice_id) cn ON cn.invoice_id = i.id
            LEFT JOIN (SELECT invoice_id, sum(amount) written_off FROM write_off
                       WHERE write_off_date <= :asOf GROUP BY invoice_id) w ON w.invoice_id = i.id
            WHERE i.issue_date <= :asOf""";

    /** The open balance of every invoice issued by :asOf, as of :asOf. */
    private static final String OPEN_AT = "SELECT i.customer_id, i.due_date,\n       " + OPEN_AMOUNT + "\n" + OPEN_FROM;

    private final JdbcClient jdbc;

    AgingQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Aging with the default buckets. */
    public AgingReport aging(LocalDate asOf, AgingGrouping grouping) {
        return aging(asOf, AgingBucket.DEFAULTS, grouping);
    }

    public AgingReport aging(LocalDate asOf, List<AgingBucket> buckets, AgingGrouping grouping) {
        Objects.requireNonNull(asOf, "asOf");
        CurrentUser user = CurrentUser.get();
        JdbcClient.StatementSpec sql = jdbc.sql(sql(buckets, grouping, user.portfolioOnly()))
                .param("asOf", java.sql.Date.valueOf(asOf));
        for (int b = 0; b < buckets.size(); b++) {
            sql = bindBucket(sql, buckets.get(b), asOf, String.valueOf(b));
        }
        if (user.portfolioOnly()) {
            sql = sql.param("owner", user.username());
        }
        List<AgingReport.Row> rows = new ArrayList<>(sql.query((rs, n) -> {
            if (rs.getLong("invoices") == 0) {
                return null;
            }
            List<BigDecimal> amounts = new ArrayList<>(buckets.size());
            for (int b = 0; b < buckets.size(); b++) {
                amounts.add(money(rs.getBigDecimal("b" + b)));
            }
            return new AgingReport.Row(rs.getString("grp_key"), rs.getString("grp_name"), sum(amounts), List.copyOf(amounts));
        }).list().stream().filter(Objects::nonNull).toList());
        rows.sort(Comparator.comparing(AgingReport.Row::total).reversed()
                .thenComparing(AgingReport.Row::key, Comparator.nullsLast(Comparator.naturalOrder())));
        List<BigDecimal> totals = new ArrayList<>(buckets.size());
        for (int b = 0; b < buckets.size(); b++) {
            int bucket = b;
            totals.add(sum(rows.stream().map(r -> r.amounts().get(bucket)).toList()));
        }
        BigDecimal total = sum(rows.stream().map(AgingReport.Row::total).toList());
        return new AgingReport(asOf, List.copyOf(buckets), List.copyOf(rows), new AgingReport.Total(total, List.copyOf(totals)));
    }

    private static String sql(List<AgingBucket> buckets, AgingGrouping grouping, boolean portfolioOnly) {
        StringBuilder select = new StringBuilder("SELECT ");
        String groupBy;
        if (grouping == AgingGrouping.NONE) {
            select.append("'all' grp_key, CAST(NULL AS VARCHAR(200)) grp_name");
            groupBy = "";
        } else if (grouping == AgingGrouping.CUSTOMER) {
            select.append("c.code grp_key, c.name grp_name");
            groupBy = " GROUP BY c.code, c.name";
        } else {
            select.append(grouping.column()).append(" grp_key, CAST(NULL AS VARCHAR(200)) grp_name");
            groupBy = " GROUP BY " + grouping.column();
        }
        select.append(", count(*) invoices");
        for (int b = 0; b < buckets.size(); b++) {
            String when = bucketCondition(buckets.get(b), String.valueOf(b));
            select.append(", sum(CASE WHEN ").append(when).append(" THEN x.open_amount ELSE 0 END) b").append(b);
        }
        return select + " FROM (" + OPEN_AT + ") x JOIN customer c ON c.id = x.customer_id WHERE x.open_amount > 0"
                + (portfolioOnly ? " AND c.owner = :owner" : "") + groupBy;
    }

    /** The SQL condition on {@code x.due_date} for an invoice in {@code bucket}; see {@link #bindBucket}. */
    static String bucketCondition(AgingBucket bucket, String suffix) {
        List<String> conditions = new ArrayList<>();
        if (bucket.toDays() != null) {
            conditions.add("x.due_date >= :earliest" + suffix);
        }
        if (bucket.fromDays() != null) {
            conditions.add("x.due_date <= :latest" + suffix);
        }
        return conditions.isEmpty() ? "1 = 1" : String.join(" AND ", conditions);
    }

    /** Binds the parameters of {@link #bucketCondition} with the same suffix. */
    static JdbcClient.StatementSpec bindBucket(JdbcClient.StatementSpec sql, AgingBucket bucket, LocalDate asOf, String suffix) {
        LocalDate earliest = bucket.earliestDue(asOf);
        LocalDate latest = bucket.latestDue(asOf);
        if (earliest != null) {
            sql = sql.param("earliest" + suffix, java.sql.Date.valueOf(earliest));
        }
        if (latest != null) {
            sql = sql.param("latest" + suffix, java.sql.Date.valueOf(latest));
        }
        return sql;
    }

    static BigDecimal money(BigDecimal v) {
        return v == null ? BigDecimal.ZERO.setScale(2) : v.setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal sum(List<BigDecimal> values) {
        return values.stream().reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}
