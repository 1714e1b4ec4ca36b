package io.huikuan.ledger;

import io.huikuan.common.Page;
import io.huikuan.identity.CurrentUser;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The ledger's read side: balances derived in SQL from invoices, allocations, credit notes and
 * write-offs (never stored), scoped to the current user's portfolio.
 */
@Component
public class LedgerQueries {

    /** Per-invoice settled amounts; joined to invoice to derive the open balance. */
    static final String SETTLED = """
            LEFT JOIN (SELECT invoice_id, sum(amount) paid FROM allocation GROUP BY invoice_id) a ON a.invoice_id = i.id
            LEFT JOIN (SELECT invoice_id, sum(amount) credited FROM credit_note GROUP BY invoice_id) cn ON cn.invoice_id = i.id
            LEFT JOIN (SELECT invoice_id, sum(amount) written_off FROM write_off GROUP BY invoice_id) w ON w.invoice_id = i.id
            """;
    static final String OPEN = "(i.amount - coalesce(a.paid, 0) - coalesce(cn.credited, 0) - coalesce(w.written_off, 0))";
    /** The same open balance with correlated sums: cheap when only a few invoices are selected. */
    static final String OPEN_CORRELATED = """
            (i.amount - (SELECT coalesce(sum(a.amount), 0) FROM allocation a WHERE a.invoice_id = i.id)
                      - (SELECT coalesce(sum(n.amount), 0) FROM credit_note n WHERE n.invoice_id = i.id)
                      - (SELECT coalesce(sum(w.amount), 0) FROM write_off w WHERE w.invoice_id = i.id))""";

    private static final Map<String, String> CUSTOMER_SORTS = Map.of(
            "code", "c.code", "name", "c.name", "owner", "c.owner", "region", "c.region", "grade", "c.grade",
            "open", "open_amount", "overdue", "overdue_amount");
    private static final Map<String, String> INVOICE_SORTS = Map.of(
            "invoiceNo", "i.invoice_no", "issueDate", "i.issue_date", "dueDate", "i.due_date", "amount", "i.amount",
            "open", "open_amount", "customer", "c.code");

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Currencies currencies;
    private final AccountCurrencies accountCurrencies;

    private final org.springframework.beans.factory.ObjectProvider<InvoiceExpiries> expiries;

    LedgerQueries(JdbcClient jdbc, Clock clock, Currencies currencies, AccountCurrencies accountCurrencies,
            org.springframework.beans.factory.ObjectProvider<InvoiceExpiries> expiries) {
        this.expiries = expiries;
        this.jdbc = jdbc;
        this.clock = clock;
        this.currencies = currencies;
        this.accountCurrencies = accountCurrencies;
    }

    /** A customer row of the customer list, with derived balances. */
    public record CustomerAccount(String code, String name, String region, String businessUnit, String industry, String owner,
            String grade, BigDecimal creditLimit, Integer creditDays, BigDecimal openAmount, BigDecimal overdueAmount,
            long openInvoices, BigDecimal unapplied, String currency, List<InCurrency> byCurrency) {

        /** A row whose customer has only the base currency (or nothing at all). */
        public CustomerAccount(String code, String name, String region, String businessUnit, String industry, String owner,
                String grade, BigDecimal creditLimit, Integer creditDays, BigDecimal openAmount, BigDecimal overdueAmount,
                long openInvoices, BigDecimal unapplied) {
            this(code, name, region, businessUnit, industry, owner, grade, creditLimit, creditDays, openAmount, overdueAmount, openInvoices,
                    unapplied, Currencies.BASE, List.of(new InCurrency(Currencies.BASE, openAmount, overdueAmount, openInvoices, unapplied)));
        }

        /** True when the amounts need their currency beside them: several currencies, or one other than the base. */
        public boolean showsCurrency() {
            return byCurrency.size() > 1 || !Currencies.BASE.equals(currency);
        }

        /** The customer's balances in one currency (issue 12, item 15). */
        public record InCurrency(String currency, BigDecimal openAmount, BigDecimal overdueAmount, long openInvoices, BigDecimal unapplied) {
        }
    }

