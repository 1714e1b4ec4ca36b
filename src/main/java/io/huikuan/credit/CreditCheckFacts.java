package io.huikuan.credit;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a credit check needs of one customer, cheaply: its limit, its exposure (live: the open receivables today, by
 * the customer's invoices, plus the orders the ERP reported open), the grade override in force and today's stored score snapshot, in one indexed statement.
 * Without a snapshot of the day the score is computed once ({@link CreditScores#of}) and stored, so the next check of
 * the day reads it.
 */
@Component
class CreditCheckFacts {

    private static final String SQL = """
            SELECT c.credit_limit,
                   (SELECT sum(bp.open_amount) FROM balance_period bp JOIN invoice i ON i.id = bp.invoice_id
                     WHERE i.customer_id = c.id AND bp.valid_from <= :d AND (bp.valid_to IS NULL OR bp.valid_to > :d)) exposure,
                   (SELECT sum(oo.amount) FROM credit_open_order oo
                     WHERE oo.customer_id = c.id AND oo.opened_on <= :d AND (oo.closed_on IS NULL OR oo.closed_on > :d)) open_orders,
                   s.score, s.grade,
                   (SELECT o.grade FROM credit_grade_override o WHERE o.customer_id = c.id AND o.set_on <= :d AND o.expires_on >= :d) override
            FROM customer c LEFT JOIN credit_score s ON s.customer_id = c.id AND s.as_of = :d
            WHERE c.id = :id""";

    /**
     * The figures of the check: exposure (open receivables + open orders) to 2 decimals, the open orders in it, limit (null: none),
     * the score and the grade in force.
     */
    record Facts(BigDecimal limit, BigDecimal exposure, BigDecimal openOrders, int score, Grade grade) {
    }

    private final JdbcClient jdbc;
    private final CreditScores scores;

    CreditCheckFacts(JdbcClient jdbc, CreditScores scores) {
        this.jdbc = jdbc;
        this.scores = scores;
    }

    Facts of(long customerId, LocalDate today) {
        Row r = read(customerId, today);
        int score;
        Grade computed;
        if (r.grade() != null) {
            score = r.score();
            computed = Grade.valueOf(r.grade());
        } else {
            ScoreModel.Result result = ScoreModel.score(scores.of(customerId, today).row().figures(), today);
            score = result.score();
            computed = result.grade();
            store(customerId, today, result);
        }
        BigDecimal orders = (r.openOrders() == null ? BigDecimal.ZERO : r.openOrders()).setScale(2, java.math.RoundingMode.HALF_UP);
        BigDecimal exposure = (r.exposure() == null ? BigDecimal.ZERO : r.exposure()).setScale(2, java.math.RoundingMode.HALF_UP).add(orders);
        return new Facts(r.limit(), exposure, orders, score, r.override() == null ? computed : Grade.valueOf(r.override()));
    }

    private record Row(BigDecimal limit, BigDecimal exposure, BigDecimal openOrders, Integer score, String grade, String override) {
    }

    private Row read(long customerId, LocalDate today) {
        return jdbc.sql(SQL).param("d", Date.valueOf(today)).param("id", customerId)
                .query((rs, n) -> new Row(rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getBigDecimal(3),
                        (Integer) rs.getObject(4, Integer.class), rs.getString(5), rs.getString(6)))
                .single();
    }

    /** Stores the day's score unless another check (or the daily snapshot) stored it meanwhile. */
    private void store(long customerId, LocalDate today, ScoreModel.Result r) {
        jdbc.sql("INSERT INTO credit_score (customer_id, as_of, score, grade) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
                .params(customerId, Date.valueOf(today), r.score(), r.grade().name()).update();
    }
}
