package io.huikuan.credit;

import io.huikuan.legal.LimitationClock;
import io.huikuan.legal.LimitationItem;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which customers meet a rule's condition as of a date, set-based: one or two grouped statements per kind over every
 * customer, never a statement per customer. The open receivables of every customer at the date (one pass over the
 * balance periods) are read once per evaluation and shared by the kinds that need them ({@link Exposure}).
 */
@Component
class AlertConditions {

    /** A customer meeting a condition, with the reason's message key and its arguments. */
    record Hit(long customerId, String key, List<Object> args) {
    }

    /** A customer's open receivables at the date. */
    record Open(BigDecimal limit, BigDecimal open, BigDecimal overdue, LocalDate oldestDue) {
    }

    /** The open receivables of every customer with something open, read once (lazily) per evaluation. */
    final class Exposure {
        private final LocalDate asOf;
        private Map<Long, Open> byCustomer;

        Exposure(LocalDate asOf) {
            this.asOf = asOf;
        }

        Map<Long, Open> get() {
            if (byCustomer == null) {
                byCustomer = load(asOf);
            }
            return byCustomer;
        }
    }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final JdbcClient jdbc;
    private final LimitationClock limitation;
    private final Clock clock;

    AlertConditions(JdbcClient jdbc, LimitationClock limitation, Clock clock) {
        this.jdbc = jdbc;
        this.limitation = limitation;
        this.clock = clock;
    }

    Exposure exposure(LocalDate asOf) {
        return new Exposure(asOf);
    }

    /** The customers meeting {@code rule} as of {@code asOf}, by customer id. */
    Map<Long, Hit> hits(AlertRule rule, LocalDate asOf, Exposure exposure) {
        Map<Long, Hit> out = new HashMap<>();
        switch (rule.kind()) {
            case OVERDUE -> exposure.get().forEach((id, o) -> {
                long days = o.oldestDue() == null ? 0 : ChronoUnit.DAYS.between(o.oldestDue(), asOf);
                boolean byDays = rule.days() != null && o.oldestDue() != null && days > rule.days();
                boolean byAmount = rule.amount() != null && o.overdue().signum() > 0 && o.overdue().compareTo(rule.amount()) >= 0;
                if (byDays || byAmount) {
                    out.put(id, new Hit(id, "alert.reason.OVERDUE", List.of(days, plain(o.overdue()))));
                }
            });
            case OVER_LIMIT -> exposure.get().forEach((id, o) -> {
                if (o.limit() != null && o.open().signum() > 0
                        && o.open().compareTo(o.limit().multiply(BigDecimal.ONE.add(rule.pct().movePointLeft(2)))) > 0) {
                    String used = o.limit().signum() == 0 ? "∞" : o.open().multiply(HUNDRED).divide(o.limit(), 0, RoundingMode.HALF_UP).toPlainString();
                    out.put(id, new Hit(id, "alert.reason.OVER_LIMIT", List.of(plain(o.open()), plain(o.limit()), used)));
                }
            });
            case CONCENTRATION -> {
                BigDecimal total = exposure.get().values().stream().map(Open::open).reduce(BigDecimal.ZERO, BigDecimal::add);
                if (total.signum() > 0) {
                    exposure.get().forEach((id, o) -> {
                        if (o.open().multiply(HUNDRED).compareTo(rule.pct().multiply(total)) > 0) {
                            String share = o.open().multiply(HUNDRED).divide(total, 1, RoundingMode.HALF_UP).toPlainString();
                            out.put(id, new Hit(id, "alert.reason.CONCENTRATION", List.of(share, plain(o.open()), plain(total))));
                        }
                    });
                }
            }
            case NO_CONTACT -> noContact(rule, asOf, exposure, out);
            case DTP_WORSENING -> worsening(rule, asOf, out);
            case GRADE_DROP -> gradeDrop(rule, asOf, out);
            case BROKEN_PROMISES -> jdbc.sql("""
                    SELECT customer_id, count(*) n FROM promise WHERE status = 'BROKEN' AND settled_on > :from AND settled_on <= :asOf
                    GROUP BY customer_id HAVING count(*) >= :n""")
                    .param("from", Date.valueOf(asOf.minusDays(rule.days()))).param("asOf", Date.valueOf(asOf)).param("n", rule.count())
                    .query((RowCallbackHandler) rs -> out.put(rs.getLong(1), new Hit(rs.getLong(1), "alert.reason.BROKEN_PROMISES",
                            List.of(rs.getLong(2), rule.days()))));
            case PLAN_BROKEN -> jdbc.sql("""
                    SELECT customer_id, max(broken_on) d, count(*) n FROM payment_plan WHERE broken_on > :from AND broken_on <= :asOf
                    GROUP BY customer_id""")
                    .param("from", Date.valueOf(asOf.minusDays(rule.days()))).param("asOf", Date.valueOf(asOf))
                    .query((RowCallbackHandler) rs -> out.put(rs.getLong(1), new Hit(rs.getLong(1), "alert.reason.PLAN_BROKEN",
                            List.of(rs.getDate(2).toLocalDate().toString()))));
            case LARGE_INVOICE_DUE -> largeInvoiceDue(rule, asOf, out);
            case LIMITATION_EXPIRING -> limitationExpiring(rule, asOf, out);
        }
        return out;
    }

