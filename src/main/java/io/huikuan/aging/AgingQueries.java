package io.huikuan.aging;

import io.huikuan.identity.CurrentUser;
import io.huikuan.ledger.Currencies;
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
 * credit notes and write-offs dated on or before the date (read from the ledger's balance
 * periods, which hold exactly that). Disputed amounts are included and also shown apart. Buckets are compared on due dates
 * (days overdue = as-of date − due date), so the statement needs no date arithmetic in SQL.
 * Scoped to the current user's portfolio.
 */
@Component
public class AgingQueries {

    /**
     * Every invoice open at :asOf with its balance then, from the ledger's balance periods (one row
     * per open invoice: no re-adding of allocations), and the part of it under a dispute open at
     * :asOf (the sum of the open disputes' amounts, capped at the open amount). Columns: invoice_id, customer_id, issue_date, due_date,
     * open_amount, disputed.
     */
    static final String OPEN_AT = """
            SELECT b.invoice_id, b.customer_id, b.issue_date, b.due_date, b.open_amount,
                   CASE WHEN dsp.amount IS NULL THEN 0 WHEN dsp.amount > b.open_amount THEN b.open_amount ELSE dsp.amount END disputed
            FROM balance_period b
            LEFT JOIN (SELECT invoice_id, sum(amount) amount FROM invoice_dispute
                       WHERE opened_on <= :asOf AND (resolved_on IS NULL OR resolved_on > :asOf) GROUP BY invoice_id) dsp ON dsp.invoice_id = b.invoice_id
            WHERE b.valid_from <= :asOf AND (b.valid_to IS NULL OR b.valid_to > :asOf)""";

    private final JdbcClient jdbc;
    private final Currencies currencies;

    AgingQueries(JdbcClient jdbc, Currencies currencies) {
        this.jdbc = jdbc;
        this.currencies = currencies;
    }

    /**
     * The currency of each open item as a SQL expression over {@code x} (an {@link #OPEN_AT} row) and the
     * join it needs: the invoice's currency when other currencies than the base are in use, else the base
     * currency as a constant (no join).
     */
    String[] currencyColumn() {
        return currencies.foreignInUse() ? new String[] {"i.currency", " JOIN invoice i ON i.id = x.invoice_id"}
                : new String[] {"CAST('" + Currencies.BASE + "' AS CHAR(3))", ""};
    }

    /** Aging with the default buckets. */
    public AgingReport aging(LocalDate asOf, AgingGrouping grouping) {
        return aging(asOf, AgingBucket.DEFAULTS, grouping);
    }

    public AgingReport aging(LocalDate asOf, List<AgingBucket> buckets, AgingGrouping grouping) {
        Objects.requireNonNull(asOf, "asOf");
        CurrentUser user = CurrentUser.get();
        JdbcClient.StatementSpec sql = jdbc.sql(sql(buckets, grouping, user.portfolioOnly(), currencyColumn()))
                .param("asOf", java.sql.Date.valueOf(asOf));
        for (int b = 0; b < buckets.size(); b++) {
            sql = bindBucket(sql, buckets.get(b), asOf, String.valueOf(b));
        }
        if (user.portfolioOnly()) {
            sql = sql.param("owner", user.username());
        }
        // one row per group and bucket (a bucket number per invoice, then two sums), pivoted here
        java.util.Map<String, Pivot> groups = new java.util.LinkedHashMap<>();
        sql.query((rs, n) -> {
            String key = rs.getString("grp_key");
            String currency = rs.getString("cur").trim();
            Pivot p = groups.computeIfAbsent((key == null ? "\u0000" : key) + "\u0000" + currency, k -> new Pivot(key, currency, buckets.size()));
            p.name = rs.getString("grp_name");
            int bucket = rs.getInt("bk");
            p.amounts[bucket] = p.amounts[bucket].add(rs.getBigDecimal("amount"));
            p.disputed = p.disputed.add(rs.getBigDecimal("disputed"));
            return null;
        }).list();
        List<AgingReport.Row> rows = new ArrayList<>(groups.size());
        for (Pivot p : groups.values()) {
            List<BigDecimal> amounts = java.util.Arrays.stream(p.amounts).map(AgingQueries::money).toList();
            rows.add(new AgingReport.Row(p.key, p.name, sum(amounts), amounts, money(p.disputed), p.currency));
        }
        return assemble(asOf, buckets, rows);
    }

