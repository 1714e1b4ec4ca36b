package io.huikuan.legal;

import io.huikuan.common.Page;
import io.huikuan.customer.CustomerRef;
import io.huikuan.customer.CustomerService;
import io.huikuan.identity.CurrentUser;
import io.huikuan.ledger.Currencies;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The limitation clock (诉讼时效) of every open invoice as of a date, from facts dated on or before it (see
 * {@link LimitationSql} for the rules and their articles). The lists and reports are scoped to the current user's
 * portfolio (a collector sees their own customers); {@link #expiryOf} and {@link #expiringBetween} are for other
 * modules' lists and jobs and are not scoped.
 */
@Service
public class LimitationClock {

    /** Open invoices per expiry month: {@code bucket} is EXPIRED, IN_PROCEEDINGS, a month (yyyy-MM) or LATER. */
    public record ExpiryMonth(String bucket, YearMonth month, String currency, long invoices, BigDecimal openAmount) {
    }

    /** A sum of open amounts in one currency. */
    public record CurrencyTotal(String currency, long invoices, BigDecimal openAmount) {
    }

    private static final String OWNER_SCOPE = " AND b.customer_id IN (SELECT o.id FROM customer o WHERE o.owner = :owner)";

    private final JdbcClient jdbc;
    private final CustomerService customers;
    private final Currencies currencies;
    private final LimitationProperties settings;
    private final LastEvents lastEvents;

    LimitationClock(JdbcClient jdbc, CustomerService customers, Currencies currencies, LimitationProperties settings) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.currencies = currencies;
        this.settings = settings;
        this.lastEvents = new LastEvents(jdbc, settings);
    }

    public LimitationProperties settings() {
        return settings;
    }

    /**
     * One page of the open invoices' clocks, by last day then invoice number; {@code customerCode} and
     * {@code status} null for all. An unknown customer, or one outside the user's portfolio, is a 404.
     */
    @Transactional(readOnly = true)
    public Page<LimitationItem> items(LocalDate asOf, String customerCode, LimitationStatus status, int page, int size) {
        Objects.requireNonNull(asOf, "asOf");
        Scope scope = scope(customerCode);
        String sql = "SELECT t.*, i.invoice_no, i.currency, c.code customer_code, count(*) OVER () total_rows FROM ("
                + LimitationSql.withStatus(settings.years(), settings.partPayments(), scope.sql) + ") t"
                + " JOIN invoice i ON i.id = t.invoice_id JOIN customer c ON c.id = t.customer_id"
                + (status == null ? "" : " WHERE t.status = :status")
                + " ORDER BY t.expires_on, i.invoice_no OFFSET " + ((long) page * size) + " ROWS FETCH NEXT " + size + " ROWS ONLY";
        JdbcClient.StatementSpec spec = bind(jdbc.sql(sql), asOf, scope);
        if (status != null) {
            spec = spec.param("status", status.name());
        }
        long[] total = {-1};
        List<LimitationItem> rows = spec.query((rs, n) -> {
            total[0] = rs.getLong("total_rows");
            return item(rs, asOf);
        }).list();
        if (total[0] < 0) {
            total[0] = count(asOf, scope, status);
        }
        return new Page<>(lastEvents.attach(rows, asOf), total[0], page, size);
    }

    private long count(LocalDate asOf, Scope scope, LimitationStatus status) {
        String sql = "SELECT count(*) FROM (" + LimitationSql.withStatus(settings.years(), settings.partPayments(), scope.sql) + ") t"
                + (status == null ? "" : " WHERE t.status = :status");
        JdbcClient.StatementSpec spec = bind(jdbc.sql(sql), asOf, scope);
        if (status != null) {
            spec = spec.param("status", status.name());
        }
        return spec.query(Long.class).single();
    }

    /**
     * The open amounts by the month their period ends, for {@code months} months from the as-of date's month (later
     * ones in LATER), with EXPIRED and IN_PROCEEDINGS apart; per currency. {@code customerCode} null for all.
     */
    @Transactional(readOnly = true)
    public List<ExpiryMonth> byExpiryMonth(LocalDate asOf, String customerCode, int months) {
        Scope scope = scope(customerCode);
        int first = monthKey(YearMonth.from(asOf));
        int last = first + Math.max(1, months) - 1;
        String[] cur = currency();
        String sql = """
                SELECT g.bk, g.cur, count(*) invoices, sum(g.open_amount) amount FROM (
                  SELECT CASE WHEN t.status = 'IN_PROCEEDINGS' THEN -2 WHEN t.status = 'EXPIRED' THEN -1
                              WHEN EXTRACT(YEAR FROM t.expires_on) * 12 + EXTRACT(MONTH FROM t.expires_on) - 1 > %d THEN %d
                              ELSE EXTRACT(YEAR FROM t.expires_on) * 12 + EXTRACT(MONTH FROM t.expires_on) - 1 END bk,
                         %s cur, t.open_amount
                  FROM (%s) t%s) g
                GROUP BY g.bk, g.cur ORDER BY g.bk, g.cur""".formatted(last, last + 1, cur[0],
                LimitationSql.withStatus(settings.years(), settings.partPayments(), scope.sql), cur[1]);
        return bind(jdbc.sql(sql), asOf, scope).query((rs, n) -> {
            int bk = rs.getInt("bk");
            YearMonth month = bk >= 0 && bk <= last ? YearMonth.of(bk / 12, bk % 12 + 1) : null;
            String bucket = bk == -2 ? "IN_PROCEEDINGS" : bk == -1 ? "EXPIRED" : month == null ? "LATER" : month.toString();
            return new ExpiryMonth(bucket, month, rs.getString("cur").trim(), rs.getLong("invoices"), money(rs.getBigDecimal("amount")));
        }).list();
    }

    /**
     * What is open and not yet expired, not in proceedings, with a last day on or before {@code asOf + days}, per
     * currency (the dashboard's "expiring within 180 days"); scoped to the user's portfolio.
     */
    @Transactional(readOnly = true)
    public List<CurrencyTotal> expiringWithin(LocalDate asOf, int days) {
        Scope scope = scope(null);
        String[] cur = currency();
        String sql = "SELECT " + cur[0] + " cur, count(*) invoices, sum(t.open_amount) amount FROM ("
                + LimitationSql.clock(settings.years(), settings.partPayments(), scope.sql) + ") t" + cur[1]
                + " WHERE t.in_proc = 0 AND t.expires_on >= :asOf AND t.expires_on <= :until GROUP BY " + cur[0] + " ORDER BY 1";
        return bind(jdbc.sql(sql), asOf, scope).param("until", Date.valueOf(asOf.plusDays(days)))
                .query((rs, n) -> new CurrencyTotal(rs.getString("cur").trim(), rs.getLong("invoices"), money(rs.getBigDecimal("amount"))))
                .list();
    }

    /** The clocks of the given invoices that are open at {@code asOf}, by invoice id (not scoped: the caller chose the ids). */
    @Transactional(readOnly = true)
    public Map<Long, LimitationItem> expiryOf(Collection<Long> invoiceIds, LocalDate asOf) {
        Map<Long, LimitationItem> found = new HashMap<>();
        List<Long> ids = new ArrayList<>(invoiceIds);
        for (int from = 0; from < ids.size(); from += 1000) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 1000));
            Scope scope = new Scope(" AND b.invoice_id IN (:ids)", null, null);
            String sql = "SELECT t.*, i.invoice_no, i.currency, c.code customer_code FROM ("
                    + LimitationSql.withStatus(settings.years(), settings.partPayments(), scope.sql) + ") t"
                    + " JOIN invoice i ON i.id = t.invoice_id JOIN customer c ON c.id = t.customer_id";
            List<LimitationItem> rows = bind(jdbc.sql(sql), asOf, scope).param("ids", chunk).query((rs, n) -> item(rs, asOf)).list();
            lastEvents.attach(rows, asOf).forEach(i -> found.put(i.invoiceId(), i));
        }
        return found;
    }

    /**
     * Every open invoice (all portfolios: for jobs) not in proceedings whose period ends between {@code from} and
     * {@code to} inclusive, as of {@code asOf}; by last day then invoice number.
     */
    @Transactional(readOnly = true)
    public List<LimitationItem> expiringBetween(LocalDate asOf, LocalDate from, LocalDate to) {
        Scope scope = new Scope("", null, null);
        String sql = "SELECT t.*, i.invoice_no, i.currency, c.code customer_code FROM ("
                + LimitationSql.withStatus(settings.years(), settings.partPayments(), scope.sql) + ") t"
                + " JOIN invoice i ON i.id = t.invoice_id JOIN customer c ON c.id = t.customer_id"
                + " WHERE t.in_proc = 0 AND t.expires_on >= :from AND t.expires_on <= :to ORDER BY t.expires_on, i.invoice_no";
        List<LimitationItem> rows = bind(jdbc.sql(sql), asOf, scope).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query((rs, n) -> item(rs, asOf)).list();
        return lastEvents.attach(rows, asOf);
    }

    private LimitationItem item(java.sql.ResultSet rs, LocalDate asOf) throws java.sql.SQLException {
        LocalDate expires = rs.getDate("expires_on").toLocalDate();
        return new LimitationItem(rs.getString("invoice_no"), rs.getString("customer_code"), money(rs.getBigDecimal("open_amount")),
                rs.getString("currency").trim(), rs.getDate("runs_from").toLocalDate(), expires, ChronoUnit.DAYS.between(asOf, expires),
                LimitationStatus.valueOf(rs.getString("status")), null, rs.getDate("due_date").toLocalDate(), rs.getLong("invoice_id"));
    }

    private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, LocalDate asOf, Scope scope) {
        spec = spec.param("asOf", Date.valueOf(asOf)).param("windowEnd", Date.valueOf(asOf.plusDays(settings.expiringDays())));
        if (scope.owner != null) {
            spec = spec.param("owner", scope.owner);
        }
        if (scope.customerId != null) {
            spec = spec.param("customerId", scope.customerId);
        }
        return spec;
    }

    /** The current user's scope, narrowed to one customer when a code is given (404 outside the portfolio). */
    private Scope scope(String customerCode) {
        CurrentUser user = CurrentUser.get();
        if (customerCode != null && !customerCode.isBlank()) {
            CustomerRef ref = customers.ref(customerCode.strip());
            return new Scope(" AND b.invoice_id IN (SELECT ci.id FROM invoice ci WHERE ci.customer_id = :customerId)", null, ref.id());
        }
        return user.portfolioOnly() ? new Scope(OWNER_SCOPE, user.username(), null) : new Scope("", null, null);
    }

    private String[] currency() {
        return currencies.foreignInUse() ? new String[] {"i.currency", " JOIN invoice i ON i.id = t.invoice_id"}
                : new String[] {"CAST('" + Currencies.BASE + "' AS CHAR(3))", ""};
    }

    private record Scope(String sql, String owner, Long customerId) {
    }

    static int monthKey(YearMonth m) {
        return m.getYear() * 12 + m.getMonthValue() - 1;
    }

    static BigDecimal money(BigDecimal v) {
        return v == null ? BigDecimal.ZERO.setScale(2) : v.setScale(2, RoundingMode.HALF_UP);
    }
}
