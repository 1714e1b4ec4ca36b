package io.huikuan.worklist;

import io.huikuan.common.Money;
import io.huikuan.identity.Role;
import io.huikuan.ledger.History;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Settles open promises from the payments (the daily run calls it before it creates tasks).
 *
 * <p><b>Which payments count.</b> Payments allocated to the customer's invoices, by payment date, from the day the
 * promise was made to its deadline (promised date + {@code huikuan.promises.grace-days}, default 3), and not after
 * the evaluation date. Unapplied cash does not count until it is allocated; a payment made before the promise does
 * not count.
 *
 * <p><b>Overlapping promises</b> of one customer: each day's payments go to the customer's promises whose window
 * holds that day in the order of their promised date (then the order they were made), the earliest first, each up
 * to its amount; what is left after all of them is surplus. So one payment never keeps two promises, and a later
 * promise is only kept by money beyond what the earlier ones asked for.
 *
 * <p><b>Outcome.</b> KEPT as soon as the payments reach the amount (settled on the day of the payment that reached
 * it), even before the promised date; otherwise, once the evaluation date is after the deadline, PARTLY_KEPT when
 * something was paid, else BROKEN, both settled on the deadline. An open promise's paid amount shows the progress.
 *
 * <p><b>Escalation.</b> A broken or partly kept promise publishes {@link PromiseBroken} and creates, in the same
 * transaction, a task {@code P:<promise id>} (kind PROMISE_BROKEN, tone FIRM, due on the evaluation date, for the
 * customer's owner, ranked by {@link Priority}): a PHONE call by the collector, or a MANAGER_CALL (主管大帽子) in the
 * managers' queue (owner role MANAGER, no assignee, as the strategies' manager-call steps) when the customer had already
 * broken or partly kept another promise.
 *
 * <p><b>Idempotent and cluster-safe.</b> Only OPEN promises change, each with {@code UPDATE … WHERE status = 'OPEN'}:
 * a second evaluation (or another node) finds nothing to settle, publishes nothing, and the task insert is guarded by
 * the unique task key. The work is a fixed number of set-based queries (open promises with their customers, daily
 * payment sums per customer summed in SQL), not a query per promise, plus one update per promise that changes.
 */
@Component
@EnableConfigurationProperties(PromiseProperties.class)
class PromiseEvaluator {

    /** A promise as the evaluation sees it. */
    private static final class Row {
        long id;
        long customerId;
        String customerCode;
        String owner;
        String grade;
        boolean malicious;
        BigDecimal amount;
        LocalDate madeOn;
        LocalDate promisedDate;
        LocalDate deadline;
        PromiseStatus status;
        BigDecimal storedPaid;
        BigDecimal credited = Money.zero();
        LocalDate keptOn;
    }

    private record DailyPayment(long customerId, LocalDate day, BigDecimal amount) {
    }

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final History history;
    private final PromiseProperties properties;
    private final Clock clock;

    PromiseEvaluator(JdbcClient jdbc, ApplicationEventPublisher events, History history, PromiseProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.history = history;
        this.properties = properties;
        this.clock = clock;
    }

    int graceDays() {
        return properties.graceDays();
    }

