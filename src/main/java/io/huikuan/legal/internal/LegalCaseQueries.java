package io.huikuan.legal.internal;

import io.huikuan.legal.CaseDeadlines;
import io.huikuan.legal.CaseOutcome;
import io.huikuan.legal.CaseStage;
import io.huikuan.legal.LawsuitProcedure;
import io.huikuan.legal.LegalCase;
import io.huikuan.legal.LegalCaseKind;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The legal cases' SQL: the case row, its invoices, stages and money, the list and the hearings calendar. */
@Component
public class LegalCaseQueries {

    /** The case row without its collections. */
    public record CaseRow(long id, long customerId, String customerCode, String customerName, String customerOwner, LegalCaseKind kind,
            LawsuitProcedure procedure, String court, String caseNo, String lawyer, BigDecimal principal, BigDecimal interest, BigDecimal penalty,
            BigDecimal costs, String owner, String status, CaseOutcome outcome, String closeNote, LocalDate closedOn, LocalDate openedOn,
            boolean counterObligation, Boolean debtorInMainland, String createdBy) {

        public BigDecimal claimTotal() {
            return principal.add(interest).add(penalty).add(costs);
        }
    }

    /** An invoice of a customer with its due date and open amount as of a date. */
    public record OpenInvoice(long id, String invoiceNo, LocalDate dueDate, BigDecimal open) {
    }

    private static final String CASE_COLUMNS = """
            k.id, k.customer_id, c.code, c.name, c.owner AS customer_owner, k.kind, k.lawsuit_procedure, k.court, k.case_no, k.lawyer, k.principal,
            k.interest, k.penalty, k.claim_costs, k.owner, k.status, k.outcome, k.close_note, k.closed_on, k.opened_on, k.counter_obligation,
            k.debtor_in_mainland, k.created_by""";

    private final JdbcClient jdbc;

    LegalCaseQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<CaseRow> find(long id) {
        return jdbc.sql("SELECT " + CASE_COLUMNS + " FROM legal_case k JOIN customer c ON c.id = k.customer_id WHERE k.id = ?")
                .param(id).query(LegalCaseQueries::caseRow).optional();
    }

    /** Locks the case row for a change (stages, money, close). */
    public void lock(long id) {
        jdbc.sql("SELECT id FROM legal_case WHERE id = ? FOR UPDATE").param(id).query(Long.class).optional();
    }

    static CaseRow caseRow(ResultSet rs, int n) throws SQLException {
        String procedure = rs.getString("lawsuit_procedure");
        String outcome = rs.getString("outcome");
        Date closed = rs.getDate("closed_on");
        boolean mainland = rs.getBoolean("debtor_in_mainland");
        Boolean debtorInMainland = rs.wasNull() ? null : mainland;
        return new CaseRow(rs.getLong("id"), rs.getLong("customer_id"), rs.getString("code"), rs.getString("name"), rs.getString("customer_owner"),
                LegalCaseKind.valueOf(rs.getString("kind")), procedure == null ? null : LawsuitProcedure.valueOf(procedure), rs.getString("court"),
                rs.getString("case_no"), rs.getString("lawyer"), rs.getBigDecimal("principal"), rs.getBigDecimal("interest"),
                rs.getBigDecimal("penalty"), rs.getBigDecimal("claim_costs"), rs.getString("owner"), rs.getString("status"),
                outcome == null ? null : CaseOutcome.valueOf(outcome), rs.getString("close_note"), closed == null ? null : closed.toLocalDate(),
                rs.getDate("opened_on").toLocalDate(), rs.getBoolean("counter_obligation"), debtorInMainland, rs.getString("created_by"));
    }

    /** The case's invoices with their open amount as of {@code asOf} (zero when paid), by due date. */
    public List<OpenInvoice> invoices(long caseId, LocalDate asOf) {
        return jdbc.sql("""
                SELECT i.id, i.invoice_no, i.due_date, COALESCE(b.open_amount, 0) open_amount
                FROM legal_case_invoice ci JOIN invoice i ON i.id = ci.invoice_id
                LEFT JOIN balance_period b ON b.invoice_id = i.id AND b.valid_from <= ? AND (b.valid_to IS NULL OR b.valid_to > ?)
                WHERE ci.case_id = ? ORDER BY i.due_date, i.invoice_no""")
                .params(Date.valueOf(asOf), Date.valueOf(asOf), caseId).query(LegalCaseQueries::openInvoice).list();
    }

    /** The customer's invoices open on {@code asOf}, by due date. */
    public List<OpenInvoice> openInvoices(long customerId, LocalDate asOf) {
        return jdbc.sql("""
                SELECT i.id, i.invoice_no, i.due_date, b.open_amount
                FROM balance_period b JOIN invoice i ON i.id = b.invoice_id
                WHERE b.customer_id = ? AND b.valid_from <= ? AND (b.valid_to IS NULL OR b.valid_to > ?) ORDER BY i.due_date, i.invoice_no""")
                .params(customerId, Date.valueOf(asOf), Date.valueOf(asOf)).query(LegalCaseQueries::openInvoice).list();
    }

