package io.huikuan.exchange.internal;

import io.huikuan.exchange.internal.ImportContext.Counts;
import io.huikuan.exchange.internal.Lookups.CustomerKey;
import io.huikuan.ledger.Currencies;
import io.huikuan.ledger.History;
import io.huikuan.ledger.LedgerRules;
import io.huikuan.ledger.PaymentMethod;
import io.huikuan.ledger.PaymentWarnings;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Payments, allocated with the ledger's rules ({@code io.huikuan.ledger.PaymentService}): a
 * named invoice_no takes the whole payment and must have that much open; otherwise oldest due
 * first (due date, issue date, number) and the rest stays unapplied. Rows are processed in file
 * order in chunks; open balances of the customers concerned are locked and loaded once per chunk.
 */
@Component
public class PaymentImporter {

    private static final int CHUNK = 1000;

    private final JdbcTemplate jdbc;
    private final Lookups lookups;
    private final History history;

    private final java.time.Clock clock;

    PaymentImporter(DataSource dataSource, Lookups lookups, History history, java.time.Clock clock) {
        this.clock = clock;
        this.jdbc = new JdbcTemplate(dataSource);
        this.lookups = lookups;
        this.history = history;
    }

    /** A payment row; {@code currency} null when the file has none (then the named invoice's, else the base currency). */
    record PaymentRow(long row, String ref, CustomerKey customer, LocalDate date, BigDecimal amount, PaymentMethod method, String invoiceNo,
            String currency) {
    }

    private record StoredPayment(long id, String ref, long customerId, String customerCode, LocalDate date, BigDecimal amount,
            String method, BigDecimal applied, String currency) {
    }

    /** The state recorded in the history. */
    public record PaymentState(String paymentRef, String customerCode, LocalDate paymentDate, BigDecimal amount, String method) {
    }

    private static final class OpenInvoice {
        final long id;
        final String invoiceNo;
        final String currency;
        BigDecimal open;

        OpenInvoice(long id, String invoiceNo, String currency, BigDecimal open) {
            this.id = id;
            this.invoiceNo = invoiceNo;
            this.currency = currency;
            this.open = open;
        }
    }

    private final class Run {
        final ImportContext ctx;
        final boolean hasMethod;
        final Map<Long, List<OpenInvoice>> open = new HashMap<>();
        final List<PaymentRow> pending = new ArrayList<>();
        int imported;
        int updated;
        int unchanged;

        Run(ImportContext ctx, boolean hasMethod) {
            this.ctx = ctx;
            this.hasMethod = hasMethod;
        }

        void add(PaymentRow p) {
            pending.add(p);
            if (pending.size() == CHUNK) {
                flush();
            }
        }

        void flush() {
            if (pending.isEmpty()) {
                return;
            }
            Map<String, StoredPayment> stored = stored(pending);
            loadOpen(pending.stream().filter(p -> !stored.containsKey(p.ref())).map(p -> p.customer().id()).toList());
            List<Object[]> inserts = new ArrayList<>();
            Map<String, Map<Long, BigDecimal>> plans = new LinkedHashMap<>();
            Timestamp now = Timestamp.from(ctx.now());
            for (PaymentRow p : pending) {
                StoredPayment s = stored.get(p.ref());
                if (s != null) {
                    update(p, s, now);
                    continue;
                }
                String currency = currencyOf(p);
                Map<Long, BigDecimal> plan = plan(p, currency);
                if (plan == null) {
                    continue;
                }
                plans.put(p.ref(), plan);
                inserts.add(new Object[] {p.ref(), p.customer().id(), Date.valueOf(p.date()), p.amount(), currency,
                        (p.method() == null ? PaymentMethod.BANK_TRANSFER : p.method()).name(), now, ctx.batchId()});
                imported++;
            }
            pending.clear();
            if (!ctx.writing() || inserts.isEmpty()) {
                return;
            }
            jdbc.batchUpdate("""
                    INSERT INTO payment (payment_ref, customer_id, payment_date, amount, currency, method, created_at, import_batch_id)
                    VALUES (?,?,?,?,?,?,?,?)""", inserts);
            Map<String, Long> ids = new HashMap<>();
            jdbc.query("SELECT id, payment_ref FROM payment WHERE import_batch_id = ? AND payment_ref IN (" + marks(plans.size()) + ")",
                    rs -> {
                        ids.put(rs.getString(2), rs.getLong(1));
                    }, concat(ctx.batchId(), plans.keySet()));
            List<Object[]> allocations = new ArrayList<>();
            plans.forEach((ref, plan) -> plan.forEach((invoiceId, amount) ->
                    allocations.add(new Object[] {ids.get(ref), invoiceId, amount, now, ctx.actor()})));
            if (!allocations.isEmpty()) {
                jdbc.batchUpdate("INSERT INTO allocation (payment_id, invoice_id, amount, created_at, created_by) VALUES (?,?,?,?,?)", allocations);
            }
        }