    /**
     * A report from its rows: sorted by currency (the base currency first), then total (largest first, then key),
     * with the column totals per currency; {@code total} is the base currency's (or, without base-currency rows,
     * the single currency's), never a sum over currencies.
     */
    static AgingReport assemble(LocalDate asOf, List<AgingBucket> buckets, List<AgingReport.Row> unsorted) {
        List<AgingReport.Row> rows = new ArrayList<>(unsorted);
        rows.sort(Comparator.comparing((AgingReport.Row r) -> !Currencies.BASE.equals(r.currency())).thenComparing(AgingReport.Row::currency)
                .thenComparing(Comparator.comparing(AgingReport.Row::total).reversed())
                .thenComparing(AgingReport.Row::key, Comparator.nullsLast(Comparator.naturalOrder())));
        java.util.Map<String, List<AgingReport.Row>> perCurrency = new java.util.LinkedHashMap<>();
        rows.forEach(r -> perCurrency.computeIfAbsent(r.currency(), c -> new ArrayList<>()).add(r));
        List<AgingReport.CurrencyTotal> byCurrency = new ArrayList<>();
        perCurrency.forEach((currency, in) -> {
            AgingReport.Total t = total(buckets, in);
            byCurrency.add(new AgingReport.CurrencyTotal(currency, t.total(), t.amounts(), t.disputed()));
        });
        String currency = perCurrency.isEmpty() ? Currencies.BASE : perCurrency.keySet().iterator().next();
        return new AgingReport(asOf, List.copyOf(buckets), List.copyOf(rows), total(buckets, perCurrency.getOrDefault(currency, List.of())),
                currency, List.copyOf(byCurrency));
    }

    private static AgingReport.Total total(List<AgingBucket> buckets, List<AgingReport.Row> rows) {
        List<BigDecimal> totals = new ArrayList<>(buckets.size());
        for (int b = 0; b < buckets.size(); b++) {
            int bucket = b;
            totals.add(sum(rows.stream().map(r -> r.amounts().get(bucket)).toList()));
        }
        BigDecimal total = sum(rows.stream().map(AgingReport.Row::total).toList());
        BigDecimal disputed = sum(rows.stream().map(AgingReport.Row::disputed).toList());
        return new AgingReport.Total(total, List.copyOf(totals), disputed);
    }

    /**
     * Per customer id and currency (columns customer_id, cur, invoices, disputed, b0..bn; see {@link #currencyColumn}) over the balance periods
     * alone: a hash aggregate on an integer, joined to the customers afterwards; far cheaper than
     * grouping joined rows by text. Parameters :asOf, the buckets' (see {@link #bindBucket}) and, for
     * a portfolio, :owner.
     */
    static String perCustomerSql(List<AgingBucket> buckets, boolean portfolioOnly, String[] currency) {
        StringBuilder perCustomer = new StringBuilder("SELECT x.customer_id, " + currency[0] + " cur, count(*) invoices, sum(x.disputed) disputed");
        for (int b = 0; b < buckets.size(); b++) {
            String when = bucketCondition(buckets.get(b), String.valueOf(b));
            perCustomer.append(", sum(CASE WHEN ").append(when).append(" THEN x.open_amount ELSE 0 END) b").append(b);
        }
        perCustomer.append(" FROM (").append(OPEN_AT).append(") x").append(currency[1]).append(" WHERE x.open_amount > 0");
        if (portfolioOnly) {
            perCustomer.append(" AND x.customer_id IN (SELECT o.id FROM customer o WHERE o.owner = :owner)");
        }
        perCustomer.append(" GROUP BY x.customer_id, ").append(currency[0]);
        return perCustomer.toString();
    }

    /** One group's amounts while the rows of a report are read. */
    private static final class Pivot {
        final String key;
        final String currency;
        String name;
        final BigDecimal[] amounts;
        BigDecimal disputed = BigDecimal.ZERO;

        Pivot(String key, String currency, int buckets) {
            this.key = key;
            this.currency = currency;
            this.amounts = new BigDecimal[buckets];
            java.util.Arrays.fill(amounts, BigDecimal.ZERO);
        }
    }

    /** The number of the bucket an open invoice falls in (buckets are contiguous: the first that holds it). */
    static String bucketNumber(List<AgingBucket> buckets) {
        StringBuilder c = new StringBuilder("CASE");
        for (int b = 0; b < buckets.size(); b++) {
            c.append(" WHEN ").append(bucketCondition(buckets.get(b), String.valueOf(b))).append(" THEN ").append(b);
        }
        return c.append(" END").toString();
    }