    /** The customer's invoices by number (any state), as of {@code asOf}; missing numbers are absent from the map. */
    public Map<String, OpenInvoice> invoicesByNo(long customerId, List<String> invoiceNos, LocalDate asOf) {
        Map<String, OpenInvoice> out = new LinkedHashMap<>();
        if (invoiceNos.isEmpty()) {
            return out;
        }
        String in = invoiceNos.stream().map(x -> "?").collect(Collectors.joining(","));
        List<Object> params = new ArrayList<>(List.of(Date.valueOf(asOf), Date.valueOf(asOf), customerId));
        params.addAll(invoiceNos);
        jdbc.sql("""
                SELECT i.id, i.invoice_no, i.due_date, COALESCE(b.open_amount, 0) open_amount
                FROM invoice i LEFT JOIN balance_period b ON b.invoice_id = i.id AND b.valid_from <= ? AND (b.valid_to IS NULL OR b.valid_to > ?)
                WHERE i.customer_id = ? AND i.invoice_no IN (""" + in + ")")
                .params(params).query(LegalCaseQueries::openInvoice).list().forEach(i -> out.put(i.invoiceNo(), i));
        return out;
    }

    static OpenInvoice openInvoice(ResultSet rs, int n) throws SQLException {
        return new OpenInvoice(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getBigDecimal(4));
    }

    /** The invoice numbers among {@code invoiceIds} with a dispute open on {@code asOf}. */
    public List<String> disputed(List<Long> invoiceIds, LocalDate asOf) {
        if (invoiceIds.isEmpty()) {
            return List.of();
        }
        String in = invoiceIds.stream().map(x -> "?").collect(Collectors.joining(","));
        List<Object> params = new ArrayList<>(List.of(Date.valueOf(asOf), Date.valueOf(asOf)));
        params.addAll(invoiceIds);
        return jdbc.sql("SELECT DISTINCT i.invoice_no FROM invoice_dispute d JOIN invoice i ON i.id = d.invoice_id"
                        + " WHERE d.opened_on <= ? AND (d.resolved_on IS NULL OR d.resolved_on > ?) AND d.invoice_id IN (" + in + ") ORDER BY i.invoice_no")
                .params(params).query(String.class).list();
    }

    public List<LegalCase.Stage> stages(long caseId) {
        return jdbc.sql("""
                SELECT id, stage, stage_date, stage_time, place, served_on, perform_by, note, created_by FROM legal_case_stage
                WHERE case_id = ? ORDER BY stage_date, id""")
                .param(caseId).query((rs, n) -> stage(rs)).list();
    }

    private static LegalCase.Stage stage(ResultSet rs) throws SQLException {
        Date served = rs.getDate("served_on");
        Date perform = rs.getDate("perform_by");
        return new LegalCase.Stage(rs.getLong("id"), CaseStage.valueOf(rs.getString("stage")), rs.getDate("stage_date").toLocalDate(),
                rs.getString("stage_time"), rs.getString("place"), served == null ? null : served.toLocalDate(),
                perform == null ? null : perform.toLocalDate(), rs.getString("note"), rs.getString("created_by"));
    }

    /** The stages of many cases at once (the list's next deadline). */
    public Map<Long, List<CaseDeadlines.StageFact>> stageFacts(List<Long> caseIds) {
        Map<Long, List<CaseDeadlines.StageFact>> out = new LinkedHashMap<>();
        if (caseIds.isEmpty()) {
            return out;
        }
        String in = caseIds.stream().map(x -> "?").collect(Collectors.joining(","));
        jdbc.sql("SELECT case_id, id, stage, stage_date, served_on, perform_by FROM legal_case_stage WHERE case_id IN (" + in + ") ORDER BY stage_date, id")
                .params(new ArrayList<Object>(caseIds))
                .query((rs, n) -> {
                    Date served = rs.getDate("served_on");
                    Date perform = rs.getDate("perform_by");
                    return out.computeIfAbsent(rs.getLong("case_id"), k -> new ArrayList<>()).add(new CaseDeadlines.StageFact(rs.getLong("id"),
                            CaseStage.valueOf(rs.getString("stage")), rs.getDate("stage_date").toLocalDate(), served == null ? null : served.toLocalDate(),
                            perform == null ? null : perform.toLocalDate()));
                }).list();
        return out;
    }