        /**
         * The currency of a new payment: the file's; without one, the named invoice's (when it is open), else the base
         * currency.
         */
        String currencyOf(PaymentRow p) {
            if (p.currency() != null) {
                return p.currency();
            }
            if (p.invoiceNo() != null) {
                for (OpenInvoice i : open.getOrDefault(p.customer().id(), List.of())) {
                    if (i.invoiceNo.equals(p.invoiceNo())) {
                        return i.currency;
                    }
                }
            }
            return Currencies.BASE;
        }

        /**
         * Allocation of a new payment in {@code currency}: only to invoices in that currency (amounts of different
         * currencies are never set against each other); null (and a row error) when the named invoice cannot take it.
         */
        Map<Long, BigDecimal> plan(PaymentRow p, String currency) {
            List<OpenInvoice> invoices = open.getOrDefault(p.customer().id(), List.of());
            Map<Long, BigDecimal> plan = new LinkedHashMap<>();
            if (p.invoiceNo() != null) {
                OpenInvoice target = invoices.stream().filter(i -> i.invoiceNo.equals(p.invoiceNo())).findFirst().orElse(null);
                if (target == null) {
                    String owner = jdbc.query("SELECT c.code FROM invoice i JOIN customer c ON c.id = i.customer_id WHERE i.invoice_no = ?",
                            rs -> rs.next() ? rs.getString(1) : null, p.invoiceNo());
                    if (owner == null) {
                        reject(p, "invoice_no", p.invoiceNo(), "unknown invoice");
                    } else if (!owner.equals(p.customer().code())) {
                        reject(p, "invoice_no", p.invoiceNo(), "not an invoice of customer " + p.customer().code());
                    } else {
                        reject(p, "amount", p.amount().toPlainString(), "over-allocation: " + p.amount() + " exceeds the open balance 0.00 of invoice "
                                + p.invoiceNo());
                    }
                    return null;
                }
                if (!target.currency.equals(currency)) {
                    reject(p, "currency", currency, "invoice " + p.invoiceNo() + " is in " + target.currency + ", the payment in " + currency
                            + ": a payment is allocated only to invoices in its own currency");
                    return null;
                }
                if (p.amount().compareTo(target.open) > 0) {
                    reject(p, "amount", p.amount().toPlainString(), "over-allocation: " + p.amount() + " exceeds the open balance "
                            + target.open.setScale(2) + " of invoice " + p.invoiceNo());
                    return null;
                }
                target.open = target.open.subtract(p.amount());
                plan.put(target.id, p.amount());
                return plan;
            }
            BigDecimal left = p.amount();
            for (OpenInvoice i : invoices) {
                if (left.signum() <= 0) {
                    break;
                }
                if (i.open.signum() <= 0 || !i.currency.equals(currency)) {
                    continue;
                }
                BigDecimal take = left.min(i.open);
                i.open = i.open.subtract(take);
                plan.put(i.id, take);
                left = left.subtract(take);
            }
            return plan;
        }

