package io.huikuan.negotiation;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reads of the offers log, with the customer and the linked activity, in SQL. */
@Service
public class OfferQueries {

    private static final String SELECT = """
            SELECT o.id, c.code, c.name, o.side, o.kind, o.offered_on, o.amount, o.terms, o.status, o.answered_on, o.answered_by,
                   o.answer_note, o.activity_id, a.occurred_at, a.channel, a.outcome, a.notes, o.plan_id, o.concession_id,
                   o.recorded_by, o.recorded_at
            FROM negotiation_offer o JOIN customer c ON c.id = o.customer_id LEFT JOIN activity a ON a.id = o.activity_id
            """;

    private final JdbcClient jdbc;

    OfferQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Offer> find(long id) {
        return jdbc.sql(SELECT + "WHERE o.id = ?").param(id).query(OfferQueries::row).optional();
    }

    /** The customer's offers made on or before {@code asOf}, oldest first, each as it stood on that day. */
    public List<Offer> history(long customerId, LocalDate asOf) {
        return jdbc.sql(SELECT + "WHERE o.customer_id = ? AND o.offered_on <= ? ORDER BY o.offered_on, o.id").params(customerId, Date.valueOf(asOf))
                .query(OfferQueries::row).list().stream().map(o -> o.asOf(asOf)).toList();
    }

    /** The customer's latest {@code limit} offers, newest first. */
    public List<Offer> latest(long customerId, int limit) {
        return jdbc.sql(SELECT + "WHERE o.customer_id = ? ORDER BY o.offered_on DESC, o.id DESC LIMIT ?").params(customerId, limit)
                .query(OfferQueries::row).list();
    }

    /** The customer an activity belongs to, if the activity exists. */
    Optional<Long> activityCustomer(long activityId) {
        return jdbc.sql("SELECT customer_id FROM activity WHERE id = ?").param(activityId).query(Long.class).optional();
    }

    private static Offer row(ResultSet rs, int n) throws SQLException {
        long activityId = rs.getLong("activity_id");
        Offer.LinkedActivity activity = rs.wasNull() ? null : new Offer.LinkedActivity(activityId, rs.getTimestamp("occurred_at").toInstant(),
                rs.getString("channel"), rs.getString("outcome"), rs.getString("notes"));
        Timestamp at = rs.getTimestamp("recorded_at");
        return new Offer(rs.getLong("id"), rs.getString("code"), rs.getString("name"), OfferSide.valueOf(rs.getString("side")),
                OfferKind.valueOf(rs.getString("kind")), date(rs, "offered_on"), rs.getBigDecimal("amount"), rs.getString("terms"),
                OfferStatus.valueOf(rs.getString("status")), date(rs, "answered_on"), rs.getString("answered_by"), rs.getString("answer_note"),
                activity, id(rs, "plan_id"), id(rs, "concession_id"), rs.getString("recorded_by"), at.toInstant());
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    private static Long id(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}