    /** Runs in the caller's transaction. */
    Promises.Evaluation evaluate(LocalDate asOf) {
        Date day = Date.valueOf(asOf);
        // every promise (made by asOf) of the customers with an open one: earlier promises take their share first
        List<Row> rows = jdbc.sql("""
                SELECT p.id, p.customer_id, c.code, c.owner, c.grade, c.flags, p.amount, p.made_on, p.promised_date, p.status, p.paid_amount
                FROM promise p
                JOIN customer c ON c.id = p.customer_id
                JOIN (SELECT DISTINCT customer_id FROM promise WHERE status = 'OPEN' AND made_on <= ?) o ON o.customer_id = p.customer_id
                WHERE p.made_on <= ?
                ORDER BY p.customer_id, p.promised_date, p.id""")
                .params(day, day)
                .query((rs, n) -> {
                    Row r = new Row();
                    r.id = rs.getLong("id");
                    r.customerId = rs.getLong("customer_id");
                    r.customerCode = rs.getString("code");
                    r.owner = rs.getString("owner");
                    r.grade = rs.getString("grade");
                    String flags = rs.getString("flags");
                    r.malicious = flags != null && flags.toUpperCase(Locale.ROOT).contains("MALICIOUS_DEFAULTER");
                    r.amount = Money.of(rs.getBigDecimal("amount"));
                    r.madeOn = rs.getDate("made_on").toLocalDate();
                    r.promisedDate = rs.getDate("promised_date").toLocalDate();
                    r.deadline = r.promisedDate.plusDays(properties.graceDays());
                    r.status = PromiseStatus.valueOf(rs.getString("status"));
                    r.storedPaid = Money.of(rs.getBigDecimal("paid_amount"));
                    return r;
                }).list();
        if (rows.isEmpty()) {
            return new Promises.Evaluation(0, 0, 0);
        }
        Map<Long, List<Row>> byCustomer = new LinkedHashMap<>();
        rows.forEach(r -> byCustomer.computeIfAbsent(r.customerId, k -> new ArrayList<>()).add(r));

        List<DailyPayment> payments = jdbc.sql("""
                SELECT i.customer_id, pay.payment_date, sum(a.amount) paid
                FROM allocation a
                JOIN payment pay ON pay.id = a.payment_id
                JOIN invoice i ON i.id = a.invoice_id
                JOIN (SELECT customer_id, min(made_on) first_made FROM promise WHERE made_on <= ? GROUP BY customer_id
                      HAVING sum(CASE WHEN status = 'OPEN' THEN 1 ELSE 0 END) > 0) w ON w.customer_id = i.customer_id
                WHERE pay.payment_date >= w.first_made AND pay.payment_date <= ?
                GROUP BY i.customer_id, pay.payment_date
                ORDER BY i.customer_id, pay.payment_date""")
                .params(day, day)
                .query((rs, n) -> new DailyPayment(rs.getLong(1), rs.getDate(2).toLocalDate(), rs.getBigDecimal(3))).list();
        for (DailyPayment p : payments) {
            credit(byCustomer.getOrDefault(p.customerId(), List.of()), p);
        }

        int kept = 0;
        int partly = 0;
        int broken = 0;
        Instant now = Instant.now(clock);
        for (List<Row> promises : byCustomer.values()) {
            long brokenBefore = promises.stream().filter(r -> r.status == PromiseStatus.BROKEN || r.status == PromiseStatus.PARTLY_KEPT).count();
            for (Row r : promises) {
                if (r.status != PromiseStatus.OPEN) {
                    continue;
                }
                if (r.keptOn != null) {
                    if (settle(r, PromiseStatus.KEPT, r.amount, r.keptOn)) {
                        kept++;
                    }
                } else if (asOf.isAfter(r.deadline)) {
                    PromiseStatus outcome = r.credited.signum() > 0 ? PromiseStatus.PARTLY_KEPT : PromiseStatus.BROKEN;
                    if (settle(r, outcome, r.credited, r.deadline)) {
                        if (outcome == PromiseStatus.BROKEN) {
                            broken++;
                        } else {
                            partly++;
                        }
                        escalate(r, outcome, asOf, brokenBefore > 0, now);
                        brokenBefore++;
                    }
                } else if (r.credited.compareTo(r.storedPaid) != 0) {
                    jdbc.sql("UPDATE promise SET paid_amount = ? WHERE id = ? AND status = 'OPEN'").params(r.credited, r.id).update();
                }
            }
        }
        return new Promises.Evaluation(kept, partly, broken);
    }

