package io.huikuan.negotiation;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reads of supply holds and the overdue facts their rules look at, in SQL. */
@Service
public class SupplyHoldQueries {

    private static final String SELECT = """
            SELECT h.id, c.code, c.name, c.owner, h.status, h.source, h.reason, h.proposed_on, h.proposed_by, h.proposed_at, h.held_on,
                   h.held_by, h.decided_by, h.decision_note, h.released_on, h.released_by, h.release_reason
            FROM supply_hold h JOIN customer c ON c.id = h.customer_id
            """;

    /**
     * Open undisputed items as of a day whose oldest due date ({@code anchorDue}) lies before {@code :limit}: the
     * customer is overdue more than the rule's days. {@code overdue} is the open amount of its overdue items.
     */
    private static final String OVERDUE = """
            SELECT b.customer_id, c.code, min(b.due_date) anchor_due, sum(b.open_amount) overdue
            FROM balance_period b JOIN customer c ON c.id = b.customer_id
            WHERE b.valid_from <= :asOf AND (b.valid_to IS NULL OR b.valid_to > :asOf) AND b.open_amount > 0 AND b.due_date < :asOf
              AND NOT EXISTS (SELECT 1 FROM invoice_dispute d WHERE d.invoice_id = b.invoice_id AND d.opened_on <= :asOf
                              AND (d.resolved_on IS NULL OR d.resolved_on > :asOf))
              AND (:customer < 0 OR b.customer_id = :customer)
            GROUP BY b.customer_id, c.code
            HAVING min(b.due_date) < :limit
            ORDER BY b.customer_id""";

    /** A customer overdue beyond the rule's days as of {@code asOf}. */
    public record Overdue(long customerId, String code, LocalDate anchorDue, BigDecimal amount, int days) {
    }

    private final JdbcClient jdbc;

    SupplyHoldQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<SupplyHold> find(long id) {
        return jdbc.sql(SELECT + "WHERE h.id = ?").param(id).query(SupplyHoldQueries::row).optional();
    }

    /** Every hold and proposal of the customer, newest first. */
    public List<SupplyHold> history(long customerId) {
        return jdbc.sql(SELECT + "WHERE h.customer_id = ? ORDER BY h.id DESC").param(customerId).query(SupplyHoldQueries::row).list();
    }

    /** The hold in force on {@code asOf} from what is dated on or before it: held on or before, not released by then. */
    public Optional<SupplyHold> inForce(long customerId, LocalDate asOf) {
        return jdbc.sql(SELECT + """
                WHERE h.customer_id = :c AND h.status IN ('ACTIVE', 'RELEASED') AND h.held_on <= :asOf
                  AND (h.released_on IS NULL OR h.released_on > :asOf)
                ORDER BY h.held_on DESC, h.id DESC""").param("c", customerId).param("asOf", Date.valueOf(asOf))
                .query(SupplyHoldQueries::row).list().stream().findFirst();
    }

    /** The customer's live hold (ACTIVE), whatever its date. */
    public Optional<SupplyHold> active(long customerId) {
        return jdbc.sql(SELECT + "WHERE h.customer_id = ? AND h.status = 'ACTIVE'").param(customerId).query(SupplyHoldQueries::row)
                .optional();
    }

    /** Open proposals of the customer, oldest first. */
    public List<SupplyHold> proposals(long customerId) {
        return jdbc.sql(SELECT + "WHERE h.customer_id = ? AND h.status = 'PROPOSED' ORDER BY h.id").param(customerId)
                .query(SupplyHoldQueries::row).list();
    }

    /** Holds of a status (null: the proposed and the active ones), of one owner's customers when {@code owner} is set. */
    public List<SupplyHold> list(HoldStatus status, String owner, int limit) {
        String where = status == null ? "h.status IN ('PROPOSED', 'ACTIVE')" : "h.status = :status";
        return jdbc.sql(SELECT + "WHERE " + where + " AND (:owner = '' OR c.owner = :owner) ORDER BY h.status DESC, h.id DESC LIMIT :limit")
                .param("status", status == null ? "" : status.name()).param("owner", owner == null ? "" : owner).param("limit", limit)
                .query(SupplyHoldQueries::row).list();
    }

    /** Customers (or the one customer, {@code customerId} ≥ 0) overdue more than {@code days} days as of {@code asOf}. */
    public List<Overdue> overdueBeyond(LocalDate asOf, int days, long customerId) {
        return jdbc.sql(OVERDUE).param("asOf", Date.valueOf(asOf)).param("limit", Date.valueOf(asOf.minusDays(days)))
                .param("customer", customerId)
                .query((rs, n) -> {
                    LocalDate anchor = rs.getDate("anchor_due").toLocalDate();
                    return new Overdue(rs.getLong("customer_id"), rs.getString("code"), anchor, rs.getBigDecimal("overdue"),
                            (int) java.time.temporal.ChronoUnit.DAYS.between(anchor, asOf));
                }).list();
    }

    /** Has the customer any open undisputed item overdue as of {@code asOf} more than {@code days} days (0: at all)? */
    public boolean overdue(long customerId, LocalDate asOf, int days) {
        return !overdueBeyond(asOf, days, customerId).isEmpty();
    }

    /** Was a proposal or hold from {@code source} already made for the customer on or after {@code since}? */
    public boolean proposedSince(long customerId, HoldSource source, LocalDate since) {
        return jdbc.sql("SELECT count(*) FROM supply_hold WHERE customer_id = ? AND source = ? AND proposed_on >= ?")
                .params(customerId, source.name(), Date.valueOf(since)).query(Long.class).single() > 0;
    }

    boolean live(String liveKey) {
        return jdbc.sql("SELECT count(*) FROM supply_hold WHERE live_key = ?").param(liveKey).query(Long.class).single() > 0;
    }

    String customerCode(long customerId) {
        return jdbc.sql("SELECT code FROM customer WHERE id = ?").param(customerId).query(String.class).single();
    }

    static SupplyHold row(ResultSet rs, int n) throws SQLException {
        Timestamp at = rs.getTimestamp("proposed_at");
        return new SupplyHold(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("owner"),
                HoldStatus.valueOf(rs.getString("status")), HoldSource.valueOf(rs.getString("source")), rs.getString("reason"),
                date(rs, "proposed_on"), rs.getString("proposed_by"), at == null ? null : at.toInstant(), date(rs, "held_on"),
                rs.getString("held_by"), rs.getString("decided_by"), rs.getString("decision_note"), date(rs, "released_on"),
                rs.getString("released_by"), rs.getString("release_reason"));
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }
}
