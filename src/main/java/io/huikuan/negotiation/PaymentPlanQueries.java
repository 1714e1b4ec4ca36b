package io.huikuan.negotiation;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The SQL of payment plans: stored rows, schedules, the invoices open as of a date, the payments that count for a plan. */
@Component
public class PaymentPlanQueries {

    /** A stored plan. */
    public record Row(long id, long customerId, String customerCode, String customerName, String owner, String currency, LocalDate agreedOn,
            BigDecimal openTotal, BigDecimal interest, BigDecimal waived, BigDecimal total, String status, Authority requiredAuthority,
            List<PlanPolicy.Breach> breaches, String note, String negotiatedBy, LocalDate approvedOn, String decision, String decisionReason,
            LocalDate cancelledOn, LocalDate brokenOn, LocalDate completedOn) {
    }

    /** An invoice open as of a date, with what is open of it. */
    public record OpenInvoice(long id, String invoiceNo, String currency, LocalDate issueDate, LocalDate dueDate, BigDecimal open) {
    }

    private static final String SELECT = """
            SELECT p.id, p.customer_id, c.code, c.name, c.owner, p.currency, p.agreed_on, p.open_total, p.interest, p.waived, p.total,
                   p.status, p.required_authority, p.policy_breaches, p.note, p.negotiated_by, p.approved_on, p.decision, p.decision_reason,
                   p.cancelled_on, p.broken_on, p.completed_on
            FROM payment_plan p JOIN customer c ON c.id = p.customer_id
            """;

    private final JdbcClient jdbc;

    PaymentPlanQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Row> find(long id) {
        return jdbc.sql(SELECT + " WHERE p.id = ?").param(id).query(PaymentPlanQueries::row).optional();
    }

    /** Plans, newest first: of one customer (null: all), of one owner's customers (null: everyone's), at most {@code limit}. */
    public List<Row> list(Long customerId, String owner, int limit) {
        return list(customerId, owner, null, null, limit);
    }

    /**
     * As {@link #list(Long, String, int)}, narrowed in SQL to the plans that can be in {@code status} as of {@code asOf}
     * (both null: no narrowing); the exact status still comes from the waterfall.
     */
    public List<Row> list(Long customerId, String owner, PaymentPlanStatus status, LocalDate asOf, int limit) {
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (status != null && asOf != null) {
            Date d = Date.valueOf(asOf);
            switch (status) {
                case CANCELLED -> sql.append(" AND p.cancelled_on <= ?");
                case PENDING_APPROVAL -> sql.append(" AND (p.cancelled_on IS NULL OR p.cancelled_on > ?) AND (p.approved_on IS NULL OR p.approved_on > ?)");
                default -> sql.append(" AND (p.cancelled_on IS NULL OR p.cancelled_on > ?) AND p.approved_on <= ?");
            }
            params.add(d);
            if (status != PaymentPlanStatus.CANCELLED) {
                params.add(d);
            }
        }
        if (customerId != null) {
            sql.append(" AND p.customer_id = ?");
            params.add(customerId);
        }
        if (owner != null) {
            sql.append(" AND c.owner = ?");
            params.add(owner);
        }
        sql.append(" ORDER BY p.id DESC FETCH FIRST ").append(limit).append(" ROWS ONLY");
        return jdbc.sql(sql.toString()).params(params).query(PaymentPlanQueries::row).list();
    }

    /** The plans the daily run follows: approved on or before {@code asOf}, neither cancelled, broken nor completed. */
    public List<Row> running(LocalDate asOf) {
        return jdbc.sql(SELECT + " WHERE p.status = 'ACTIVE' AND p.approved_on <= ? AND p.broken_on IS NULL AND p.completed_on IS NULL ORDER BY p.id")
                .param(Date.valueOf(asOf)).query(PaymentPlanQueries::row).list();
    }

    public List<PlanWaterfall.Scheduled> schedule(long planId) {
        return jdbc.sql("SELECT due_date, amount FROM payment_plan_installment WHERE plan_id = ? ORDER BY number").param(planId)
                .query((rs, n) -> new PlanWaterfall.Scheduled(rs.getDate(1).toLocalDate(), rs.getBigDecimal(2))).list();
    }

    /** The plan's invoices with their open amounts as of the agreement. */
    public List<OpenInvoice> invoices(long planId) {
        return jdbc.sql("""
                SELECT i.id, i.invoice_no, i.currency, i.issue_date, i.due_date, pi.open_amount
                FROM payment_plan_invoice pi JOIN invoice i ON i.id = pi.invoice_id WHERE pi.plan_id = ? ORDER BY i.due_date, i.invoice_no""")
                .param(planId).query(PaymentPlanQueries::openInvoice).list();
    }

    /** The customer's invoices open on {@code day}, oldest due first. */
    public List<OpenInvoice> openInvoices(long customerId, LocalDate day) {
        Date d = Date.valueOf(day);
        return jdbc.sql("""
                SELECT i.id, i.invoice_no, i.currency, i.issue_date, i.due_date, b.open_amount
                FROM balance_period b JOIN invoice i ON i.id = b.invoice_id
                WHERE b.customer_id = ? AND b.valid_from <= ? AND (b.valid_to IS NULL OR b.valid_to > ?) AND b.open_amount > 0
                ORDER BY i.due_date, i.invoice_no""")
                .params(customerId, d, d).query(PaymentPlanQueries::openInvoice).list();
    }