        void update(PaymentRow p, StoredPayment s, Timestamp now) {
            String method = hasMethod ? (p.method() == null ? PaymentMethod.BANK_TRANSFER : p.method()).name() : s.method();
            String currency = p.currency() == null ? s.currency() : p.currency();
            boolean same = s.customerId() == p.customer().id() && s.date().equals(p.date()) && s.amount().compareTo(p.amount()) == 0
                    && s.method().equals(method) && s.currency().equals(currency);
            if (same) {
                unchanged++;
                return;
            }
            if (p.amount().compareTo(s.applied()) < 0) {
                reject(p, "amount", p.amount().toPlainString(), "below the " + s.applied().setScale(2) + " already allocated from payment " + p.ref());
                return;
            }
            if (!s.currency().equals(currency) && s.applied().signum() > 0) {
                reject(p, "currency", currency, "payment " + p.ref() + " in " + s.currency() + " is allocated to invoices in "
                        + s.currency() + " and cannot change its currency");
                return;
            }
            if (s.customerId() != p.customer().id() && s.applied().signum() > 0) {
                reject(p, "customer_code", p.customer().code(), "payment " + p.ref() + " is allocated to invoices of customer "
                        + s.customerCode() + " and cannot move to another customer");
                return;
            }
            updated++;
            if (!ctx.writing()) {
                return;
            }
            jdbc.update("UPDATE payment SET customer_id = ?, payment_date = ?, amount = ?, method = ?, currency = ? WHERE id = ?",
                    p.customer().id(), Date.valueOf(p.date()), p.amount(), method, currency, s.id());
            ctx.touchedInvoices().addAll(jdbc.queryForList("SELECT invoice_id FROM allocation WHERE payment_id = ?", Long.class, s.id()));
            history.record("PAYMENT", p.ref(), p.customer().code(), "UPDATE",
                    new PaymentState(s.ref(), s.customerCode(), s.date(), s.amount().setScale(2), s.method()),
                    new PaymentState(p.ref(), p.customer().code(), p.date(), p.amount(), method), ctx.actor(), "import of " + ctx.fileName());
        }

        void reject(PaymentRow p, String column, String value, String message) {
            ctx.errors().add(p.row(), column, value, message);
        }

        Map<String, StoredPayment> stored(List<PaymentRow> rows) {
            Map<String, StoredPayment> map = new HashMap<>();
            List<String> refs = rows.stream().map(PaymentRow::ref).toList();
            jdbc.query("""
                    SELECT p.id, p.payment_ref, p.customer_id, c.code, c.owner, p.payment_date, p.amount, p.method, p.currency,
                           (SELECT coalesce(sum(a.amount), 0) FROM allocation a WHERE a.payment_id = p.id) applied
                    FROM payment p JOIN customer c ON c.id = p.customer_id WHERE p.payment_ref IN (""" + marks(refs.size()) + ")", rs -> {
                map.put(rs.getString("payment_ref"), new StoredPayment(rs.getLong("id"), rs.getString("payment_ref"), rs.getLong("customer_id"),
                        rs.getString("code"), rs.getObject("payment_date", LocalDate.class), rs.getBigDecimal("amount"), rs.getString("method"),
                        rs.getBigDecimal("applied"), rs.getString("currency").trim()));
                if (!ctx.user().mayAccess(rs.getString("owner"))) {
                    map.put(rs.getString("payment_ref"), null);
                }
            }, refs.toArray());
            rows.removeIf(p -> {
                if (map.containsKey(p.ref()) && map.get(p.ref()) == null) {
                    reject(p, "payment_ref", p.ref(), "payment belongs to a customer outside your portfolio");
                    return true;
                }
                return false;
            });
            map.values().removeIf(v -> v == null);
            return map;
        }

        /** Locks the invoices of these customers and loads the open ones, oldest due first. */
        void loadOpen(List<Long> customerIds) {
            Set<Long> missing = new HashSet<>(customerIds);
            missing.removeAll(open.keySet());
            if (missing.isEmpty()) {
                return;
            }
            List<Long> ids = new ArrayList<>(missing);
            Collections.sort(ids);
            for (int from = 0; from < ids.size(); from += 500) {
                List<Long> part = ids.subList(from, Math.min(ids.size(), from + 500));
                part.forEach(id -> open.put(id, new ArrayList<>()));
                String in = marks(part.size());
                jdbc.query("SELECT id FROM invoice WHERE customer_id IN (" + in + ") FOR UPDATE", rs -> {
                }, part.toArray());
                jdbc.query("""
                        SELECT i.id, i.invoice_no, i.customer_id, i.currency,
                               i.amount - (SELECT coalesce(sum(a.amount), 0) FROM allocation a WHERE a.invoice_id = i.id)
                                        - (SELECT coalesce(sum(n.amount), 0) FROM credit_note n WHERE n.invoice_id = i.id)
                                        - (SELECT coalesce(sum(w.amount), 0) FROM write_off w WHERE w.invoice_id = i.id) open_amount
                        FROM invoice i WHERE i.customer_id IN (""" + in + ") ORDER BY i.customer_id, i.due_date, i.issue_date, i.invoice_no", rs -> {
                    BigDecimal amount = rs.getBigDecimal("open_amount");
                    if (amount.signum() > 0) {
                        open.get(rs.getLong("customer_id")).add(new OpenInvoice(rs.getLong("id"), rs.getString("invoice_no"),
                                rs.getString("currency").trim(), amount));
                    }
                }, part.toArray());
            }
        }
    }