    /** Filters of the customer list. Blank means "any". */
    public record CustomerFilter(String q, String owner, String region, String grade, String industry, String businessUnit,
            Boolean overdueOnly) {
    }

    public Page<CustomerAccount> customers(CustomerFilter f, String sort, boolean desc, int page, int size) {
        LocalDate today = LocalDate.now(clock);
        SqlFilter where = SqlFilter.scoped("c.owner")
                .contains(f.q(), "c.code", "c.name")
                .eq("c.owner", f.owner()).eq("c.region", f.region()).eq("c.grade", f.grade())
                .eq("c.industry", f.industry()).eq("c.business_unit", f.businessUnit());
        boolean byBalance = "open".equals(sort) || "overdue".equals(sort) || Boolean.TRUE.equals(f.overdueOnly());
        // issue 12, item 15: with other currencies in use, a row's amounts are those of its row currency (AccountCurrencies)
        boolean foreign = currencies.foreignInUse();
        if (!byBalance) {
            return customersPageFirst(where, sort, desc, page, size, today, foreign);
        }
        if (Boolean.TRUE.equals(f.overdueOnly())) {
            where.and(foreign ? "b.any_overdue > 0" : "b.overdue_amount > 0");
        }
        String balances = foreign ? """
                SELECT r.customer_id, r.currency, r.open_amount, r.overdue_amount, r.open_invoices, r.any_overdue FROM (
                    SELECT t.customer_id, t.currency, t.open_amount, t.overdue_amount, t.open_invoices,
                           ROW_NUMBER() OVER (PARTITION BY t.customer_id ORDER BY %3$s) rn,
                           max(CASE WHEN t.overdue_amount > 0 THEN 1 ELSE 0 END) OVER (PARTITION BY t.customer_id) any_overdue
                    FROM (SELECT i.customer_id, i.currency, sum(%1$s) open_amount,
                                 sum(CASE WHEN i.due_date < ? THEN %1$s ELSE 0 END) overdue_amount,
                                 sum(CASE WHEN %1$s > 0 THEN 1 ELSE 0 END) open_invoices
                          FROM invoice i %2$s GROUP BY i.customer_id, i.currency) t) r
                WHERE r.rn = 1""".formatted(OPEN, SETTLED, AccountCurrencies.ROW_ORDER_SQL) : """
                SELECT i.customer_id,
                       sum(%1$s) open_amount,
                       sum(CASE WHEN i.due_date < ? THEN %1$s ELSE 0 END) overdue_amount,
                       sum(CASE WHEN %1$s > 0 THEN 1 ELSE 0 END) open_invoices
                FROM invoice i %2$s GROUP BY i.customer_id""".formatted(OPEN, SETTLED);
        String unapplied = """
                SELECT p.customer_id, p.currency, sum(p.amount - coalesce(pa.applied, 0)) unapplied
                FROM payment p LEFT JOIN (SELECT payment_id, sum(amount) applied FROM allocation GROUP BY payment_id) pa ON pa.payment_id = p.id
                """ + (foreign ? "GROUP BY p.customer_id, p.currency" : "WHERE p.currency = '" + Currencies.BASE + "' GROUP BY p.customer_id, p.currency");
        String from = " FROM customer c LEFT JOIN (" + balances + ") b ON b.customer_id = c.id LEFT JOIN (" + unapplied
                + ") u ON u.customer_id = c.id" + (foreign ? " AND u.currency = coalesce(b.currency, '" + Currencies.BASE + "')" : "")
                + where.sql();
        List<Object> all = new ArrayList<>();
        all.add(java.sql.Date.valueOf(today));
        all.addAll(where.params());
        long total = jdbc.sql("SELECT count(*)" + from).params(all).query(Long.class).single();
        String order = CUSTOMER_SORTS.getOrDefault(sort == null ? "" : sort, "c.code") + (desc ? " DESC" : " ASC") + ", c.code";
        List<Object> paged = new ArrayList<>(all);
        paged.add(size);
        paged.add((long) page * size);
        Map<Long, CustomerAccount> rows = new java.util.LinkedHashMap<>();
        jdbc.sql("""
                SELECT c.id, c.code, c.name, c.region, c.business_unit, c.industry, c.owner, c.grade, c.credit_limit, c.credit_days,
                       coalesce(b.open_amount, 0) open_amount, coalesce(b.overdue_amount, 0) overdue_amount,
                       coalesce(b.open_invoices, 0) open_invoices, coalesce(u.unapplied, 0) unapplied
                """ + from + " ORDER BY " + order + " LIMIT ? OFFSET ?")
                .params(paged).query(rs -> {
                    rows.put(rs.getLong("id"), mapAccount(rs, 0));
                });
        List<CustomerAccount> items = foreign && !rows.isEmpty() ? accountCurrencies.rows(rows, today) : List.copyOf(rows.values());
        return new Page<>(items, total, page, size);
    }

