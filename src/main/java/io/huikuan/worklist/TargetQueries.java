package io.huikuan.worklist;

import io.huikuan.common.Money;
import io.huikuan.ledger.Currencies;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The month's collections, open promises and uncovered plan amounts per collector (customer owner) or team, summed
 * in SQL (see {@link Targets} for the definitions). In the base currency, as the targets are; collections in other
 * currencies are summed apart per currency (docs/currencies.md).
 */
@Component
class TargetQueries {

    /**
     * The money figures of one collector or team for a month, in the base currency (targets are set in it);
     * {@code collectedOther}: what was collected in other currencies, per currency, never added to {@code actual}.
     */
    record Figures(BigDecimal actual, BigDecimal promised, BigDecimal planned, Map<String, BigDecimal> collectedOther) {

        static final Figures NONE = new Figures(Money.zero(), Money.zero(), Money.zero(), Map.of());

        Figures(BigDecimal actual, BigDecimal promised, BigDecimal planned) {
            this(actual, promised, planned, Map.of());
        }

        Figures withOther(Map<String, BigDecimal> other) {
            return new Figures(actual, promised, planned, other == null ? Map.of() : Map.copyOf(other));
        }

        BigDecimal forecast() {
            return actual.add(promised).add(planned);
        }
    }

    /** Group by collector (the customer's owner) or by the owner's team. */
    enum By {
        OWNER("c.owner"), TEAM("u.team");

        final String column;

        By(String column) {
            this.column = column;
        }
    }

    private final JdbcClient jdbc;
    private final Currencies currencies;

    TargetQueries(JdbcClient jdbc, Currencies currencies) {
        this.jdbc = jdbc;
        this.currencies = currencies;
    }

    /**
     * Figures per owner or team for the month as of {@code today}: collected = payments allocated to the customers'
     * invoices with a payment date in the month up to today; when the month is not over, promised = the unpaid part of
     * open promises due from today (or the month's first day) to the month end, and planned = per customer
     * {@code max(0, plan − collected − promised)}. {@code key} null = every owner or team.
     */
    Map<String, Figures> figures(YearMonth month, LocalDate today, By by, String key) {
        LocalDate first = month.atDay(1);
        LocalDate last = month.atEndOfMonth();
        LocalDate collectedTo = last.isAfter(today) ? today : last;
        boolean over = last.isBefore(today);
        LocalDate promisedFrom = first.isAfter(today) ? first : today;
        // with a key, each source is narrowed to the key's customers (the worklist asks for one collector per page)
        List<Object> params = new ArrayList<>();
        params.add(Date.valueOf(first));
        params.add(Date.valueOf(collectedTo));
        if (key != null) {
            params.add(key);
        }
        params.add(Date.valueOf(promisedFrom));
        params.add(Date.valueOf(last));
        if (key != null) {
            params.add(key);
        }
        params.add(month.toString());
        if (key != null) {
            params.add(key);
        }
        String where = by.column + " IS NOT NULL";
        String planned = over ? "0" : "coalesce(sum(CASE WHEN per.planned - per.actual - per.promised > 0 THEN per.planned - per.actual - per.promised ELSE 0 END), 0)";
        String sql = """
                SELECT %1$s grp, coalesce(sum(per.actual), 0) actual, %2$s promised, %3$s planned
                FROM (SELECT x.customer_id, sum(x.actual) actual, sum(x.promised) promised, sum(x.planned) planned
                      FROM (SELECT i.customer_id, a.amount actual, 0 promised, 0 planned
                            FROM payment p JOIN allocation a ON a.payment_id = p.id JOIN invoice i ON i.id = a.invoice_id
                            WHERE p.payment_date >= ? AND p.payment_date <= ? AND i.currency = '%8$s'%5$s
                            UNION ALL
                            SELECT pr.customer_id, 0, pr.amount - pr.paid_amount, 0 FROM promise pr
                            WHERE pr.status = 'OPEN' AND pr.promised_date >= ? AND pr.promised_date <= ? AND pr.currency = '%8$s'%6$s
                            UNION ALL
                            SELECT pl.customer_id, 0, 0, pl.expected_amount FROM collection_plan pl WHERE pl.month_key = ?%7$s) x
                      GROUP BY x.customer_id) per
                JOIN customer c ON c.id = per.customer_id
                LEFT JOIN app_user u ON u.username = c.owner
                WHERE %4$s
                GROUP BY %1$s""".formatted(by.column, over ? "0" : "coalesce(sum(per.promised), 0)", planned, where,
                key == null ? "" : " AND EXISTS (SELECT 1 FROM customer cf" + teamJoin(by) + " WHERE cf.id = i.customer_id AND " + keyColumn(by) + " = ?)",
                key == null ? "" : " AND EXISTS (SELECT 1 FROM customer cf" + teamJoin(by) + " WHERE cf.id = pr.customer_id AND " + keyColumn(by) + " = ?)",
                key == null ? "" : " AND EXISTS (SELECT 1 FROM customer cf" + teamJoin(by) + " WHERE cf.id = pl.customer_id AND " + keyColumn(by) + " = ?)",
                Currencies.BASE);
        Map<String, Figures> result = new LinkedHashMap<>();
        jdbc.sql(sql).params(params).query(rs -> {
            result.put(rs.getString("grp"), new Figures(Money.of(rs.getBigDecimal("actual")), Money.of(rs.getBigDecimal("promised")),
                    Money.of(rs.getBigDecimal("planned"))));
        });
        Map<String, Map<String, BigDecimal>> other = collectedOther(first, collectedTo, by, key);
        other.forEach((grp, amounts) -> result.put(grp, result.getOrDefault(grp, Figures.NONE).withOther(amounts)));
        return result;
    }