    public Counts run(RowSource source, ImportContext ctx) {
        Map<String, Integer> cols = Columns.resolve(Columns.PAYMENTS, source.header(), source.headerRow());
        Map<String, CustomerKey> customers = lookups.customers(ctx.user());
        Map<String, Integer> seen = new HashMap<>();
        Run run = new Run(ctx, cols.containsKey("method"));
        RowCheck c = new RowCheck(ctx.errors(), cols, source.spreadsheet());
        Rows.forEach(source, ctx.errors(), r -> {
            c.on(r);
            String ref = c.key("payment_ref", LedgerRules.DOCUMENT_NO, LedgerRules.DOCUMENT_NO_RULE);
            String code = c.required("customer_code");
            CustomerKey customer = code == null ? null : customers.get(code);
            if (code != null && customer == null) {
                c.error("customer_code", code, "unknown customer");
            }
            LocalDate date = c.date("payment_date", true);
            for (PaymentWarnings.Warning w : PaymentWarnings.of(date, LocalDate.ofInstant(ctx.now(), clock.getZone()))) {
                ctx.errors().warn(r.row(), "payment_date", String.valueOf(date), w.message());
            }
            BigDecimal amount = c.amount("amount", true, true);
            PaymentMethod method = null;
            String m = c.text("method");
            if (m != null) {
                method = method(m);
                if (method == null) {
                    c.error("method", m, "one of BANK_TRANSFER (银行转账), BANK_ACCEPTANCE_DRAFT (银行承兑汇票), COMMERCIAL_ACCEPTANCE_DRAFT (商业承兑汇票), CASH (现金), OTHER (其他)");
                }
            }
            String invoiceNo = c.text("invoice_no", 64);
            String currency = currency(c);
            if (!c.ok()) {
                return;
            }
            Integer first = seen.putIfAbsent(ref, (int) r.row());
            if (first != null) {
                c.error("payment_ref", ref, "duplicate payment_ref in this file: rows " + first + " and " + r.row());
                return;
            }
            run.add(new PaymentRow(r.row(), ref, customer, date, amount, method, invoiceNo, currency));
        });
        run.flush();
        if (!ctx.writing()) {
            return new Counts(0, 0, 0);
        }
        return new Counts(run.imported, run.updated, run.unchanged);
    }

    /** The optional currency column: a three-letter ISO code (RMB and 人民币 read as CNY); null when absent or empty. */
    static String currency(RowCheck c) {
        String raw = c.text("currency");
        if (raw == null) {
            return null;
        }
        String currency = raw.strip().toUpperCase(Locale.ROOT);
        if ("RMB".equals(currency) || "人民币".equals(currency)) {
            currency = "CNY";
        }
        if (!LedgerRules.CURRENCY.matcher(currency).matches()) {
            c.error("currency", raw, "a three-letter ISO code such as CNY");
            return null;
        }
        return currency;
    }

    static PaymentMethod method(String s) {
        String v = s.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        for (PaymentMethod m : PaymentMethod.values()) {
            if (m.name().equals(v)) {
                return m;
            }
        }
        return switch (v) {
            case "银行转账", "转账", "电汇", "网银", "TRANSFER", "BANK", "WIRE" -> PaymentMethod.BANK_TRANSFER;
            case "银行承兑汇票", "银行承兑", "银承", "银票" -> PaymentMethod.BANK_ACCEPTANCE_DRAFT;
            case "商业承兑汇票", "商业承兑", "商承", "商票" -> PaymentMethod.COMMERCIAL_ACCEPTANCE_DRAFT;
            case "现金" -> PaymentMethod.CASH;
            case "其他", "其它" -> PaymentMethod.OTHER;
            default -> null;
        };
    }

    private static String marks(int n) {
        return String.join(",", Collections.nCopies(Math.max(n, 1), "?"));
    }

    private static Object[] concat(Object first, java.util.Collection<?> rest) {
        Deque<Object> all = new ArrayDeque<>(rest);
        all.addFirst(first);
        return all.toArray();
    }
}
