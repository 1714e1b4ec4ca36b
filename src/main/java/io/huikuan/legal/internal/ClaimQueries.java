package io.huikuan.legal.internal;

import io.huikuan.ledger.LateClause;
import io.huikuan.legal.ClaimEstimates;
import io.huikuan.legal.InterestBasis;
import io.huikuan.legal.LegalCase;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The invoices of a claim estimate (due date, currency, what was open on the as-of date, the contract's late clause), and
 * a case's claim as the calculators computed it when it was opened.
 */
@Component
public class ClaimQueries {

    /** An invoice of the customer as of a date (open 0 when nothing was open that day). */
    public record ClaimInvoice(String invoiceNo, LocalDate dueDate, String currency, BigDecimal open, LateClause clause, BigDecimal rate) {
    }

    private static final String SELECT = """
            SELECT i.invoice_no, i.due_date, i.currency, COALESCE(b.open_amount, 0), k.late_clause, k.late_rate
            FROM invoice i LEFT JOIN contract k ON k.id = i.contract_id
            LEFT JOIN balance_period b ON b.invoice_id = i.id AND b.valid_from <= :d AND (b.valid_to IS NULL OR b.valid_to > :d)
            WHERE i.customer_id = :c""";

    private final JdbcClient jdbc;

    ClaimQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The customer's invoices named in {@code numbers} (missing ones are absent), by number. */
    public Map<String, ClaimInvoice> byNumber(long customerId, List<String> numbers, LocalDate asOf) {
        Map<String, ClaimInvoice> out = new LinkedHashMap<>();
        if (numbers.isEmpty()) {
            return out;
        }
        Map<String, Object> params = new HashMap<>(Map.of("c", customerId, "d", Date.valueOf(asOf), "n", numbers));
        jdbc.sql(SELECT + " AND i.invoice_no IN (:n)").params(params).query(ClaimQueries::row).list().forEach(i -> out.put(i.invoiceNo(), i));
        return out;
    }

    /** The customer's invoices open and overdue on {@code asOf}, by due date. */
    public List<ClaimInvoice> overdue(long customerId, LocalDate asOf) {
        return jdbc.sql(SELECT + " AND b.open_amount > 0 AND i.due_date < :d ORDER BY i.due_date, i.invoice_no")
                .params(Map.of("c", customerId, "d", Date.valueOf(asOf))).query(ClaimQueries::row).list();
    }

    /** Keeps what the calculators gave for a case as it is opened: the court fee (or why there is none) and each invoice's interest. */
    public void save(long caseId, ClaimEstimates.Estimate e, Map<String, Long> invoiceIds) {
        jdbc.sql("UPDATE legal_case SET interest_court_fee = ?, interest_fee_note = ? WHERE id = ?").params(e.courtFee(), e.courtFeeNote(), caseId)
                .update();
        for (InvoiceInterest.Line l : e.lines()) {
            jdbc.sql("""
                    INSERT INTO legal_case_interest_line (case_id, invoice_id, due_date, open_amount, from_date, to_date, days, basis, rate, markup,
                                                          contract_clause, interest)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(caseId, invoiceIds.get(l.invoiceNo()), Date.valueOf(l.dueDate()), l.open(), l.from() == null ? null : Date.valueOf(l.from()),
                            l.to() == null ? null : Date.valueOf(l.to()), (int) l.days(), l.basis() == null ? null : l.basis().name(), l.rate(),
                            l.markup(), l.contractClause(), l.interest())
                    .update();
        }
    }

    /** How a case's interest was computed, as kept when it was opened (empty: entered by hand). */
    public java.util.Optional<LegalCase.InterestComputation> computation(long caseId) {
        List<InvoiceInterest.Line> lines = jdbc.sql("""
                SELECT i.invoice_no, l.due_date, l.open_amount, l.from_date, l.to_date, l.days, l.basis, l.rate, l.markup, l.contract_clause, l.interest
                FROM legal_case_interest_line l JOIN invoice i ON i.id = l.invoice_id WHERE l.case_id = ? ORDER BY l.due_date, i.invoice_no""")
                .param(caseId)
                .query((rs, n) -> new InvoiceInterest.Line(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getBigDecimal(3), date(rs.getDate(4)),
                        date(rs.getDate(5)), rs.getInt(6), rs.getString(7) == null ? null : InterestBasis.valueOf(rs.getString(7).strip()),
                        strip(rs.getBigDecimal(8)), strip(rs.getBigDecimal(9)), rs.getBoolean(10), rs.getBigDecimal(11)))
                .list();
        return jdbc.sql("""
                SELECT interest_basis, interest_rate, interest_markup, interest_as_of, interest_court_fee, interest_fee_note
                FROM legal_case WHERE id = ? AND interest_basis IS NOT NULL""").param(caseId)
                .query((rs, n) -> new LegalCase.InterestComputation(InterestBasis.valueOf(rs.getString(1).strip()), strip(rs.getBigDecimal(2)),
                        strip(rs.getBigDecimal(3)), rs.getDate(4).toLocalDate(), rs.getBigDecimal(5), rs.getString(6), lines))
                .optional();
    }

    private static LocalDate date(Date d) {
        return d == null ? null : d.toLocalDate();
    }

    private static BigDecimal strip(BigDecimal v) {
        return v == null ? null : v.stripTrailingZeros();
    }

    private static ClaimInvoice row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        String clause = rs.getString(5);
        return new ClaimInvoice(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getString(3).strip(), rs.getBigDecimal(4),
                clause == null ? LateClause.NONE : LateClause.valueOf(clause.strip()), rs.getBigDecimal(6));
    }
}