    public List<LegalCase.Money> money(long caseId) {
        return jdbc.sql("""
                SELECT id, direction, category, money_date, amount, note, payment_ref, created_by FROM legal_case_money
                WHERE case_id = ? ORDER BY money_date, id""")
                .param(caseId)
                .query((rs, n) -> new LegalCase.Money(rs.getLong("id"), rs.getString("direction"), rs.getString("category"),
                        rs.getDate("money_date").toLocalDate(), rs.getBigDecimal("amount"), rs.getString("note"), rs.getString("payment_ref"),
                        rs.getString("created_by")))
                .list();
    }

    /** The list: cases of a customer (code) and status, collectors' own customers only ({@code owner} not null), newest first. */
    public List<LegalCase.Row> list(String customerCode, String status, String portfolioOwner, int page, int size, LocalDate today) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        appendFilters(where, params, customerCode, status, portfolioOwner);
        params.add(size);
        params.add((long) page * size);
        List<CaseRow> rows = jdbc.sql("SELECT " + CASE_COLUMNS + " FROM legal_case k JOIN customer c ON c.id = k.customer_id" + where
                        + " ORDER BY k.id DESC LIMIT ? OFFSET ?")
                .params(params).query(LegalCaseQueries::caseRow).list();
        List<Long> ids = rows.stream().map(CaseRow::id).toList();
        Map<Long, List<CaseDeadlines.StageFact>> stages = stageFacts(ids);
        Map<Long, BigDecimal> recovered = recovered(ids);
        List<LegalCase.Row> out = new ArrayList<>();
        for (CaseRow r : rows) {
            CaseDeadlines.Deadline next = CaseDeadlines.of(r.id(), r.kind(), stages.getOrDefault(r.id(), List.of()), !"OPEN".equals(r.status()))
                    .stream().filter(d -> !d.date().isBefore(today)).findFirst().orElse(null);
            out.add(new LegalCase.Row(r.id(), r.customerCode(), r.customerName(), r.kind(), r.court(), r.caseNo(), r.owner(), r.status(),
                    r.claimTotal(), recovered.getOrDefault(r.id(), BigDecimal.ZERO.setScale(2)), r.openedOn(), next == null ? null : next.kind(),
                    next == null ? null : next.date(), next == null ? null : next.daysLeft(today)));
        }
        return out;
    }

    public long count(String customerCode, String status, String portfolioOwner) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        appendFilters(where, params, customerCode, status, portfolioOwner);
        return jdbc.sql("SELECT count(*) FROM legal_case k JOIN customer c ON c.id = k.customer_id" + where).params(params).query(Long.class).single();
    }

    private static void appendFilters(StringBuilder where, List<Object> params, String customerCode, String status, String portfolioOwner) {
        if (customerCode != null) {
            where.append(" AND c.code = ?");
            params.add(customerCode);
        }
        if (status != null) {
            where.append(" AND k.status = ?");
            params.add(status);
        }
        if (portfolioOwner != null) {
            where.append(" AND c.owner = ?");
            params.add(portfolioOwner);
        }
    }

    /** The amounts recovered per case. */
    public Map<Long, BigDecimal> recovered(List<Long> caseIds) {
        Map<Long, BigDecimal> out = new LinkedHashMap<>();
        if (caseIds.isEmpty()) {
            return out;
        }
        String in = caseIds.stream().map(x -> "?").collect(Collectors.joining(","));
        jdbc.sql("SELECT case_id, sum(amount) FROM legal_case_money WHERE direction = 'RECOVERY' AND case_id IN (" + in + ") GROUP BY case_id")
                .params(new ArrayList<Object>(caseIds)).query((rs, n) -> out.put(rs.getLong(1), rs.getBigDecimal(2))).list();
        return out;
    }

    /** Hearings of open cases dated on or after {@code from}, by date and time; collectors' own customers only. */
    public List<LegalCase.Hearing> hearings(LocalDate from, String portfolioOwner) {
        List<Object> params = new ArrayList<>(List.of(Date.valueOf(from)));
        String own = "";
        if (portfolioOwner != null) {
            own = " AND c.owner = ?";
            params.add(portfolioOwner);
        }
        return jdbc.sql("""
                SELECT k.id, c.code, c.name, k.kind, k.court, k.case_no, s.stage_date, s.stage_time, s.place, k.owner
                FROM legal_case_stage s JOIN legal_case k ON k.id = s.case_id JOIN customer c ON c.id = k.customer_id
                WHERE s.stage = 'HEARING' AND k.status = 'OPEN' AND s.stage_date >= ?""" + own + " ORDER BY s.stage_date, s.stage_time, k.id")
                .params(params)
                .query((rs, n) -> new LegalCase.Hearing(rs.getLong(1), rs.getString(2), rs.getString(3), LegalCaseKind.valueOf(rs.getString(4)),
                        rs.getString(5), rs.getString(6), rs.getDate(7).toLocalDate(), rs.getString(8), rs.getString(9), rs.getString(10)))
                .list();
    }
}