    /**
     * The customer list when neither the order nor a filter depends on balances: the page of
     * customers is chosen first, then balances are derived for those customers only (index
     * lookups per invoice instead of aggregating every allocation), so the list stays fast on
     * a large ledger.
     */
    private Page<CustomerAccount> customersPageFirst(SqlFilter where, String sort, boolean desc, int page, int size, LocalDate today,
            boolean foreign) {
        long total = jdbc.sql("SELECT count(*) FROM customer c" + where.sql()).params(where.params()).query(Long.class).single();
        String order = CUSTOMER_SORTS.getOrDefault(sort == null ? "" : sort, "c.code") + (desc ? " DESC" : " ASC") + ", c.code";
        record Row(long id, CustomerAccount account) {
        }
        List<Row> rows = jdbc.sql("""
                SELECT c.id, c.code, c.name, c.region, c.business_unit, c.industry, c.owner, c.grade, c.credit_limit, c.credit_days,
                       0 open_amount, 0 overdue_amount, 0 open_invoices, 0 unapplied
                FROM customer c""" + where.sql() + " ORDER BY " + order + " LIMIT ? OFFSET ?")
                .params(where.paged(page, size)).query((rs, n) -> new Row(rs.getLong("id"), mapAccount(rs, n))).list();
        if (rows.isEmpty()) {
            return new Page<>(List.of(), total, page, size);
        }
        if (foreign) {
            Map<Long, CustomerAccount> byId = new java.util.LinkedHashMap<>();
            rows.forEach(r -> byId.put(r.id(), r.account()));
            return new Page<>(accountCurrencies.rows(byId, today), total, page, size);
        }
        String ids = String.join(",", rows.stream().map(r -> String.valueOf(r.id())).toList());
        Map<Long, Object[]> balances = new java.util.HashMap<>();
        jdbc.sql("""
                SELECT t.customer_id, sum(t.open_amount), sum(CASE WHEN t.due_date < ? THEN t.open_amount ELSE 0 END),
                       sum(CASE WHEN t.open_amount > 0 THEN 1 ELSE 0 END)
                FROM (SELECT i.customer_id, i.due_date, %s open_amount FROM invoice i WHERE i.customer_id IN (%s)) t
                GROUP BY t.customer_id""".formatted(OPEN_CORRELATED, ids))
                .param(java.sql.Date.valueOf(today))
                .query(rs -> {
                    balances.put(rs.getLong(1), new Object[] {rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getLong(4)});
                });
        Map<Long, BigDecimal> unapplied = new java.util.HashMap<>();
        jdbc.sql("""
                SELECT p.customer_id, sum(p.amount - (SELECT coalesce(sum(a.amount), 0) FROM allocation a WHERE a.payment_id = p.id))
                FROM payment p WHERE p.customer_id IN (%s) AND p.currency = '%s' GROUP BY p.customer_id""".formatted(ids, Currencies.BASE))
                .query(rs -> {
                    unapplied.put(rs.getLong(1), rs.getBigDecimal(2));
                });
        List<CustomerAccount> items = rows.stream().map(r -> {
            CustomerAccount a = r.account();
            Object[] b = balances.get(r.id());
            return new CustomerAccount(a.code(), a.name(), a.region(), a.businessUnit(), a.industry(), a.owner(), a.grade(),
                    a.creditLimit(), a.creditDays(), scale(b == null ? null : (BigDecimal) b[0]), scale(b == null ? null : (BigDecimal) b[1]),
                    b == null ? 0 : (Long) b[2], scale(unapplied.get(r.id())));
        }).toList();
        return new Page<>(items, total, page, size);
    }

