package io.huikuan.insight;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the cash forecast reads besides the predictions, as of a date D, each in one statement: the promises to pay open
 * at D (made by D, not judged by D) with what the customer has paid since it was made, up to D; and the promise keeping
 * of the last 12 months (promises judged in (D − 365, D]) per customer.
 */
@Component
class ForecastFacts {

    /** A promise open at D; {@code paidSince}: the customer's payments dated from the day it was made to D. */
    record OpenPromise(String customerCode, String currency, BigDecimal amount, LocalDate promisedDate, BigDecimal paidSince) {

        BigDecimal remaining() {
            BigDecimal left = amount.subtract(paidSince);
            return left.signum() > 0 ? left : BigDecimal.ZERO;
        }
    }

    /** Promises judged and kept in full, of a customer or of everyone. */
    record Keeping(long judged, long kept) {
    }

    private final JdbcClient jdbc;

    ForecastFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<OpenPromise> openPromises(LocalDate asOf) {
        return jdbc.sql("""
                SELECT c.code, p.currency, p.amount, p.promised_date,
                       (SELECT COALESCE(SUM(y.amount), 0) FROM payment y
                        WHERE y.customer_id = p.customer_id AND y.payment_date >= p.made_on AND y.payment_date <= ?) AS paid_since
                FROM promise p JOIN customer c ON c.id = p.customer_id
                WHERE p.made_on <= ? AND (p.settled_on IS NULL OR p.settled_on > ?)""")
                .params(Date.valueOf(asOf), Date.valueOf(asOf), Date.valueOf(asOf))
                .query((rs, i) -> new OpenPromise(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getDate(4).toLocalDate(),
                        rs.getBigDecimal(5)))
                .list();
    }

    /** Customer code → its keeping; the key {@code null} holds everyone's. */
    Map<String, Keeping> keeping(LocalDate asOf) {
        Map<String, Keeping> by = new HashMap<>();
        long[] all = new long[2];
        jdbc.sql("""
                SELECT c.code, COUNT(*), SUM(CASE WHEN p.status = 'KEPT' THEN 1 ELSE 0 END)
                FROM promise p JOIN customer c ON c.id = p.customer_id
                WHERE p.settled_on IS NOT NULL AND p.settled_on <= ? AND p.settled_on > ? AND p.status IN ('KEPT', 'PARTLY_KEPT', 'BROKEN')
                GROUP BY c.code""")
                .params(Date.valueOf(asOf), Date.valueOf(asOf.minusDays(365)))
                .query((rs, i) -> {
                    Keeping k = new Keeping(rs.getLong(2), rs.getLong(3));
                    all[0] += k.judged();
                    all[1] += k.kept();
                    return by.put(rs.getString(1), k);
                }).list();
        by.put(null, new Keeping(all[0], all[1]));
        return by;
    }
}