    private Map<Long, Open> load(LocalDate asOf) {
        Map<Long, Open> m = new HashMap<>();
        jdbc.sql("""
                SELECT c.id, c.credit_limit, o.open_amt, o.overdue_amt, o.oldest_due FROM customer c
                JOIN (SELECT customer_id, sum(open_amount) open_amt, sum(CASE WHEN due_date < :asOf THEN open_amount ELSE 0 END) overdue_amt,
                             min(CASE WHEN due_date < :asOf THEN due_date END) oldest_due
                      FROM balance_period WHERE valid_from <= :asOf AND (valid_to IS NULL OR valid_to > :asOf) GROUP BY customer_id) o
                  ON o.customer_id = c.id""")
                .param("asOf", Date.valueOf(asOf))
                .query((RowCallbackHandler) rs -> {
                    Date due = rs.getDate(5);
                    m.put(rs.getLong(1), new Open(rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getBigDecimal(4), due == null ? null : due.toLocalDate()));
                });
        return m;
    }

    private void noContact(AlertRule rule, LocalDate asOf, Exposure exposure, Map<Long, Hit> out) {
        Map<Long, LocalDate> last = new HashMap<>();
        Timestamp end = Timestamp.from(asOf.plusDays(1).atStartOfDay(clock.getZone()).toInstant());
        jdbc.sql("SELECT customer_id, max(occurred_at) FROM activity WHERE occurred_at < :end GROUP BY customer_id").param("end", end)
                .query((RowCallbackHandler) rs -> last.put(rs.getLong(1), rs.getTimestamp(2).toInstant().atZone(clock.getZone()).toLocalDate()));
        LocalDate since = asOf.minusDays(rule.days() - 1L);
        exposure.get().forEach((id, o) -> {
            LocalDate l = last.get(id);
            if (o.overdue().signum() > 0 && (l == null || l.isBefore(since))) {
                out.put(id, l == null ? new Hit(id, "alert.reason.NO_CONTACT.never", List.of(plain(o.overdue())))
                        : new Hit(id, "alert.reason.NO_CONTACT", List.of(ChronoUnit.DAYS.between(l, asOf), plain(o.overdue()))));
            }
        });
    }

    private void worsening(AlertRule rule, LocalDate asOf, Map<Long, Hit> out) {
        jdbc.sql("""
                SELECT customer_id, sum(CASE WHEN settled_on > :r0 THEN amount ELSE 0 END) r_amt,
                       sum(CASE WHEN settled_on > :r0 THEN amount * days_late ELSE 0 END) r_days,
                       sum(CASE WHEN settled_on <= :r0 THEN amount ELSE 0 END) p_amt,
                       sum(CASE WHEN settled_on <= :r0 THEN amount * days_late ELSE 0 END) p_days
                FROM invoice_settlement WHERE settled_on > :p0 AND settled_on <= :asOf GROUP BY customer_id""")
                .param("r0", Date.valueOf(asOf.minusDays(91))).param("p0", Date.valueOf(asOf.minusDays(182))).param("asOf", Date.valueOf(asOf))
                .query((RowCallbackHandler) rs -> {
                    BigDecimal rAmt = rs.getBigDecimal(2);
                    BigDecimal pAmt = rs.getBigDecimal(4);
                    if (rAmt.signum() <= 0 || pAmt.signum() <= 0) {
                        return;
                    }
                    BigDecimal recent = rs.getBigDecimal(3).divide(rAmt, 0, RoundingMode.HALF_UP);
                    BigDecimal before = rs.getBigDecimal(5).divide(pAmt, 0, RoundingMode.HALF_UP);
                    BigDecimal worse = recent.subtract(before);
                    if (worse.compareTo(BigDecimal.valueOf(rule.days())) >= 0) {
                        out.put(rs.getLong(1), new Hit(rs.getLong(1), "alert.reason.DTP_WORSENING",
                                List.of(recent.toPlainString(), before.toPlainString(), worse.toPlainString())));
                    }
                });
    }