    /** Balances of one customer (by id); the caller has checked the portfolio. */
    public record AccountSummary(BigDecimal invoiced, BigDecimal open, BigDecimal overdue, BigDecimal notDue, long openInvoices,
            BigDecimal unapplied, BigDecimal paid, BigDecimal credited, BigDecimal writtenOff, String currency, List<InCurrency> byCurrency) {

        /** The balances in one currency (issue 12, item 15). */
        public record InCurrency(String currency, BigDecimal invoiced, BigDecimal open, BigDecimal overdue, BigDecimal notDue,
                long openInvoices, BigDecimal unapplied, BigDecimal paid, BigDecimal credited, BigDecimal writtenOff) {
        }

        /** True when the amounts need their currency beside them: several currencies, or one other than the base. */
        public boolean showsCurrency() {
            return byCurrency.size() > 1 || !Currencies.BASE.equals(currency);
        }

        /** The overdue amount in {@code currency} (zero when none): the worklist's amounts are the base currency's. */
        public BigDecimal overdueIn(String currency) {
            return byCurrency.stream().filter(c -> c.currency().equals(currency)).map(InCurrency::overdue).findFirst()
                    .orElse(BigDecimal.ZERO.setScale(2));
        }

        /** The open balance in {@code currency} (zero when none): the credit limit is compared with the base currency's. */
        public BigDecimal openIn(String currency) {
            return byCurrency.stream().filter(c -> c.currency().equals(currency)).map(InCurrency::open).findFirst()
                    .orElse(BigDecimal.ZERO.setScale(2));
        }
    }

    /**
     * Balances of one customer (by id); the caller has checked the portfolio. The single amounts are in {@code currency}
     * (the base currency unless the customer has only others open); {@code byCurrency} gives every currency apart.
     */
    public AccountSummary summary(long customerId) {
        return accountCurrencies.summary(customerId, LocalDate.now(clock));
    }

    public BigDecimal unapplied(long customerId) {
        return jdbc.sql("""
                SELECT coalesce(sum(p.amount - coalesce(pa.applied, 0)), 0) FROM payment p
                LEFT JOIN (SELECT payment_id, sum(amount) applied FROM allocation GROUP BY payment_id) pa ON pa.payment_id = p.id
                WHERE p.customer_id = ?""").param(customerId).query(BigDecimal.class).single();
    }

    /** Totals of the current user's portfolio, with the overdue amount split by days overdue. */
    public record PortfolioTotals(long customers, long openInvoices, BigDecimal open, BigDecimal overdue, BigDecimal notDue,
            BigDecimal unapplied, BigDecimal overdue1to30, BigDecimal overdue31to90, BigDecimal overdue91to180,
            BigDecimal overdueOver180) {
    }

    /**
     * The overview: the portfolio's totals and the customers with the most overdue, in the base currency; the
     * receivables in each other currency apart (issue 12, item 15: never added to the base currency's).
     */
    public record Overview(PortfolioTotals totals, List<CustomerAccount> topOverdue, List<Currencies.Balance> otherCurrencies) {

        public Overview(PortfolioTotals totals, List<CustomerAccount> topOverdue) {
            this(totals, topOverdue, List.of());
        }
    }

