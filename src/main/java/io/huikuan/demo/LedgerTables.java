package io.huikuan.demo;

import io.huikuan.demo.Portfolio.GeneratedAllocation;
import io.huikuan.demo.Portfolio.GeneratedContact;
import io.huikuan.demo.Portfolio.GeneratedContract;
import io.huikuan.demo.Portfolio.GeneratedCreditNote;
import io.huikuan.demo.Portfolio.GeneratedCustomer;
import io.huikuan.demo.Portfolio.GeneratedInvoice;
import io.huikuan.demo.Portfolio.GeneratedPayment;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The customer and ledger tables as the generator fills them: columns in insertion order (parents
 * before children) and the conversion of generated customers into rows with explicit ids.
 */
final class LedgerTables {

    static final String ACTOR = "system";

    enum Table {
        CUSTOMER("customer", cols("id code name credit_code region business_unit industry owner credit_limit credit_days grade created_at updated_at"),
                types(Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
                        Types.NUMERIC, Types.INTEGER, Types.VARCHAR, Types.TIMESTAMP, Types.TIMESTAMP)),
        CONTACT("contact", cols("id customer_id name role title phone email wechat preferred_channel created_at"),
                types(Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
                        Types.VARCHAR, Types.TIMESTAMP)),
        CONTRACT("contract", cols("id contract_no customer_id signed_date amount payment_terms payment_days late_clause late_rate created_at"),
                types(Types.BIGINT, Types.VARCHAR, Types.BIGINT, Types.DATE, Types.NUMERIC, Types.VARCHAR, Types.INTEGER, Types.VARCHAR,
                        Types.NUMERIC, Types.TIMESTAMP)),
        INVOICE("invoice", cols("id invoice_no customer_id contract_id issue_date due_date amount currency tax_invoice_no tax_invoice_date "
                + "business_unit overdue_cause overdue_nature created_at updated_at"),
                types(Types.BIGINT, Types.VARCHAR, Types.BIGINT, Types.BIGINT, Types.DATE, Types.DATE, Types.NUMERIC, Types.CHAR,
                        Types.VARCHAR, Types.DATE, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP, Types.TIMESTAMP)),
        PAYMENT("payment", cols("id payment_ref customer_id payment_date amount currency method note created_at"),
                types(Types.BIGINT, Types.VARCHAR, Types.BIGINT, Types.DATE, Types.NUMERIC, Types.CHAR, Types.VARCHAR, Types.VARCHAR,
                        Types.TIMESTAMP)),
        ALLOCATION("allocation", cols("id payment_id invoice_id amount created_at created_by"),
                types(Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.NUMERIC, Types.TIMESTAMP, Types.VARCHAR)),
        CREDIT_NOTE("credit_note", cols("id credit_note_no invoice_id note_date amount reason created_at created_by"),
                types(Types.BIGINT, Types.VARCHAR, Types.BIGINT, Types.DATE, Types.NUMERIC, Types.VARCHAR, Types.TIMESTAMP, Types.VARCHAR));

        final String table;
        final String[] columns;
        final int[] sqlTypes;

        Table(String table, String[] columns, int[] sqlTypes) {
            this.table = table;
            this.columns = columns;
            this.sqlTypes = sqlTypes;
        }

        String insertSql() {
            return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES (" + "?, ".repeat(columns.length - 1) + "?)";
        }

        String copySql() {
            return "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN";
        }
    }

    /** The next id of every table; ids are assigned explicitly so children can refer to parents without a round trip. */
    static final class Ids {
        final Map<Table, Long> next = new EnumMap<>(Table.class);
        final Map<Table, Long> written = new EnumMap<>(Table.class);

        Ids(Map<Table, Long> maxIds) {
            for (Table t : Table.values()) {
                next.put(t, maxIds.getOrDefault(t, 0L) + 1);
                written.put(t, 0L);
            }
        }

        long take(Table t) {
            written.merge(t, 1L, Long::sum);
            return next.merge(t, 1L, Long::sum) - 1;
        }

        long written(Table t) {
            return written.get(t);
        }

        long last(Table t) {
            return next.get(t) - 1;
        }
    }

    /** Rows of a chunk, per table. */
    static Map<Table, List<Object[]>> rows(List<GeneratedCustomer> chunk, Ids ids, Timestamp now) {
        Map<Table, List<Object[]>> rows = new EnumMap<>(Table.class);
        for (Table t : Table.values()) {
            rows.put(t, new ArrayList<>());
        }
        for (GeneratedCustomer c : chunk) {
            long customerId = ids.take(Table.CUSTOMER);
            rows.get(Table.CUSTOMER).add(new Object[] {customerId, c.code(), c.name(), c.creditCode(), c.region(), c.businessUnit(),
                    c.industry(), c.owner(), money(c.creditLimit()), c.creditDays(), c.grade(), now, now});
            for (GeneratedContact k : c.contacts()) {
                rows.get(Table.CONTACT).add(new Object[] {ids.take(Table.CONTACT), customerId, k.name(), k.role(), k.title(), k.phone(),
                        k.email(), k.wechat(), k.channel(), now});
            }
            long[] contractIds = new long[c.contracts().size()];
            for (int i = 0; i < contractIds.length; i++) {
                GeneratedContract k = c.contracts().get(i);
                contractIds[i] = ids.take(Table.CONTRACT);
                rows.get(Table.CONTRACT).add(new Object[] {contractIds[i], k.contractNo(), customerId, Date.valueOf(k.signedDate()),
                        money(k.amount()), k.paymentTerms(), k.paymentDays(), k.lateClause(), k.lateRate(), now});
            }
            long[] invoiceIds = new long[c.invoices().size()];
            for (int i = 0; i < invoiceIds.length; i++) {
                GeneratedInvoice v = c.invoices().get(i);
                invoiceIds[i] = ids.take(Table.INVOICE);
                rows.get(Table.INVOICE).add(new Object[] {invoiceIds[i], v.invoiceNo(), customerId, v.contract() < 0 ? null : contractIds[v.contract()],
                        Date.valueOf(v.issueDate()), Date.valueOf(v.dueDate()), money(v.amount()), "CNY", v.taxInvoiceNo(),
                        Date.valueOf(v.issueDate()), v.businessUnit(), v.overdueCause(), v.overdueNature(), now, now});
            }
            for (GeneratedPayment p : c.payments()) {
                long paymentId = ids.take(Table.PAYMENT);
                rows.get(Table.PAYMENT).add(new Object[] {paymentId, p.paymentRef(), customerId, Date.valueOf(p.paymentDate()), money(p.amount()),
                        "CNY", p.method(), p.note(), now});
                for (GeneratedAllocation a : p.allocations()) {
                    rows.get(Table.ALLOCATION).add(new Object[] {ids.take(Table.ALLOCATION), paymentId, invoiceIds[a.invoice()], money(a.amount()),
                            now, ACTOR});
                }
            }
            for (GeneratedCreditNote n : c.creditNotes()) {
                rows.get(Table.CREDIT_NOTE).add(new Object[] {ids.take(Table.CREDIT_NOTE), n.creditNoteNo(), invoiceIds[n.invoice()],
                        Date.valueOf(n.noteDate()), money(n.amount()), n.reason(), now, ACTOR});
            }
        }
        return rows;
    }

    static BigDecimal money(long minor) {
        return BigDecimal.valueOf(minor, 2);
    }

    private static String[] cols(String names) {
        return names.split(" ");
    }

    private static int[] types(int... types) {
        return types;
    }
}