    /** The latest stored grade of every customer on or before {@code at} (within the 40 days before it). */
    private Map<Long, String> storedGrades(LocalDate at) {
        Map<Long, String> m = new HashMap<>();
        jdbc.sql("""
                SELECT s.customer_id, s.grade FROM credit_score s
                JOIN (SELECT customer_id, max(as_of) d FROM credit_score WHERE as_of <= :at AND as_of > :floor GROUP BY customer_id) l
                  ON l.customer_id = s.customer_id AND l.d = s.as_of""")
                .param("at", Date.valueOf(at)).param("floor", Date.valueOf(at.minusDays(40)))
                .query((RowCallbackHandler) rs -> m.put(rs.getLong(1), rs.getString(2)));
        return m;
    }

    private void gradeDrop(AlertRule rule, LocalDate asOf, Map<Long, Hit> out) {
        Map<Long, String> now = storedGrades(asOf);
        LocalDate then = asOf.minusDays(rule.days());
        storedGrades(then).forEach((id, was) -> {
            String is = now.get(id);
            if (is != null && is.charAt(0) - was.charAt(0) >= rule.count()) {
                out.put(id, new Hit(id, "alert.reason.GRADE_DROP", List.of(was, is, then.toString())));
            }
        });
    }

    private void largeInvoiceDue(AlertRule rule, LocalDate asOf, Map<Long, Hit> out) {
        Map<Long, String> grades = storedGrades(asOf);
        jdbc.sql("SELECT customer_id, grade FROM credit_grade_override WHERE set_on <= :asOf AND expires_on >= :asOf")
                .param("asOf", Date.valueOf(asOf)).query((RowCallbackHandler) rs -> grades.put(rs.getLong(1), rs.getString(2)));
        jdbc.sql("""
                SELECT customer_id, count(*) n, sum(open_amount) amt, min(due_date) first_due FROM balance_period
                WHERE valid_from <= :asOf AND (valid_to IS NULL OR valid_to > :asOf) AND due_date >= :asOf AND due_date <= :until
                  AND open_amount >= :amount
                GROUP BY customer_id""")
                .param("asOf", Date.valueOf(asOf)).param("until", Date.valueOf(asOf.plusDays(rule.days()))).param("amount", rule.amount())
                .query((RowCallbackHandler) rs -> {
                    String g = grades.get(rs.getLong(1));
                    if (g != null && g.compareTo(rule.grade()) >= 0) {
                        out.put(rs.getLong(1), new Hit(rs.getLong(1), "alert.reason.LARGE_INVOICE_DUE",
                                List.of(g, rs.getLong(2), plain(rs.getBigDecimal(3)), rs.getDate(4).toLocalDate().toString())));
                    }
                });
    }

    private void limitationExpiring(AlertRule rule, LocalDate asOf, Map<Long, Hit> out) {
        Map<String, List<LimitationItem>> byCode = new HashMap<>();
        for (LimitationItem i : limitation.expiringBetween(asOf, asOf, asOf.plusDays(rule.days()))) {
            byCode.computeIfAbsent(i.customerCode(), k -> new ArrayList<>()).add(i);
        }
        List<String> codes = new ArrayList<>(byCode.keySet());
        for (int from = 0; from < codes.size(); from += 1000) {
            jdbc.sql("SELECT id, code FROM customer WHERE code IN (:codes)").param("codes", codes.subList(from, Math.min(codes.size(), from + 1000)))
                    .query((RowCallbackHandler) rs -> {
                        List<LimitationItem> items = byCode.get(rs.getString(2));
                        BigDecimal amount = items.stream().map(LimitationItem::openAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
                        LocalDate first = items.stream().map(LimitationItem::expiresOn).min(LocalDate::compareTo).orElseThrow();
                        out.put(rs.getLong(1), new Hit(rs.getLong(1), "alert.reason.LIMITATION_EXPIRING",
                                List.of(items.size(), plain(amount), first.toString())));
                    });
        }
    }

    private static String plain(BigDecimal v) {
        return v == null ? "0" : v.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