    /**
     * Totals of the current user's portfolio and its {@code top} customers by overdue amount, from
     * one pass over the invoices: balances are summed per customer, the totals are window sums over
     * those customers, and only the top rows come back.
     */
    public Overview overview(int top) {
        LocalDate today = LocalDate.now(clock);
        CurrentUser user = CurrentUser.get();
        String scope = user.portfolioOnly() ? " JOIN customer s ON s.id = i.customer_id AND s.owner = ?" : "";
        List<Object> params = new ArrayList<>();
        java.sql.Date d0 = java.sql.Date.valueOf(today);
        java.sql.Date d30 = java.sql.Date.valueOf(today.minusDays(30));
        java.sql.Date d90 = java.sql.Date.valueOf(today.minusDays(90));
        java.sql.Date d180 = java.sql.Date.valueOf(today.minusDays(180));
        params.addAll(List.of(d0, d30, d0, d90, d30, d180, d90, d180));
        if (user.portfolioOnly()) {
            params.add(user.username());
        }
        params.add(top);
        BigDecimal[] sums = new BigDecimal[7];
        java.util.Arrays.fill(sums, BigDecimal.ZERO);
        List<CustomerAccount> rows = jdbc.sql("""
                WITH per AS (
                    SELECT i.customer_id, sum(%1$s) open_amount,
                           sum(CASE WHEN i.due_date < ? THEN %1$s ELSE 0 END) overdue_amount,
                           sum(CASE WHEN i.due_date >= ? AND i.due_date < ? THEN %1$s ELSE 0 END) b1,
                           sum(CASE WHEN i.due_date >= ? AND i.due_date < ? THEN %1$s ELSE 0 END) b2,
                           sum(CASE WHEN i.due_date >= ? AND i.due_date < ? THEN %1$s ELSE 0 END) b3,
                           sum(CASE WHEN i.due_date < ? THEN %1$s ELSE 0 END) b4,
                           sum(CASE WHEN %1$s > 0 THEN 1 ELSE 0 END) open_invoices
                    FROM invoice i %2$s %3$s%4$s GROUP BY i.customer_id)
                SELECT c.code, c.name, c.region, c.business_unit, c.industry, c.owner, c.grade, c.credit_limit, c.credit_days,
                       per.open_amount, per.overdue_amount, per.open_invoices, 0 unapplied,
                       sum(per.open_amount) OVER () t_open, sum(per.overdue_amount) OVER () t_overdue, sum(per.b1) OVER () t_b1,
                       sum(per.b2) OVER () t_b2, sum(per.b3) OVER () t_b3, sum(per.b4) OVER () t_b4,
                       sum(per.open_invoices) OVER () t_invoices
                FROM per JOIN customer c ON c.id = per.customer_id
                ORDER BY per.overdue_amount DESC, c.code LIMIT ?""".formatted(OPEN, SETTLED, scope,
                        currencies.foreignInUse() ? " WHERE i.currency = '" + Currencies.BASE + "'" : ""))
                .params(params)
                .query((rs, n) -> {
                    if (n == 0) {
                        String[] cols = {"t_open", "t_overdue", "t_b1", "t_b2", "t_b3", "t_b4", "t_invoices"};
                        for (int k = 0; k < cols.length; k++) {
                            BigDecimal v = rs.getBigDecimal(cols[k]);
                            sums[k] = v == null ? BigDecimal.ZERO : v;
                        }
                    }
                    return mapAccount(rs, n);
                })
                .list();
        List<Object> owner = user.portfolioOnly() ? List.of(user.username()) : List.of();
        String customerScope = user.portfolioOnly() ? " WHERE c.owner = ?" : "";
        long customers = jdbc.sql("SELECT count(*) FROM customer c" + customerScope).params(owner).query(Long.class).single();
        BigDecimal unapplied = jdbc.sql("""
                SELECT coalesce(sum(p.amount - coalesce(pa.applied, 0)), 0) FROM payment p JOIN customer c ON c.id = p.customer_id
                LEFT JOIN (SELECT payment_id, sum(amount) applied FROM allocation GROUP BY payment_id) pa ON pa.payment_id = p.id"""
                        + (customerScope.isEmpty() ? " WHERE" : customerScope + " AND") + " p.currency = '" + Currencies.BASE + "'")
                .params(owner).query(BigDecimal.class).single();
        PortfolioTotals totals = new PortfolioTotals(customers, sums[6].longValue(), scale(sums[0]), scale(sums[1]),
                scale(sums[0].subtract(sums[1])), scale(unapplied), scale(sums[2]), scale(sums[3]), scale(sums[4]), scale(sums[5]));
        List<CustomerAccount> overdue = rows.stream().filter(r -> r.overdueAmount().signum() > 0).toList();
        return new Overview(totals, overdue, currencies.otherCurrencies(today, user.portfolioOnly() ? user.username() : null));
    }

