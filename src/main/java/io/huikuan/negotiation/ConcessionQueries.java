package io.huikuan.negotiation;

import io.huikuan.common.Page;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The concessions' SQL: rows, their invoices, lists and the live invoices. */
@Component
class ConcessionQueries {

    private static final String SELECT = """
            SELECT k.id, c.code, c.name, k.kind, k.status, k.amount, k.percent, k.open_at_proposal, k.pay_by, k.pay_amount, k.reason,
                   k.plan_id, k.activity_id, k.authority, k.proposed_by, k.proposed_on, k.proposed_at, k.approved_at, k.closed_on,
                   k.closed_by, k.close_note, k.posted_amount
            FROM concession k JOIN customer c ON c.id = k.customer_id""";

    /** A list's filter; {@code owner} set: only that collector's customers. */
    record Filter(String customerCode, ConcessionStatus status, String owner) {
    }

    private final JdbcClient jdbc;

    ConcessionQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Concession> find(long id) {
        return jdbc.sql(SELECT + " WHERE k.id = ?").param(id).query(ConcessionQueries::row).optional();
    }

    /** Locks the concession's row (two nodes or listeners never post it twice). */
    Optional<String> lockStatus(long id) {
        return jdbc.sql("SELECT status FROM concession WHERE id = ? FOR UPDATE").param(id).query(String.class).optional();
    }

    List<Concession.Line> lines(long id) {
        return jdbc.sql("""
                SELECT invoice_no, open_at_proposal, share, posted_amount, reference FROM concession_invoice WHERE concession_id = ? ORDER BY line_no""")
                .param(id).query((rs, n) -> new Concession.Line(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
                        rs.getString(5))).list();
    }

    Page<Concession> list(Filter f, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (f.customerCode() != null) {
            where.append(" AND c.code = ?");
            params.add(f.customerCode());
        }
        if (f.status() != null) {
            where.append(" AND k.status = ?");
            params.add(f.status().name());
        }
        if (f.owner() != null) {
            where.append(" AND c.owner = ?");
            params.add(f.owner());
        }
        long total = jdbc.sql("SELECT count(*) FROM concession k JOIN customer c ON c.id = k.customer_id" + where).params(params)
                .query(Long.class).single();
        List<Object> paged = new ArrayList<>(params);
        paged.add(size);
        paged.add((long) page * size);
        List<Concession> items = jdbc.sql(SELECT + where + " ORDER BY k.id DESC LIMIT ? OFFSET ?").params(paged).query(ConcessionQueries::row).list();
        return new Page<>(items, total, page, size);
    }

    /** Pending concessions (for approval queues), oldest first; {@code owner} set: only that collector's customers. */
    List<Concession> pending(String owner, int limit) {
        return owner == null
                ? jdbc.sql(SELECT + " WHERE k.status = 'PENDING_APPROVAL' ORDER BY k.id LIMIT ?").param(limit).query(ConcessionQueries::row).list()
                : jdbc.sql(SELECT + " WHERE k.status = 'PENDING_APPROVAL' AND c.owner = ? ORDER BY k.id LIMIT ?").params(owner, limit)
                        .query(ConcessionQueries::row).list();
    }

    /** Approved concessions with a condition: of one customer, or (customerCode null) all. */
    List<Long> waiting(String customerCode) {
        return customerCode == null
                ? jdbc.sql("SELECT id FROM concession WHERE status = 'APPROVED' AND pay_by IS NOT NULL ORDER BY id").query(Long.class).list()
                : jdbc.sql("""
                        SELECT k.id FROM concession k JOIN customer c ON c.id = k.customer_id
                        WHERE c.code = ? AND k.status = 'APPROVED' AND k.pay_by IS NOT NULL ORDER BY k.id""").param(customerCode)
                        .query(Long.class).list();
    }

    /** The invoices of {@code keys} (group:invoice) already in a live concession. */
    List<String> taken(List<String> keys) {
        List<String> taken = new ArrayList<>();
        for (String key : keys) {
            jdbc.sql("SELECT invoice_no FROM concession_invoice WHERE live_key = ?").param(key).query(String.class).optional().ifPresent(taken::add);
        }
        return taken;
    }

    /** How many concessions of one status a customer has, and how much was posted. */
    record StatusTotal(ConcessionStatus status, long count, BigDecimal posted) {
    }

    List<StatusTotal> totals(long customerId) {
        return jdbc.sql("SELECT status, count(*), coalesce(sum(posted_amount), 0) FROM concession WHERE customer_id = ? GROUP BY status")
                .param(customerId).query((rs, n) -> new StatusTotal(ConcessionStatus.valueOf(rs.getString(1)), rs.getLong(2), rs.getBigDecimal(3)))
                .list();
    }

    List<Concession> recent(long customerId, int limit) {
        return jdbc.sql(SELECT + " WHERE k.customer_id = ? ORDER BY k.id DESC LIMIT ?").params(customerId, limit).query(ConcessionQueries::row).list();
    }

    private static Concession row(ResultSet rs, int n) throws SQLException {
        return new Concession(rs.getLong(1), rs.getString(2), rs.getString(3), ConcessionKind.valueOf(rs.getString(4)),
                ConcessionStatus.valueOf(rs.getString(5)), rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getBigDecimal(8),
                rs.getObject(9, LocalDate.class), rs.getBigDecimal(10), rs.getString(11), (Long) rs.getObject(12, Long.class),
                (Long) rs.getObject(13, Long.class), Authority.valueOf(rs.getString(14)), List.of(), List.of(), rs.getString(15),
                rs.getObject(16, LocalDate.class), instant(rs.getTimestamp(17)), instant(rs.getTimestamp(18)), rs.getObject(19, LocalDate.class),
                rs.getString(20), rs.getString(21), rs.getBigDecimal(22), List.of());
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
