package io.huikuan.exchange;

import io.huikuan.common.SqlLike;
import io.huikuan.exchange.internal.Columns;
import io.huikuan.exchange.internal.Columns.Column;
import io.huikuan.exchange.internal.TableWriter;
import io.huikuan.identity.CurrentUser;
import io.huikuan.ledger.LedgerQueries.CustomerFilter;
import io.huikuan.ledger.LedgerQueries.InvoiceFilter;
import io.huikuan.ledger.LedgerQueries.PaymentFilter;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Exports the customer, invoice and payment lists (same filters as the lists, limited to the
 * current user's portfolio) as XLSX or CSV, streamed from a database cursor. The canonical import
 * columns come first, so an exported file imports again unchanged; derived balances follow.
 */
@Service
public class ExportService {

    /** File formats. */
    public enum Format {
        XLSX, CSV;

        public static Format parse(String s) {
            if (s == null || s.isBlank()) {
                return XLSX;
            }
            return switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "xlsx" -> XLSX;
                case "csv" -> CSV;
                default -> throw new io.huikuan.common.ValidationException("format", s, "xlsx or csv");
            };
        }

        public String contentType() {
            return this == XLSX ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=UTF-8";
        }

        public String extension() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What to export; exactly one filter matters, per kind. */
    public record Request(ImportKind kind, Format format, boolean chineseHeaders, CustomerFilter customers, InvoiceFilter invoices,
            PaymentFilter payments) {
    }

    /** issue 12, item 15: the balances are in {@code currency}; a customer's other currencies follow in one cell. */
    private static final List<String> CUSTOMER_DERIVED = List.of("open_amount", "overdue_amount", "open_invoices", "unapplied", "currency",
            "other_currencies");
    private static final List<String> INVOICE_DERIVED = List.of("customer_name", "paid", "credited", "written_off", "open_amount",
            "overdue_amount", "days_overdue", "status");
    private static final List<String> PAYMENT_DERIVED = List.of("currency", "customer_name", "applied", "unapplied", "allocated_invoices", "note");
    private static final Map<String, String> DERIVED_ZH = Map.ofEntries(Map.entry("open_amount", "未收金额"), Map.entry("overdue_amount", "逾期金额"),
            Map.entry("open_invoices", "未结发票数"), Map.entry("unapplied", "未核销金额"), Map.entry("customer_name", "客户名称"),
            Map.entry("paid", "已收金额"), Map.entry("credited", "红冲金额"), Map.entry("written_off", "核销坏账"), Map.entry("days_overdue", "逾期天数"),
            Map.entry("status", "状态"), Map.entry("currency", "币种"), Map.entry("applied", "已核销金额"), Map.entry("allocated_invoices", "核销发票"),
            Map.entry("note", "备注"), Map.entry("other_currencies", "其他币种"));

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final Clock clock;

    private final io.huikuan.ledger.Currencies currencies;

    ExportService(DataSource dataSource, PlatformTransactionManager transactions, Clock clock, io.huikuan.ledger.Currencies currencies) {
        this.currencies = currencies;
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(1000);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.clock = clock;
    }

    /**
     * The request from parameters named as the list filters: customers q, owner, region, grade,
     * industry, businessUnit, overdueOnly; invoices customerCode, status, q, dueFrom, dueTo, owner;
     * payments customerCode, q, from, to, unappliedOnly; plus format=xlsx|csv and lang=zh.
     */
    public static Request request(ImportKind kind, Map<String, String> p) {
        Format format = Format.parse(p.get("format"));
        String lang = p.getOrDefault("lang", "");
        boolean chinese = lang.toLowerCase(Locale.ROOT).startsWith("zh") || "true".equalsIgnoreCase(p.get("chineseHeaders"));
        CustomerFilter customers = new CustomerFilter(p.get("q"), p.get("owner"), p.get("region"), p.get("grade"), p.get("industry"),
                p.get("businessUnit"), bool(p.get("overdueOnly")));
        InvoiceFilter invoices = new InvoiceFilter(p.get("customerCode"), p.get("status"), p.get("q"), date(p, "dueFrom"), date(p, "dueTo"),
                p.get("owner"));
        PaymentFilter payments = new PaymentFilter(p.get("customerCode"), p.get("q"), date(p, "from"), date(p, "to"),
                bool(p.get("unappliedOnly")));
        return new Request(kind, format, chinese, customers, invoices, payments);
    }

    private static Boolean bool(String s) {
        return s == null || s.isBlank() ? null : Boolean.valueOf(s.trim());
    }

    private static LocalDate date(Map<String, String> p, String name) {
        String v = p.get(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return io.huikuan.common.InputRules.checkDate(name, LocalDate.parse(v.trim()));
        } catch (java.time.DateTimeException e) {
            throw new io.huikuan.common.ValidationException(name, v, "a date yyyy-MM-dd");
        }
    }

    /** The file name to offer, e.g. invoices-2026-06-30.xlsx. */
    public String fileName(ImportKind kind, Format format) {
        return kind.name().toLowerCase(Locale.ROOT) + "-" + LocalDate.now(clock) + "." + format.extension();
    }

    /** Writes the export to {@code out} (not closed); answers the number of data rows. */
    public long export(Request r, OutputStream out) {
        CurrentUser user = CurrentUser.get();
        TableWriter w = r.format() == Format.XLSX ? TableWriter.xlsx(out, r.kind().name().toLowerCase(Locale.ROOT)) : TableWriter.csv(out);
        long[] rows = {0};
        readOnly.executeWithoutResult(s -> {
            switch (r.kind()) {
                case CUSTOMERS -> customers(r, user, w, rows);
                case INVOICES -> invoices(r, user, w, rows);
                case PAYMENTS -> payments(r, user, w, rows);
            }
        });
        w.close();
        return rows[0];
    }

    private static List<String> header(List<Column> canonical, List<String> derived, boolean chinese, List<String> skip) {
        List<String> names = new ArrayList<>();
        for (Column c : canonical) {
            if (!skip.contains(c.name())) {
                names.add(chinese ? c.chinese() : c.name());
            }
        }
        for (String d : derived) {
            names.add(chinese ? DERIVED_ZH.getOrDefault(d, d) : d);
        }
        return names;
    }

    private void customers(Request r, CurrentUser user, TableWriter w, long[] rows) {
        CustomerFilter f = r.customers() == null ? new CustomerFilter(null, null, null, null, null, null, null) : r.customers();
        LocalDate today = LocalDate.now(clock);
        List<Object> params = new ArrayList<>();
        params.add(java.sql.Date.valueOf(today));
        StringBuilder where = new StringBuilder(" WHERE 1=1");
        portfolio(where, params, user, "c.owner");
        if (notBlank(f.q())) {
            where.append(" AND (" + SqlLike.condition("c.code") + " OR " + SqlLike.condition("c.name") + ")");
            String like = like(f.q());
            params.add(like);
            params.add(like);
        }
        eq(where, params, "c.owner", f.owner());
        eq(where, params, "c.region", f.region());
        eq(where, params, "c.grade", f.grade());
        eq(where, params, "c.industry", f.industry());
        eq(where, params, "c.business_unit", f.businessUnit());
        w.header(header(Columns.CUSTOMERS, CUSTOMER_DERIVED, r.chineseHeaders(), List.of()));
        if (currencies.foreignInUse()) {
            new CustomerCurrencyExport(jdbc, OPEN, SETTLED).write(where.toString(), params, Boolean.TRUE.equals(f.overdueOnly()),
                    r.chineseHeaders(), w, rows);
            return;
        }
        if (Boolean.TRUE.equals(f.overdueOnly())) {
            where.append(" AND b.overdue_amount > 0");
        }
        jdbc.query("""
                SELECT c.code, c.name, c.region, c.business_unit, c.industry, c.owner, c.credit_limit, c.credit_days, c.grade, c.credit_code,
                       coalesce(b.open_amount, 0) open_amount, coalesce(b.overdue_amount, 0) overdue_amount,
                       coalesce(b.open_invoices, 0) open_invoices, coalesce(u.unapplied, 0) unapplied
                FROM customer c
                LEFT JOIN (SELECT i.customer_id, sum(%1$s) open_amount, sum(CASE WHEN i.due_date < ? THEN %1$s ELSE 0 END) overdue_amount,
                                  sum(CASE WHEN %1$s > 0 THEN 1 ELSE 0 END) open_invoices
                           FROM invoice i %2$s GROUP BY i.customer_id) b ON b.customer_id = c.id
                LEFT JOIN (SELECT p.customer_id, sum(p.amount - coalesce(pa.applied, 0)) unapplied FROM payment p
                           LEFT JOIN (SELECT payment_id, sum(amount) applied FROM allocation GROUP BY payment_id) pa ON pa.payment_id = p.id
                           WHERE p.currency = '%3$s' GROUP BY p.customer_id) u ON u.customer_id = c.id"""
                .formatted(OPEN, SETTLED, io.huikuan.ledger.Currencies.BASE) + where + " ORDER BY c.code", rs -> {
            int days = rs.getInt("credit_days");
            Integer creditDays = rs.wasNull() ? null : days;
            w.row(rs.getString("code"), rs.getString("name"), rs.getString("region"), rs.getString("business_unit"), rs.getString("industry"),
                    rs.getString("owner"), scaleOrNull(rs.getBigDecimal("credit_limit")), creditDays, rs.getString("grade"),
                    rs.getString("credit_code"), scale(rs.getBigDecimal("open_amount")), scale(rs.getBigDecimal("overdue_amount")),
                    rs.getLong("open_invoices"), scale(rs.getBigDecimal("unapplied")), io.huikuan.ledger.Currencies.BASE, "");
            rows[0]++;
        }, params.toArray());
    }

    private void invoices(Request r, CurrentUser user, TableWriter w, long[] rows) {
        InvoiceFilter f = r.invoices() == null ? new InvoiceFilter(null, null, null, null, null, null) : r.invoices();
        LocalDate today = LocalDate.now(clock);
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE 1=1");
        portfolio(where, params, user, "c.owner");
        eq(where, params, "c.code", f.customerCode());
        eq(where, params, "c.owner", f.owner());
        if (notBlank(f.q())) {
            where.append(" AND (" + SqlLike.condition("i.invoice_no") + " OR " + SqlLike.condition("c.name") + " OR "
                    + SqlLike.condition("c.code") + ")");
            String like = like(f.q());
            params.add(like);
            params.add(like);
            params.add(like);
        }
        if (f.dueFrom() != null) {
            where.append(" AND i.due_date >= ?");
            params.add(java.sql.Date.valueOf(f.dueFrom()));
        }
        if (f.dueTo() != null) {
            where.append(" AND i.due_date <= ?");
            params.add(java.sql.Date.valueOf(f.dueTo()));
        }
        switch (f.status() == null ? "" : f.status()) {
            case "open" -> where.append(" AND ").append(OPEN).append(" > 0");
            case "overdue" -> {
                where.append(" AND ").append(OPEN).append(" > 0 AND i.due_date < ?");
                params.add(java.sql.Date.valueOf(today));
            }
            case "paid" -> where.append(" AND ").append(OPEN).append(" = 0");
            default -> {
            }
        }
        w.header(header(Columns.INVOICES, INVOICE_DERIVED, r.chineseHeaders(), List.of()));
        jdbc.query("""
                SELECT i.invoice_no, c.code, i.issue_date, i.due_date, i.amount, i.currency, k.contract_no, i.tax_invoice_no, i.business_unit,
                       c.name, coalesce(a.paid, 0) paid, coalesce(cn.credited, 0) credited, coalesce(wo.written_off, 0) written_off,
                       %s open_amount
                FROM invoice i JOIN customer c ON c.id = i.customer_id LEFT JOIN contract k ON k.id = i.contract_id %s""".formatted(OPEN, SETTLED)
                + where + " ORDER BY i.due_date, i.invoice_no", rs -> {
            LocalDate due = rs.getObject("due_date", LocalDate.class);
            BigDecimal open = scale(rs.getBigDecimal("open_amount"));
            boolean overdue = open.signum() > 0 && due.isBefore(today);
            w.row(rs.getString("invoice_no"), rs.getString("code"), rs.getObject("issue_date", LocalDate.class), due,
                    scale(rs.getBigDecimal("amount")), rs.getString("currency").trim(), rs.getString("contract_no"), rs.getString("tax_invoice_no"),
                    rs.getString("business_unit"), rs.getString("name"), scale(rs.getBigDecimal("paid")), scale(rs.getBigDecimal("credited")),
                    scale(rs.getBigDecimal("written_off")), open, overdue ? open : scale(BigDecimal.ZERO),
                    overdue ? ChronoUnit.DAYS.between(due, today) : 0L, open.signum() == 0 ? "PAID" : overdue ? "OVERDUE" : "OPEN");
            rows[0]++;
        }, params.toArray());
    }

    private void payments(Request r, CurrentUser user, TableWriter w, long[] rows) {
        PaymentFilter f = r.payments() == null ? new PaymentFilter(null, null, null, null, null) : r.payments();
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE 1=1");
        portfolio(where, params, user, "c.owner");
        eq(where, params, "c.code", f.customerCode());
        if (notBlank(f.q())) {
            where.append(" AND (" + SqlLike.condition("p.payment_ref") + " OR " + SqlLike.condition("c.name") + " OR "
                    + SqlLike.condition("c.code") + ")");
            String like = like(f.q());
            params.add(like);
            params.add(like);
            params.add(like);
        }
        if (f.from() != null) {
            where.append(" AND p.payment_date >= ?");
            params.add(java.sql.Date.valueOf(f.from()));
        }
        if (f.to() != null) {
            where.append(" AND p.payment_date <= ?");
            params.add(java.sql.Date.valueOf(f.to()));
        }
        if (Boolean.TRUE.equals(f.unappliedOnly())) {
            where.append(" AND p.amount > coalesce(pa.applied, 0)");
        }
        w.header(header(Columns.PAYMENTS, PAYMENT_DERIVED, r.chineseHeaders(), List.of("invoice_no", "currency")));
        jdbc.query("""
                SELECT p.payment_ref, c.code, p.payment_date, p.amount, p.method, p.currency, c.name, coalesce(pa.applied, 0) applied,
                       p.amount - coalesce(pa.applied, 0) unapplied, p.note,
                       (SELECT min(i.invoice_no) FROM allocation a JOIN invoice i ON i.id = a.invoice_id WHERE a.payment_id = p.id) first_invoice,
                       (SELECT count(*) FROM allocation a WHERE a.payment_id = p.id) allocations
                FROM payment p JOIN customer c ON c.id = p.customer_id
                LEFT JOIN (SELECT payment_id, sum(amount) applied FROM allocation GROUP BY payment_id) pa ON pa.payment_id = p.id"""
                + where + " ORDER BY p.payment_date, p.payment_ref", rs -> {
            long n = rs.getLong("allocations");
            String first = rs.getString("first_invoice");
            String allocated = n == 0 ? null : n == 1 ? first : first + " +" + (n - 1);
            w.row(rs.getString("payment_ref"), rs.getString("code"), rs.getObject("payment_date", LocalDate.class), scale(rs.getBigDecimal("amount")),
                    rs.getString("method"), rs.getString("currency").trim(), rs.getString("name"), scale(rs.getBigDecimal("applied")),
                    scale(rs.getBigDecimal("unapplied")), allocated, rs.getString("note"));
            rows[0]++;
        }, params.toArray());
    }

    private static final String SETTLED = """
            LEFT JOIN (SELECT invoice_id, sum(amount) paid FROM allocation GROUP BY invoice_id) a ON a.invoice_id = i.id
            LEFT JOIN (SELECT invoice_id, sum(amount) credited FROM credit_note GROUP BY invoice_id) cn ON cn.invoice_id = i.id
            LEFT JOIN (SELECT invoice_id, sum(amount) written_off FROM write_off GROUP BY invoice_id) wo ON wo.invoice_id = i.id
            """;
    private static final String OPEN = "(i.amount - coalesce(a.paid, 0) - coalesce(cn.credited, 0) - coalesce(wo.written_off, 0))";

    private static void portfolio(StringBuilder where, List<Object> params, CurrentUser user, String column) {
        if (user.portfolioOnly()) {
            where.append(" AND ").append(column).append(" = ?");
            params.add(user.username());
        }
    }

    private static void eq(StringBuilder where, List<Object> params, String column, String value) {
        if (notBlank(value)) {
            where.append(" AND ").append(column).append(" = ?");
            params.add(value.trim());
        }
    }

    private static String like(String q) {
        return SqlLike.contains(q);
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static BigDecimal scale(BigDecimal v) {
        return v == null ? BigDecimal.ZERO.setScale(2) : v.setScale(2, java.math.RoundingMode.HALF_UP);
    }

    private static BigDecimal scaleOrNull(BigDecimal v) {
        return v == null ? null : scale(v);
    }

}
