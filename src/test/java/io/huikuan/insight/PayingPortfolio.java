package io.huikuan.insight;

import io.huikuan.ledger.BalancePeriods;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A generated portfolio with known payment behaviour, written straight into the ledger's tables (then the balance periods
 * and settlements derived as the ledger does), like the credit module's generator: customers invoiced every 15–25 days
 * from 2023-01-01 on 30 or 60 days' terms, each invoice paid once, in full, late by the customer's habit (punctual,
 * slightly late, slow, very slow, deteriorating, improving) times the customer's own factor, plus what a collector
 * knows moves payments: an invoice much larger than the customer's usual is paid later, and so is one due around the
 * Spring Festival (January, February); every payment has noise.
 */
final class PayingPortfolio {

    static final LocalDate START = LocalDate.parse("2023-01-01");
    static final LocalDate END = LocalDate.parse("2025-06-30");

    private PayingPortfolio() {
    }

    /** Writes {@code customers} customers (codes {@code prefix-n}, owner {@code owner} for the first two) and returns their invoices' count. */
    static int create(JdbcClient jdbc, BalancePeriods balances, String prefix, int customers, String owner, long seed) {
        Random random = new Random(seed);
        Timestamp now = Timestamp.from(Instant.parse("2025-06-10T02:00:00Z"));
        long span = ChronoUnit.DAYS.between(START, END);
        int count = 0;
        for (int c = 0; c < customers; c++) {
            String code = prefix + "-" + c;
            jdbc.sql("INSERT INTO customer (code, name, owner, created_at, updated_at) VALUES (?, ?, ?, ?, ?)")
                    .params(code, "生成客户 " + code, c < 2 ? owner : null, now, now).update();
            long id = jdbc.sql("SELECT id FROM customer WHERE code = ?").param(code).query(Long.class).single();
            int habit = c % 6;
            double factor = 0.6 + 0.8 * random.nextDouble();
            int terms = random.nextBoolean() ? 30 : 60;
            double usual = 5000 + random.nextInt(45000);
            int n = 0;
            for (LocalDate issue = START.plusDays(random.nextInt(20)); !issue.plusDays(terms).isAfter(END); issue = issue.plusDays(15 + random.nextInt(11))) {
                LocalDate due = issue.plusDays(terms);
                double progress = (double) ChronoUnit.DAYS.between(START, due) / span;
                double mean = switch (habit) {
                    case 0 -> -2;
                    case 1 -> 7;
                    case 2 -> 25;
                    case 3 -> 60;
                    case 4 -> 2 + 60 * progress;
                    default -> 55 - 50 * progress;
                } * factor;
                double size = Math.exp(0.6 * random.nextGaussian());
                if (size > 2) {
                    mean += 20;
                }
                if (due.getMonthValue() <= 2) {
                    mean += 12;
                }
                double sd = habit == 0 ? 3 : 4 + Math.abs(mean) / 4;
                long late = Math.max(-5, Math.round(mean + sd * random.nextGaussian()));
                LocalDate paid = due.plusDays(late);
                BigDecimal amount = BigDecimal.valueOf(usual * size).setScale(2, RoundingMode.HALF_UP);
                String no = code + "-" + (n++);
                jdbc.sql("INSERT INTO invoice (invoice_no, customer_id, issue_date, due_date, amount, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                        .params(no, id, Date.valueOf(issue), Date.valueOf(due), amount, now, now).update();
                jdbc.sql("INSERT INTO payment (payment_ref, customer_id, payment_date, amount, method, created_at) VALUES (?, ?, ?, ?, 'BANK_TRANSFER', ?)")
                        .params(no, id, Date.valueOf(paid), amount, now).update();
                count++;
            }
        }
        jdbc.sql("""
                INSERT INTO allocation (payment_id, invoice_id, amount, created_at, created_by)
                SELECT p.id, i.id, i.amount, ?, 'generator' FROM invoice i JOIN payment p ON p.payment_ref = i.invoice_no
                WHERE i.invoice_no LIKE ?""").params(now, prefix + "-%").update();
        balances.refresh(jdbc.sql("SELECT id FROM invoice WHERE invoice_no LIKE ?").param(prefix + "-%").query(Long.class).list());
        return count;
    }
}