    /**
     * Filters of the invoice list. status: open, overdue, paid or blank. limitation: the invoice is open and its
     * limitation period (诉讼时效) ends within the warning window (EXPIRING) or has ended (EXPIRED) today.
     */
    public record InvoiceFilter(String customerCode, String status, String q, LocalDate dueFrom, LocalDate dueTo, String owner,
            InvoiceExpiries.Filter limitation) {

        public InvoiceFilter(String customerCode, String status, String q, LocalDate dueFrom, LocalDate dueTo, String owner) {
            this(customerCode, status, q, dueFrom, dueTo, owner, null);
        }
    }

    public Page<InvoiceView> invoices(InvoiceFilter f, String sort, boolean desc, int page, int size) {
        LocalDate today = LocalDate.now(clock);
        SqlFilter where = SqlFilter.scoped("c.owner")
                .eq("c.code", f.customerCode()).eq("c.owner", f.owner())
                .contains(f.q(), "i.invoice_no", "c.name", "c.code")
                .onOrAfter("i.due_date", f.dueFrom()).onOrBefore("i.due_date", f.dueTo());
        switch (f.status() == null ? "" : f.status()) {
            case "open" -> where.and(OPEN + " > 0");
            case "overdue" -> where.and(OPEN + " > 0 AND i.due_date < ?", java.sql.Date.valueOf(today));
            case "paid" -> where.and(OPEN + " = 0");
            default -> {
            }
        }
        if (f.limitation() != null) {
            InvoiceExpiries clocks = expiries.getIfAvailable();
            if (clocks == null) {
                throw new io.huikuan.common.ValidationException("limitation", f.limitation().name(), "the limitation clock is not available");
            }
            where.and("i.id IN (SELECT lf.invoice_id FROM (" + clocks.matching(f.limitation(), today) + ") lf)");
        }
        String order = INVOICE_SORTS.getOrDefault(sort == null ? "" : sort, "i.due_date") + (desc ? " DESC" : " ASC") + ", i.invoice_no";
        String status = f.status() == null ? "" : f.status();
        if (!List.of("open", "overdue", "paid").contains(status) && !"open".equals(sort)) {
            // neither the filter nor the order needs balances: count and page on the invoices alone, then
            // derive the balances of the page's invoices only (index lookups instead of full aggregates)
            String from = " FROM invoice i JOIN customer c ON c.id = i.customer_id LEFT JOIN contract k ON k.id = i.contract_id" + where.sql();
            long total = jdbc.sql("SELECT count(*) FROM invoice i JOIN customer c ON c.id = i.customer_id" + where.sql())
                    .params(where.params()).query(Long.class).single();
            List<InvoiceView> items = jdbc.sql(SELECT_INVOICE_CORRELATED + from + " ORDER BY " + order + " LIMIT ? OFFSET ?")
                    .params(where.paged(page, size)).query((rs, n) -> mapInvoice(rs, today)).list();
            return new Page<>(items, total, page, size);
        }
        String from = " FROM invoice i JOIN customer c ON c.id = i.customer_id LEFT JOIN contract k ON k.id = i.contract_id " + SETTLED + where.sql();
        long total = jdbc.sql("SELECT count(*)" + from).params(where.params()).query(Long.class).single();
        List<InvoiceView> items = jdbc.sql(SELECT_INVOICE + from + " ORDER BY " + order + " LIMIT ? OFFSET ?")
                .params(where.paged(page, size)).query((rs, n) -> mapInvoice(rs, today)).list();
        return new Page<>(items, total, page, size);
    }

    /** One invoice with balances, without the portfolio check. */
    public Optional<InvoiceView> invoice(String invoiceNo) {
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql(SELECT_INVOICE + " FROM invoice i JOIN customer c ON c.id = i.customer_id LEFT JOIN contract k ON k.id = i.contract_id "
                        + SETTLED + " WHERE i.invoice_no = ?")
                .param(invoiceNo).query((rs, n) -> mapInvoice(rs, today)).optional();
    }