    /**
     * Per owner or team, per currency other than the base: payments allocated to the customers' invoices with a payment
     * date from {@code from} to {@code to} (shown apart: a target in CNY is never met with dollars).
     */
    private Map<String, Map<String, BigDecimal>> collectedOther(LocalDate from, LocalDate to, By by, String key) {
        if (!currencies.foreignInUse()) {
            return Map.of(); // every invoice in the base currency: nothing to read
        }
        List<Object> params = new ArrayList<>(List.of(Date.valueOf(from), Date.valueOf(to)));
        if (key != null) {
            params.add(key);
        }
        Map<String, Map<String, BigDecimal>> result = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT %1$s grp, i.currency cur, sum(a.amount) amount
                FROM payment p JOIN allocation a ON a.payment_id = p.id JOIN invoice i ON i.id = a.invoice_id
                JOIN customer c ON c.id = i.customer_id LEFT JOIN app_user u ON u.username = c.owner
                WHERE p.payment_date >= ? AND p.payment_date <= ? AND i.currency <> '%2$s' AND %1$s IS NOT NULL%3$s
                GROUP BY %1$s, i.currency ORDER BY 1, 2""".formatted(by.column, Currencies.BASE, key == null ? "" : " AND " + by.column + " = ?"))
                .params(params)
                .query(rs -> {
                    result.computeIfAbsent(rs.getString("grp"), g -> new java.util.TreeMap<>())
                            .put(rs.getString("cur").trim(), Money.of(rs.getBigDecimal("amount")));
                });
        return result;
    }

    private static String teamJoin(By by) {
        return by == By.TEAM ? " JOIN app_user uf ON uf.username = cf.owner" : "";
    }

    private static String keyColumn(By by) {
        return by == By.TEAM ? "uf.team" : "cf.owner";
    }

    /** The month's targets of a scope: key → amount. */
    Map<String, BigDecimal> targets(YearMonth month, String scope) {
        Map<String, BigDecimal> targets = new LinkedHashMap<>();
        jdbc.sql("SELECT scope_key, amount FROM collection_target WHERE month_key = ? AND scope = ? ORDER BY scope_key")
                .params(month.toString(), scope)
                .query(rs -> {
                    targets.put(rs.getString(1), Money.of(rs.getBigDecimal(2)));
                });
        return targets;
    }

    /** Users by username: display name and team, for collectors (role COLLECTOR) and everyone named in {@code also}. */
    Map<String, String[]> people(java.util.Collection<String> also) {
        Map<String, String[]> people = new LinkedHashMap<>();
        jdbc.sql("SELECT username, display_name, team, roles FROM app_user ORDER BY username").query(rs -> {
            String username = rs.getString(1);
            boolean collector = (',' + rs.getString(4) + ',').contains(",COLLECTOR,");
            if (collector || also.contains(username)) {
                people.put(username, new String[] {rs.getString(2), rs.getString(3)});
            }
        });
        return people;
    }

    /** The team names in use (users' teams and team targets). */
    List<String> teams(YearMonth month) {
        return jdbc.sql("""
                SELECT team FROM app_user WHERE team IS NOT NULL
                UNION SELECT scope_key FROM collection_target WHERE scope = 'TEAM' AND month_key = ?
                ORDER BY 1""").param(month.toString()).query(String.class).list();
    }

    boolean teamExists(String team) {
        return jdbc.sql("SELECT count(*) FROM app_user WHERE team = ?").param(team).query(Long.class).single() > 0;
    }
}
