package io.huikuan.credit;

import io.huikuan.ledger.BalancePeriods;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A generated portfolio with known behaviour, written straight into the ledger's tables (then the balance periods and
 * settlements derived as the ledger does): customers invoiced every 20 days or so from 2023-01-01, 30 days' terms,
 * each invoice paid once, in full, late by a customer's habit: punctual, slightly late, slow, very slow, deteriorating
 * (later and later) or improving; every customer's habit shifted by its own random factor, and every payment by noise.
 */
final class GeneratedPortfolio {

    static final LocalDate START = LocalDate.parse("2023-01-01");
    static final LocalDate END = LocalDate.parse("2025-06-30");
    /** The date scored; lateness is measured on the invoices due in the six months after it. */
    static final LocalDate SCORED_AT = LocalDate.parse("2024-12-31");

    private record Due(LocalDate due, LocalDate paid, BigDecimal amount) {
    }

    private final Map<Long, List<Due>> invoices = new HashMap<>();

    private GeneratedPortfolio() {
    }

    static GeneratedPortfolio create(JdbcClient jdbc, BalancePeriods balances, String prefix, int customers, long seed) {
        GeneratedPortfolio p = new GeneratedPortfolio();
        Random random = new Random(seed);
        Timestamp now = Timestamp.from(Instant.parse("2025-06-10T02:00:00Z"));
        long span = ChronoUnit.DAYS.between(START, END);
        for (int c = 0; c < customers; c++) {
            String code = prefix + "-" + c;
            jdbc.sql("INSERT INTO customer (code, name, created_at, updated_at) VALUES (?, ?, ?, ?)").params(code, "生成客户 " + code, now, now).update();
            long id = jdbc.sql("SELECT id FROM customer WHERE code = ?").param(code).query(Long.class).single();
            int habit = c % 6;
            double factor = 0.6 + 0.8 * random.nextDouble();
            List<Due> dues = new ArrayList<>();
            int n = 0;
            for (LocalDate issue = START.plusDays(random.nextInt(20)); !issue.plusDays(30).isAfter(END); issue = issue.plusDays(15 + random.nextInt(11))) {
                LocalDate due = issue.plusDays(30);
                double progress = (double) ChronoUnit.DAYS.between(START, due) / span;
                double mean = switch (habit) {
                    case 0 -> -2;
                    case 1 -> 7;
                    case 2 -> 25;
                    case 3 -> 60;
                    case 4 -> 2 + 60 * progress;
                    default -> 55 - 50 * progress;
                } * factor;
                double sd = habit == 0 ? 3 : 4 + Math.abs(mean) / 3;
                long late = Math.max(-5, Math.round(mean + sd * random.nextGaussian()));
                LocalDate paid = due.plusDays(late);
                BigDecimal amount = BigDecimal.valueOf(5000 + random.nextInt(45000)).add(BigDecimal.valueOf(random.nextInt(100), 2))
                        .setScale(2, RoundingMode.UNNECESSARY);
                String no = code + "-" + (n++);
                jdbc.sql("INSERT INTO invoice (invoice_no, customer_id, issue_date, due_date, amount, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                        .params(no, id, Date.valueOf(issue), Date.valueOf(due), amount, now, now).update();
                jdbc.sql("INSERT INTO payment (payment_ref, customer_id, payment_date, amount, method, created_at) VALUES (?, ?, ?, ?, 'BANK_TRANSFER', ?)")
                        .params(no, id, Date.valueOf(paid), amount, now).update();
                dues.add(new Due(due, paid, amount));
            }
            p.invoices.put(id, dues);
        }
        jdbc.sql("""
                INSERT INTO allocation (payment_id, invoice_id, amount, created_at, created_by)
                SELECT p.id, i.id, i.amount, ?, 'generator' FROM invoice i JOIN payment p ON p.payment_ref = i.invoice_no
                WHERE i.invoice_no LIKE ?""").params(now, prefix + "-%").update();
        balances.refresh(jdbc.sql("SELECT id FROM invoice WHERE invoice_no LIKE ?").param(prefix + "-%").query(Long.class).list());
        return p;
    }

    List<Long> customerIds() {
        return List.copyOf(invoices.keySet());
    }

    /** The amount-weighted days late (0 for early or on time) of the customer's invoices due in the six months after {@link #SCORED_AT}. */
    double latenessAfter(long customerId) {
        LocalDate until = SCORED_AT.plusMonths(6);
        double amount = 0;
        double days = 0;
        for (Due d : invoices.get(customerId)) {
            if (d.due().isAfter(SCORED_AT) && !d.due().isAfter(until)) {
                double a = d.amount().doubleValue();
                amount += a;
                days += a * Math.max(0, ChronoUnit.DAYS.between(d.due(), d.paid()));
            }
        }
        return amount == 0 ? 0 : days / amount;
    }
}