    /**
     * Rows (grp_key, grp_name, bk, amount, disputed): each invoice open at :asOf gets its bucket
     * number, then the open amounts are summed per group and bucket (customers grouped by id first,
     * joined to their codes afterwards). Far cheaper than one conditional sum per bucket.
     */
    private static String sql(List<AgingBucket> buckets, AgingGrouping grouping, boolean portfolioOnly, String[] currency) {
        String open = "SELECT x.customer_id, " + currency[0] + " cur, " + bucketNumber(buckets) + " bk, x.open_amount, x.disputed FROM (" + OPEN_AT
                + ") x" + currency[1] + " WHERE x.open_amount > 0"
                + (portfolioOnly ? " AND x.customer_id IN (SELECT o.id FROM customer o WHERE o.owner = :owner)" : "");
        if (grouping == AgingGrouping.CUSTOMER) {
            return "SELECT c.code grp_key, c.name grp_name, g.cur, g.bk, g.amount, g.disputed FROM (SELECT y.customer_id, y.cur, y.bk, "
                    + "sum(y.open_amount) amount, sum(y.disputed) disputed FROM (" + open + ") y GROUP BY y.customer_id, y.cur, y.bk) g "
                    + "JOIN customer c ON c.id = g.customer_id";
        }
        if (grouping == AgingGrouping.NONE) {
            return "SELECT 'all' grp_key, CAST(NULL AS VARCHAR(300)) grp_name, y.cur, y.bk, sum(y.open_amount) amount, sum(y.disputed) disputed "
                    + "FROM (" + open + ") y GROUP BY y.cur, y.bk";
        }
        return "SELECT " + grouping.column() + " grp_key, CAST(NULL AS VARCHAR(300)) grp_name, y.cur, y.bk, sum(y.open_amount) amount, "
                + "sum(y.disputed) disputed FROM (" + open + ") y JOIN customer c ON c.id = y.customer_id GROUP BY " + grouping.column() + ", y.cur, y.bk";
    }

    /** A customer with overdue receivables in one currency: what is overdue and all that is open, as of the date. */
    public record TopCustomer(String code, String name, String owner, BigDecimal overdueAmount, BigDecimal openAmount, String currency) {

        public TopCustomer(String code, String name, String owner, BigDecimal overdueAmount, BigDecimal openAmount) {
            this(code, name, owner, overdueAmount, openAmount, Currencies.BASE);
        }
    }

    /**
     * The customers with the most overdue as of {@code asOf} (most first), in the user's portfolio; a customer with
     * items in several currencies is listed once per currency (amounts of different currencies are not compared
     * by value: the base currency's customers come first).
     */
    public List<TopCustomer> topOverdue(LocalDate asOf, int limit) {
        CurrentUser user = CurrentUser.get();
        String[] currency = currencyColumn();
        JdbcClient.StatementSpec sql = jdbc.sql("""
                SELECT c.code, c.name, c.owner, g.cur, g.overdue, g.open_amount FROM (
                  SELECT x.customer_id, %s cur, sum(CASE WHEN x.due_date < :asOf THEN x.open_amount ELSE 0 END) overdue, sum(x.open_amount) open_amount
                  FROM (%s) x%s WHERE x.open_amount > 0%s GROUP BY x.customer_id, %1$s) g
                JOIN customer c ON c.id = g.customer_id
                WHERE g.overdue > 0 ORDER BY CASE WHEN g.cur = '%s' THEN 0 ELSE 1 END, g.overdue DESC, c.code FETCH FIRST %d ROWS ONLY""".formatted(
                        currency[0], OPEN_AT, currency[1],
                        user.portfolioOnly() ? " AND x.customer_id IN (SELECT o.id FROM customer o WHERE o.owner = :owner)" : "",
                        Currencies.BASE, Math.max(1, limit)))
                .param("asOf", java.sql.Date.valueOf(asOf));
        if (user.portfolioOnly()) {
            sql = sql.param("owner", user.username());
        }
        return sql.query((rs, n) -> new TopCustomer(rs.getString("code"), rs.getString("name"), rs.getString("owner"),
                money(rs.getBigDecimal("overdue")), money(rs.getBigDecimal("open_amount")), rs.getString("cur").trim())).list();
    }

    /**
     * Stores the aging per customer as of {@code asOf} with the default buckets into
     * {@code month_end_aging} under {@code month}, for every customer (whatever the user's
     * portfolio); returns the number of customers stored.
     */
    int storeMonthEnd(String month, LocalDate asOf) {
        List<AgingBucket> buckets = AgingBucket.DEFAULTS;
        StringBuilder columns = new StringBuilder();
        StringBuilder values = new StringBuilder();
        StringBuilder total = new StringBuilder();
        for (int b = 0; b < buckets.size(); b++) {
            columns.append(", b").append(b);
            values.append(", g.b").append(b);
            total.append(b == 0 ? "" : " + ").append("g.b").append(b);
        }
        JdbcClient.StatementSpec sql = jdbc.sql("INSERT INTO month_end_aging (month_key, customer_id, customer_code, owner, region, business_unit, "
                        + "grade, currency, invoices, total, disputed" + columns + ") SELECT :month, c.id, c.code, c.owner, c.region, c.business_unit, c.grade, "
                        + "g.cur, g.invoices, " + total + ", g.disputed" + values + " FROM (" + perCustomerSql(buckets, false, currencyColumn())
                        + ") g JOIN customer c ON c.id = g.customer_id")
                .param("month", month)
                .param("asOf", java.sql.Date.valueOf(asOf));
        for (int b = 0; b < buckets.size(); b++) {
            sql = bindBucket(sql, buckets.get(b), asOf, String.valueOf(b));
        }
        return sql.update();
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