    /** Gives one day's payments to the promises whose window holds the day, earliest promised date first. */
    private static void credit(List<Row> promises, DailyPayment p) {
        BigDecimal left = p.amount();
        for (Row r : promises) {
            if (left.signum() <= 0) {
                return;
            }
            if (p.day().isBefore(r.madeOn) || p.day().isAfter(r.deadline) || r.credited.compareTo(r.amount) >= 0) {
                continue;
            }
            BigDecimal take = left.min(r.amount.subtract(r.credited));
            r.credited = r.credited.add(take);
            left = left.subtract(take);
            if (r.credited.compareTo(r.amount) >= 0 && r.keptOn == null) {
                r.keptOn = p.day();
            }
        }
    }

    private boolean settle(Row r, PromiseStatus status, BigDecimal paid, LocalDate settledOn) {
        int n = jdbc.sql("UPDATE promise SET status = ?, paid_amount = ?, settled_on = ? WHERE id = ? AND status = 'OPEN'")
                .params(status.name(), Money.of(paid), Date.valueOf(settledOn), r.id).update();
        if (n == 1) {
            history.record("PROMISE", String.valueOf(r.id), r.customerCode, "SETTLE", Map.of("status", PromiseStatus.OPEN.name()),
                    Map.of("status", status.name(), "paidAmount", Money.of(paid), "settledOn", settledOn.toString()), "system", null);
        }
        return n == 1;
    }

    private void escalate(Row r, PromiseStatus outcome, LocalDate asOf, boolean repeat, Instant now) {
        events.publishEvent(new PromiseBroken(r.customerCode, r.id, r.amount, Money.of(r.credited), r.promisedDate, outcome));
        Date day = Date.valueOf(asOf);
        Overdue overdue = jdbc.sql("""
                SELECT coalesce(sum(x.open_amount), 0), min(x.due_date) FROM (
                    SELECT i.due_date, i.amount - (SELECT coalesce(sum(a.amount), 0) FROM allocation a WHERE a.invoice_id = i.id)
                                                - (SELECT coalesce(sum(n.amount), 0) FROM credit_note n WHERE n.invoice_id = i.id)
                                                - (SELECT coalesce(sum(w.amount), 0) FROM write_off w WHERE w.invoice_id = i.id) open_amount
                    FROM invoice i WHERE i.customer_id = ? AND i.due_date < ?) x
                WHERE x.open_amount > 0""")
                .params(r.customerId, day)
                .query((rs, n) -> new Overdue(Money.of(rs.getBigDecimal(1)), rs.getDate(2) == null ? null : rs.getDate(2).toLocalDate()))
                .single();
        int days = overdue.oldestDue() == null ? 0 : (int) ChronoUnit.DAYS.between(overdue.oldestDue(), asOf);
        Channel channel = repeat ? Channel.MANAGER_CALL : Channel.PHONE;
        BigDecimal risk = Priority.riskFactor(r.grade, r.malicious);
        BigDecimal score = Priority.score(overdue.amount(), risk, days, Priority.boost(TaskKind.PROMISE_BROKEN, channel, false));
        String reason = Priority.reason(overdue.amount(), risk, days, TaskKind.PROMISE_BROKEN, channel, false);
        jdbc.sql("""
                INSERT INTO collection_task (customer_id, task_key, kind, channel, tone, owner_role, assignee, due_date, overdue_amount,
                                             days_overdue, risk_factor, priority, reason, status, created_at)
                VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
                ON CONFLICT DO NOTHING""")
                .params(r.customerId, "P:" + r.id, TaskKind.PROMISE_BROKEN.name(), channel.name(), Tone.FIRM.name(),
                        (repeat ? Role.MANAGER : Role.COLLECTOR).name(), repeat ? null : r.owner, day, overdue.amount(), days, risk, score, reason,
                        TaskStatus.OPEN.name(), Timestamp.from(now))
                .update();
    }

    private record Overdue(BigDecimal amount, LocalDate oldestDue) {
    }
}