    /** The invoices (by number) of the customer, with what was open of them on {@code day} (0 when nothing; absent when not the customer's). */
    public List<OpenInvoice> invoicesOf(long customerId, List<String> invoiceNos, LocalDate day) {
        if (invoiceNos.isEmpty()) {
            return List.of();
        }
        Date d = Date.valueOf(day);
        String marks = String.join(",", java.util.Collections.nCopies(invoiceNos.size(), "?"));
        List<Object> params = new ArrayList<>(List.of(d, d, customerId));
        params.addAll(invoiceNos);
        return jdbc.sql("""
                SELECT i.id, i.invoice_no, i.currency, i.issue_date, i.due_date, coalesce(b.open_amount, 0)
                FROM invoice i LEFT JOIN balance_period b ON b.invoice_id = i.id AND b.valid_from <= ? AND (b.valid_to IS NULL OR b.valid_to > ?)
                WHERE i.customer_id = ? AND i.invoice_no IN (%s)""".formatted(marks))
                .params(params).query(PaymentPlanQueries::openInvoice).list();
    }

    /** The live plan (pending or running) that holds each of {@code invoiceIds}, by invoice number. */
    public List<String[]> livePlans(List<Long> invoiceIds) {
        if (invoiceIds.isEmpty()) {
            return List.of();
        }
        String marks = String.join(",", java.util.Collections.nCopies(invoiceIds.size(), "?"));
        return jdbc.sql("""
                SELECT i.invoice_no, pi.plan_id FROM payment_plan_invoice pi JOIN invoice i ON i.id = pi.invoice_id
                WHERE pi.live_invoice_id IN (%s) ORDER BY i.invoice_no""".formatted(marks))
                .params(new ArrayList<Object>(invoiceIds)).query((rs, n) -> new String[] {rs.getString(1), String.valueOf(rs.getLong(2))}).list();
    }

    /** What payments dated on or after {@code from} allocated to the plan's invoices (and its interest invoice), summed by payment date. */
    public NavigableMap<LocalDate, BigDecimal> payments(long planId, LocalDate from) {
        NavigableMap<LocalDate, BigDecimal> byDate = new TreeMap<>();
        jdbc.sql("""
                SELECT p.payment_date, sum(a.amount) FROM allocation a
                JOIN payment p ON p.id = a.payment_id
                WHERE (a.invoice_id IN (SELECT pi.invoice_id FROM payment_plan_invoice pi WHERE pi.plan_id = ?)
                       OR a.invoice_id = (SELECT pp.interest_invoice_id FROM payment_plan pp WHERE pp.id = ?))
                  AND p.payment_date >= ? GROUP BY p.payment_date""")
                .params(planId, planId, Date.valueOf(from))
                .query((ResultSet rs) -> {
                    byDate.put(rs.getDate(1).toLocalDate(), rs.getBigDecimal(2));
                });
        return byDate;
    }

    /** Did the customer break another plan or a promise in the 12 months before {@code day}? */
    public boolean repeatBreaker(long customerId, long planId, LocalDate day) {
        Date from = Date.valueOf(day.minusMonths(12));
        Date to = Date.valueOf(day);
        long n = jdbc.sql("""
                SELECT (SELECT count(*) FROM payment_plan WHERE customer_id = ? AND id <> ? AND broken_on >= ? AND broken_on <= ?)
                     + (SELECT count(*) FROM promise WHERE customer_id = ? AND status IN ('BROKEN', 'PARTLY_KEPT')
                        AND promised_date >= ? AND promised_date <= ?)""")
                .params(customerId, planId, from, to, customerId, from, to).query(Long.class).single();
        return n > 0;
    }

    static String breachesText(List<PlanPolicy.Breach> breaches) {
        if (breaches.isEmpty()) {
            return null;
        }
        StringBuilder s = new StringBuilder();
        for (PlanPolicy.Breach b : breaches) {
            s.append(s.isEmpty() ? "" : "\n").append(b.code()).append('\t').append(String.join(",", b.args())).append('\t').append(b.message());
        }
        return s.toString();
    }

    static List<PlanPolicy.Breach> breaches(String text) {
        List<PlanPolicy.Breach> list = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return list;
        }
        for (String line : text.split("\n")) {
            String[] parts = line.split("\t", 3);
            list.add(new PlanPolicy.Breach(parts[0], parts[2], parts[1].isEmpty() ? List.of() : List.of(parts[1].split(","))));
        }
        return list;
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6).strip(), date(rs, 7),
                rs.getBigDecimal(8), rs.getBigDecimal(9), rs.getBigDecimal(10), rs.getBigDecimal(11), rs.getString(12),
                Authority.valueOf(rs.getString(13)), breaches(rs.getString(14)), rs.getString(15), rs.getString(16), date(rs, 17),
                rs.getString(18), rs.getString(19), date(rs, 20), date(rs, 21), date(rs, 22));
    }

    private static OpenInvoice openInvoice(ResultSet rs, int n) throws SQLException {
        return new OpenInvoice(rs.getLong(1), rs.getString(2), rs.getString(3).strip(), date(rs, 4), date(rs, 5), rs.getBigDecimal(6));
    }

    private static LocalDate date(ResultSet rs, int i) throws SQLException {
        Date d = rs.getDate(i);
        return d == null ? null : d.toLocalDate();
    }
}
