package io.huikuan.credit;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The recorded credit checks ({@code credit_check}, V70). Reasons are stored one a line, in the words of the check. */
@Repository
class CreditCheckStore {

    private static final String SELECT = "SELECT k.id, c.code, k.amount, k.reference, k.decision, k.exposure, k.credit_limit, k.available, "
            + "k.grade, k.score, k.reasons, k.checked_by, k.checked_at, k.review, k.decided_by, k.decided_at, k.decision_note, k.open_orders "
            + "FROM credit_check k JOIN customer c ON c.id = k.customer_id";

    private final JdbcClient jdbc;

    CreditCheckStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long customerId, BigDecimal amount, String reference, String decision, BigDecimal exposure, BigDecimal limit,
            BigDecimal available, BigDecimal openOrders, String grade, int score, List<String> reasons, String by, Instant at) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO credit_check (customer_id, amount, reference, decision, exposure, credit_limit, available, grade, score, "
                + "reasons, checked_by, checked_at, review, open_orders) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(customerId, amount, reference, decision, exposure, limit, available, grade, score,
                        String.join("\n", reasons.stream().map(r -> r.replace('\n', ' ')).toList()), by, Timestamp.from(at),
                        "REVIEW".equals(decision) ? "PENDING" : null, openOrders)
                .update(key, "id");
        return key.getKey().longValue();
    }

    Optional<CreditCheck> find(long id) {
        return jdbc.sql(SELECT + " WHERE k.id = ?").param(id).query(CreditCheckStore::row).optional();
    }

    List<CreditCheck> list(Long customerId, String decision, String review, String owner) {
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE 1 = 1");
        java.util.Map<String, Object> p = new java.util.HashMap<>();
        if (customerId != null) {
            sql.append(" AND k.customer_id = :customer");
            p.put("customer", customerId);
        }
        if (decision != null) {
            sql.append(" AND k.decision = :decision");
            p.put("decision", decision);
        }
        if (review != null) {
            sql.append(" AND k.review = :review");
            p.put("review", review);
        }
        if (owner != null) {
            sql.append(" AND c.owner = :owner");
            p.put("owner", owner);
        }
        sql.append(" ORDER BY k.id DESC LIMIT 500");
        return jdbc.sql(sql.toString()).params(p).query(CreditCheckStore::row).list();
    }

    /** Decides a pending review; false when it is no longer pending (decided by someone else meanwhile). */
    boolean decide(long id, String review, String by, Instant at, String note) {
        return jdbc.sql("UPDATE credit_check SET review = ?, decided_by = ?, decided_at = ?, decision_note = ? WHERE id = ? AND review = 'PENDING'")
                .params(review, by, Timestamp.from(at), note, id).update() == 1;
    }

    private static CreditCheck row(ResultSet rs, int n) throws SQLException {
        Timestamp decided = rs.getTimestamp(16);
        return new CreditCheck(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3), rs.getString(4), rs.getString(5), rs.getBigDecimal(6),
                rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getString(9), rs.getInt(10), Arrays.asList(rs.getString(11).split("\n")),
                rs.getString(12), rs.getTimestamp(13).toInstant(), rs.getString(14), rs.getString(15), decided == null ? null : decided.toInstant(),
                rs.getString(17), rs.getBigDecimal(18));
    }
}
