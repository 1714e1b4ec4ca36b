package io.huikuan.exchange.internal;

import io.huikuan.exchange.internal.ImportContext.Counts;
import io.huikuan.exchange.internal.Lookups.CustomerKey;
import io.huikuan.ledger.History;
import io.huikuan.ledger.Invoice;
import io.huikuan.ledger.LedgerRules;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Invoices: each row is checked in Java against preloaded customers and contracts, in-file
 * duplicates are caught, new rows are loaded straight into {@code invoice} and rows for existing
 * numbers into the staging table; then set-based SQL checks the rules that need stored data
 * (paid amounts, portfolio), writes per-row history for changed invoices and applies the changes.
 */
@Component
public class InvoiceImporter {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final Lookups lookups;
    private final History history;

    InvoiceImporter(DataSource dataSource, Lookups lookups, History history) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(1000);
        this.lookups = lookups;
        this.history = history;
    }

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(InvoiceImporter.class);

    public Counts run(RowSource source, ImportContext ctx) {
        long t0 = System.nanoTime();
        Map<String, Integer> cols = Columns.resolve(Columns.INVOICES, source.header(), source.headerRow());
        boolean hasContract = cols.containsKey("contract_no");
        Map<String, CustomerKey> customers = lookups.customers(ctx.user());
        Map<String, long[]> contracts = hasContract ? lookups.contracts() : Map.of();
        Fingerprint.Present present = new Fingerprint.Present(cols.containsKey("currency"), hasContract, cols.containsKey("tax_invoice_no"),
                cols.containsKey("business_unit"));
        HashMap<String, Lookups.Slot> preloaded = lookups.invoices(present);
        boolean complete = preloaded != null;
        HashMap<String, Lookups.Slot> slots = complete ? preloaded : new HashMap<>(1 << 16);
        int[] unchanged = {0};
        long t1 = System.nanoTime();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        InvoiceSink sink = InvoiceSink.isPostgres(connection) ? new PgInvoiceSink(connection, ctx.batchId(), ctx.now())
                : new JdbcInvoiceSink(connection, ctx.batchId(), ctx.now());
        try {
            RowCheck c = new RowCheck(ctx.errors(), cols, source.spreadsheet());
            Rows.forEach(source, ctx.errors(), r -> {
                InvoiceRow row = check(c.on(r), customers, contracts);
                if (row == null) {
                    return;
                }
                int rowNo = (int) Math.min(r.row(), Integer.MAX_VALUE);
                Lookups.Slot slot = slots.get(row.invoiceNo());
                if (slot != null && slot.firstRow > 0) {
                    c.error("invoice_no", row.invoiceNo(), "duplicate invoice_no in this file: rows " + slot.firstRow + " and " + r.row());
                    return;
                }
                if (slot == null) {
                    slots.put(row.invoiceNo(), new Lookups.Slot(false, 0, rowNo));
                } else {
                    slot.firstRow = rowNo;
                }
                if (!ctx.writing()) {
                    return;
                }
                if (complete && slot == null) {
                    sink.direct(row);
                } else if (slot != null && slot.fingerprint == Fingerprint.of(present, row.customerId(), row.contractId(), row.issueDate(),
                        row.dueDate(), row.amount(), row.currency(), row.taxInvoiceNo(), row.businessUnit())) {
                    unchanged[0]++;
                } else {
                    sink.stage(row);
                }
            });
            long t2 = System.nanoTime();
            int direct = sink.finish();
            long t3 = System.nanoTime();
            slots.clear();
            if (!ctx.writing()) {
                return new Counts(0, 0, 0);
            }
            Counts counts = applyStaged(ctx, cols, direct, unchanged[0], complete);
            log.info("invoice import {}: lookups {} ms, read+check+load {} ms, finish load {} ms, set-based {} ms", ctx.fileName(),
                    (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000, (System.nanoTime() - t3) / 1_000_000);
            return counts;
        } finally {
            sink.cleanup();
        }
    }

    private static InvoiceRow check(RowCheck c, Map<String, CustomerKey> customers, Map<String, long[]> contracts) {
        String no = c.key("invoice_no", LedgerRules.DOCUMENT_NO, LedgerRules.DOCUMENT_NO_RULE);
        String code = c.required("customer_code");
        CustomerKey customer = null;
        if (code != null) {
            customer = customers.get(code);
            if (customer == null) {
                c.error("customer_code", code, "unknown customer");
            }
        }
        LocalDate issue = c.date("issue_date", true);
        LocalDate due = c.date("due_date", true);
        if (issue != null && due != null && due.isBefore(issue)) {
            c.error("due_date", c.text("due_date"), "due date is before the issue date " + issue);
        }
        BigDecimal amount = c.amount("amount", true, true);
        String currency = c.text("currency");
        if (currency != null) {
            currency = currency.toUpperCase(Locale.ROOT);
            if ("RMB".equals(currency) || "人民币".equals(currency)) {
                currency = "CNY";
            }
            if (!CURRENCY.matcher(currency).matches()) {
                c.error("currency", c.text("currency"), "a three-letter ISO code such as CNY");
            }
        }
        Long contractId = null;
        String contractNo = c.text("contract_no");
        if (contractNo != null) {
            long[] k = contracts.get(contractNo);
            if (k == null) {
                c.error("contract_no", contractNo, "unknown contract");
            } else if (customer != null && k[1] != customer.id()) {
                c.error("contract_no", contractNo, "contract belongs to another customer");
            } else {
                contractId = k[0];
            }
        }
        String tax = c.text("tax_invoice_no", 64);
        String bu = c.text("business_unit", 100);
        if (!c.ok()) {
            return null;
        }
        return new InvoiceRow(c.row(), no, customer.id(), contractId, issue, due, amount,
                currency == null ? (c.has("currency") ? "CNY" : null) : currency, tax, bu);
    }

    /**
     * The set-based half, over the staged rows (changed rows of stored invoices; with an
     * incomplete preload also new and unchanged ones): rules needing stored data (not below what is
     * settled, not to another customer once settled, not another collector's invoice), history
     * and update of each changed invoice, then the insert of staged new numbers.
     */
    private Counts applyStaged(ImportContext ctx, Map<String, Integer> cols, int direct, int unchangedInMemory, boolean complete) {
        Integer staged = jdbc.queryForObject("SELECT count(*) FROM invoice_stage WHERE batch_id = ?", Integer.class, ctx.batchId());
        if (staged == null || staged == 0) {
            return new Counts(direct, 0, unchangedInMemory);
        }
        String contract = cols.containsKey("contract_no") ? "s.contract_id" : "i.contract_id";
        String currency = cols.containsKey("currency") ? "s.currency" : "i.currency";
        String tax = cols.containsKey("tax_invoice_no") ? "s.tax_invoice_no" : "i.tax_invoice_no";
        String bu = cols.containsKey("business_unit") ? "s.business_unit" : "i.business_unit";
        boolean portfolio = ctx.user().portfolioOnly();
        Timestamp now = Timestamp.from(ctx.now());
        List<Object[]> updates = new ArrayList<>();
        int[] counts = new int[3];
        jdbc.query("""
                SELECT s.row_no, i.id, i.invoice_no, ic.code old_code, ic.owner, oc.contract_no old_contract, i.issue_date old_issue,
                       i.due_date old_due, i.amount old_amount, i.currency old_currency, i.tax_invoice_no old_tax, i.tax_invoice_date,
                       i.business_unit old_bu, sc.code new_code, s.customer_id, %1$s new_contract_id, nc.contract_no new_contract,
                       s.issue_date, s.due_date, s.amount, %2$s new_currency, %3$s new_tax, %4$s new_bu,
                       CASE WHEN s.amount < i.amount OR s.customer_id <> i.customer_id THEN
                         (SELECT coalesce(sum(a.amount), 0) FROM allocation a WHERE a.invoice_id = i.id)
                         + (SELECT coalesce(sum(n.amount), 0) FROM credit_note n WHERE n.invoice_id = i.id)
                         + (SELECT coalesce(sum(w.amount), 0) FROM write_off w WHERE w.invoice_id = i.id)
                       ELSE 0 END settled
                FROM invoice_stage s JOIN invoice i ON i.invoice_no = s.invoice_no
                JOIN customer ic ON ic.id = i.customer_id JOIN customer sc ON sc.id = s.customer_id
                LEFT JOIN contract oc ON oc.id = i.contract_id LEFT JOIN contract nc ON nc.id = %1$s
                WHERE s.batch_id = ? ORDER BY s.row_no""".formatted(contract, currency, tax, bu), rs -> {
            long row = rs.getLong("row_no");
            String no = rs.getString("invoice_no");
            BigDecimal settled = rs.getBigDecimal("settled");
            BigDecimal amount = rs.getBigDecimal("amount");
            String oldCode = rs.getString("old_code");
            String newCode = rs.getString("new_code");
            if (portfolio && !ctx.actor().equals(rs.getString("owner"))) {
                ctx.errors().add(row, "invoice_no", no, "invoice belongs to a customer outside your portfolio");
                return;
            }
            if (amount.compareTo(settled) < 0) {
                ctx.errors().add(row, "amount", amount.toPlainString(),
                        "below what is already paid, credited or written off on invoice " + no + " (" + settled.setScale(2) + ")");
                return;
            }
            if (!newCode.equals(oldCode) && settled.signum() > 0) {
                ctx.errors().add(row, "customer_code", newCode, "invoice " + no + " of customer " + oldCode
                        + " has payments or credits and cannot move to another customer");
                return;
            }
            Invoice before = new Invoice(no, oldCode, rs.getString("old_contract"), date(rs, "old_issue"), date(rs, "old_due"),
                    rs.getBigDecimal("old_amount").setScale(2), rs.getString("old_currency").trim(), rs.getString("old_tax"),
                    date(rs, "tax_invoice_date"), rs.getString("old_bu"));
            Invoice after = new Invoice(no, newCode, rs.getString("new_contract"), date(rs, "issue_date"), date(rs, "due_date"),
                    amount.setScale(2), rs.getString("new_currency").trim(), rs.getString("new_tax"), before.taxInvoiceDate(),
                    rs.getString("new_bu"));
            if (before.equals(after)) {
                counts[2]++;
                return;
            }
            counts[1]++;
            if (!ctx.writing()) {
                return;
            }
            long contractId = rs.getLong("new_contract_id");
            Long contractOrNull = rs.wasNull() ? null : contractId;
            updates.add(new Object[] {rs.getLong("customer_id"), contractOrNull, Date.valueOf(after.issueDate()), Date.valueOf(after.dueDate()),
                    after.amount(), after.currency(), after.taxInvoiceNo(), after.businessUnit(), now, rs.getLong("id")});
            ctx.touchedInvoices().add(rs.getLong("id"));
            history.record("INVOICE", no, newCode, "UPDATE", before, after, ctx.actor(), "import of " + ctx.fileName());
            if (updates.size() == 1000) {
                flushUpdates(updates);
            }
        }, ctx.batchId());
        if (!ctx.writing()) {
            return new Counts(0, 0, 0);
        }
        flushUpdates(updates);
        int inserted = complete ? 0 : jdbc.update("""
                INSERT INTO invoice (invoice_no, customer_id, contract_id, issue_date, due_date, amount, currency, tax_invoice_no, business_unit,
                                     created_at, updated_at, import_batch_id)
                SELECT s.invoice_no, s.customer_id, s.contract_id, s.issue_date, s.due_date, s.amount, coalesce(s.currency, 'CNY'),
                       s.tax_invoice_no, s.business_unit, ?, ?, ?
                FROM invoice_stage s WHERE s.batch_id = ? AND NOT EXISTS (SELECT 1 FROM invoice i WHERE i.invoice_no = s.invoice_no)""",
                now, now, ctx.batchId(), ctx.batchId());
        return new Counts(direct + inserted, counts[1], unchangedInMemory + counts[2]);
    }

    private int flushUpdates(List<Object[]> updates) {
        if (updates.isEmpty()) {
            return 0;
        }
        int n = updates.size();
        jdbc.batchUpdate("""
                UPDATE invoice SET customer_id = ?, contract_id = ?, issue_date = ?, due_date = ?, amount = ?, currency = ?, tax_invoice_no = ?,
                                   business_unit = ?, updated_at = ? WHERE id = ?""", updates);
        updates.clear();
        return n;
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }
}