    /** Open invoices of a customer, oldest due first (the order automatic allocation uses). */
    public List<InvoiceView> openInvoices(long customerId) {
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql(SELECT_INVOICE + " FROM invoice i JOIN customer c ON c.id = i.customer_id LEFT JOIN contract k ON k.id = i.contract_id "
                        + SETTLED + " WHERE i.customer_id = ? AND " + OPEN + " > 0 ORDER BY i.due_date, i.issue_date, i.invoice_no")
                .param(customerId).query((rs, n) -> mapInvoice(rs, today)).list();
    }

    private static final String SELECT_INVOICE = """
            SELECT i.invoice_no, c.code customer_code, c.name customer_name, k.contract_no, i.issue_date, i.due_date, i.amount,
                   i.currency, i.tax_invoice_no, i.tax_invoice_date, i.business_unit, i.overdue_cause, i.overdue_nature,
                   coalesce(a.paid, 0) paid, coalesce(cn.credited, 0) credited, coalesce(w.written_off, 0) written_off,
                   """ + OPEN + " open_amount";

    /** The same columns with correlated sums, for a page of invoices chosen without looking at balances. */
    private static final String SELECT_INVOICE_CORRELATED = """
            SELECT i.invoice_no, c.code customer_code, c.name customer_name, k.contract_no, i.issue_date, i.due_date, i.amount,
                   i.currency, i.tax_invoice_no, i.tax_invoice_date, i.business_unit, i.overdue_cause, i.overdue_nature,
                   (SELECT coalesce(sum(a.amount), 0) FROM allocation a WHERE a.invoice_id = i.id) paid,
                   (SELECT coalesce(sum(n.amount), 0) FROM credit_note n WHERE n.invoice_id = i.id) credited,
                   (SELECT coalesce(sum(w.amount), 0) FROM write_off w WHERE w.invoice_id = i.id) written_off,
                   """ + OPEN_CORRELATED + " open_amount";

    /** A payment's allocation to an invoice, seen from the invoice. */
    public record InvoiceAllocation(String paymentRef, LocalDate paymentDate, PaymentMethod method, BigDecimal amount) {
    }

    /** The payments applied to one invoice, oldest first (no portfolio check: the caller checked the invoice). */
    public List<InvoiceAllocation> allocationsOfInvoice(String invoiceNo) {
        return jdbc.sql("""
                SELECT p.payment_ref, p.payment_date, p.method, sum(a.amount) amount
                FROM allocation a JOIN payment p ON p.id = a.payment_id JOIN invoice i ON i.id = a.invoice_id
                WHERE i.invoice_no = ? GROUP BY p.payment_ref, p.payment_date, p.method ORDER BY p.payment_date, p.payment_ref""")
                .param(invoiceNo)
                .query((rs, n) -> new InvoiceAllocation(rs.getString(1), rs.getObject(2, LocalDate.class),
                        PaymentMethod.valueOf(rs.getString(3)), scale(rs.getBigDecimal(4))))
                .list();
    }

    /** A row of the payment list. */
    public record PaymentRow(String paymentRef, String customerCode, String customerName, LocalDate paymentDate, BigDecimal amount,
            String currency, PaymentMethod method, BigDecimal applied, BigDecimal unapplied, String note) {
    }

    /** Filters of the payment list; {@code unappliedOnly} shows payments with cash not yet applied. */
    public record PaymentFilter(String customerCode, String q, LocalDate from, LocalDate to, Boolean unappliedOnly) {
    }

    private static final Map<String, String> PAYMENT_SORTS = Map.of(
            "paymentRef", "p.payment_ref", "paymentDate", "p.payment_date", "amount", "p.amount", "customer", "c.code",
            "unapplied", "unapplied");

    public Page<PaymentRow> payments(PaymentFilter f, String sort, boolean desc, int page, int size) {
        SqlFilter where = SqlFilter.scoped("c.owner")
                .eq("c.code", f.customerCode())
                .contains(f.q(), "p.payment_ref", "c.name", "c.code")
                .onOrAfter("p.payment_date", f.from()).onOrBefore("p.payment_date", f.to());
        boolean byApplied = Boolean.TRUE.equals(f.unappliedOnly()) || "unapplied".equals(sort);
        if (Boolean.TRUE.equals(f.unappliedOnly())) {
            where.and("p.amount > coalesce(pa.applied, 0)");
        }
        // the aggregate of all allocations is joined only when the filter or the order needs it; otherwise
        // the page's payments get their applied amount by index lookups
        String applied = byApplied ? "coalesce(pa.applied, 0)" : "(SELECT coalesce(sum(a.amount), 0) FROM allocation a WHERE a.payment_id = p.id)";
        String from = " FROM payment p JOIN customer c ON c.id = p.customer_id" + (byApplied
                ? " LEFT JOIN (SELECT payment_id, sum(amount) applied FROM allocation GROUP BY payment_id) pa ON pa.payment_id = p.id" : "")
                + where.sql();
        long total = jdbc.sql("SELECT count(*)" + from).params(where.params()).query(Long.class).single();
        String order = PAYMENT_SORTS.getOrDefault(sort == null ? "" : sort, "p.payment_date") + (desc ? " DESC" : " ASC") + ", p.payment_ref";
        List<PaymentRow> items = jdbc.sql("""
                SELECT p.payment_ref, c.code, c.name, p.payment_date, p.amount, p.currency, p.method, p.note,
                       %1$s applied, p.amount - %1$s unapplied""".formatted(applied) + from
                        + " ORDER BY " + order + " LIMIT ? OFFSET ?")
                .params(where.paged(page, size))
                .query((rs, n) -> new PaymentRow(rs.getString("payment_ref"), rs.getString("code"), rs.getString("name"),
                        rs.getObject("payment_date", LocalDate.class), scale(rs.getBigDecimal("amount")), rs.getString("currency").trim(),
                        PaymentMethod.valueOf(rs.getString("method")), scale(rs.getBigDecimal("applied")),
                        scale(rs.getBigDecimal("unapplied")), rs.getString("note")))
                .list();
        return new Page<>(items, total, page, size);
    }

    static InvoiceView mapInvoice(ResultSet rs, LocalDate today) throws SQLException {
        LocalDate due = rs.getObject("due_date", LocalDate.class);
        BigDecimal open = scale(rs.getBigDecimal("open_amount"));
        int days = open.signum() > 0 && due.isBefore(today) ? (int) ChronoUnit.DAYS.between(due, today) : 0;
        String status = open.signum() == 0 ? "PAID" : days > 0 ? "OVERDUE" : "OPEN";
        String cause = rs.getString("overdue_cause");
        String nature = rs.getString("overdue_nature");
        return new InvoiceView(rs.getString("invoice_no"), rs.getString("customer_code"), rs.getString("customer_name"),
                rs.getString("contract_no"), rs.getObject("issue_date", LocalDate.class), due, scale(rs.getBigDecimal("amount")),
                rs.getString("currency").trim(), rs.getString("tax_invoice_no"), rs.getObject("tax_invoice_date", LocalDate.class),
                rs.getString("business_unit"), scale(rs.getBigDecimal("paid")), scale(rs.getBigDecimal("credited")),
                scale(rs.getBigDecimal("written_off")), open, days, status,
                cause == null ? null : OverdueCause.valueOf(cause), nature == null ? null : OverdueNature.valueOf(nature));
    }

    private static CustomerAccount mapAccount(ResultSet rs, int n) throws SQLException {
        int days = rs.getInt("credit_days");
        Integer creditDays = rs.wasNull() ? null : days;
        return new CustomerAccount(rs.getString("code"), rs.getString("name"), rs.getString("region"), rs.getString("business_unit"),
                rs.getString("industry"), rs.getString("owner"), rs.getString("grade"), rs.getBigDecimal("credit_limit"), creditDays,
                scale(rs.getBigDecimal("open_amount")), scale(rs.getBigDecimal("overdue_amount")), rs.getLong("open_invoices"),
                scale(rs.getBigDecimal("unapplied")));
    }

    static BigDecimal scale(BigDecimal v) {
        return v == null ? BigDecimal.ZERO.setScale(2) : v.setScale(2, java.math.RoundingMode.HALF_UP);
    }

}
