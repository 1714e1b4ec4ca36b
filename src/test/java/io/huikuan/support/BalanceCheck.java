package io.huikuan.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Checks the ledger's balance read model against the as-of rules computed here from the base
 * tables alone: for every date on which anything happened (and the day before and after), every
 * invoice's open balance in {@code balance_period} equals its amount less the allocations, credit
 * notes and write-offs dated by then; and {@code invoice_settlement} holds exactly the invoices
 * whose balance reached zero, on the first such day, with their days to pay and days late.
 */
public final class BalanceCheck {

    private BalanceCheck() {
    }

    /** One reduction of an invoice's balance. */
    private record Reduction(long invoiceId, LocalDate date, BigDecimal amount) {
    }

    private static int month(LocalDate d) {
        return d.getYear() * 12 + d.getMonthValue() - 1;
    }

    private record Inv(long id, LocalDate issue, LocalDate due, BigDecimal amount) {
    }

    public static void assertReadModelMatchesLedger(JdbcClient jdbc) {
        Map<Long, Inv> invoices = new HashMap<>();
        jdbc.sql("SELECT id, issue_date, due_date, amount FROM invoice").query((rs, n) -> invoices.put(rs.getLong(1),
                new Inv(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class), rs.getBigDecimal(4)))).list();
        List<Reduction> reductions = new ArrayList<>();
        jdbc.sql("""
                SELECT a.invoice_id, p.payment_date, a.amount FROM allocation a JOIN payment p ON p.id = a.payment_id
                UNION ALL SELECT invoice_id, note_date, amount FROM credit_note
                UNION ALL SELECT invoice_id, write_off_date, amount FROM write_off""")
                .query((rs, n) -> reductions.add(new Reduction(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getBigDecimal(3))))
                .list();
        TreeSet<LocalDate> dates = new TreeSet<>();
        invoices.values().forEach(i -> dates.add(i.issue()));
        reductions.forEach(r -> dates.add(r.date()));
        TreeSet<LocalDate> probes = new TreeSet<>();
        dates.forEach(d -> {
            probes.add(d.minusDays(1));
            probes.add(d);
            probes.add(d.plusDays(1));
        });
        for (LocalDate d : probes) {
            Map<Long, BigDecimal> expected = new TreeMap<>();
            for (Inv i : invoices.values()) {
                if (i.issue().isAfter(d)) {
                    continue;
                }
                BigDecimal open = i.amount();
                for (Reduction r : reductions) {
                    if (r.invoiceId() == i.id() && !r.date().isAfter(d)) {
                        open = open.subtract(r.amount());
                    }
                }
                if (open.signum() > 0) {
                    expected.put(i.id(), open.setScale(2));
                }
            }
            Map<Long, BigDecimal> actual = new TreeMap<>();
            jdbc.sql("SELECT invoice_id, open_amount FROM balance_period WHERE valid_from <= ? AND (valid_to IS NULL OR valid_to > ?)")
                    .params(java.sql.Date.valueOf(d), java.sql.Date.valueOf(d))
                    .query((rs, n) -> actual.put(rs.getLong(1), rs.getBigDecimal(2).setScale(2))).list();
            assertThat(actual).as("open balances as of %s", d).isEqualTo(expected);
        }

        // the month numbers the trend groups by
        jdbc.sql("SELECT valid_from, valid_to, due_date, from_month, to_month, due_key FROM balance_period").query((rs, n) -> {
            LocalDate from = rs.getObject(1, LocalDate.class);
            LocalDate to = rs.getObject(2, LocalDate.class);
            LocalDate due = rs.getObject(3, LocalDate.class);
            assertThat(rs.getInt(4)).as("from_month of %s", from).isEqualTo(month(from));
            Integer toMonth = (Integer) rs.getObject(5);
            assertThat(toMonth).as("to_month of %s", to).isEqualTo(to == null ? null : month(to));
            int dueKey = month(due) + (due.getDayOfMonth() == due.lengthOfMonth() ? 1 : 0);
            assertThat(rs.getInt(6)).as("due_key of %s", due).isEqualTo(dueKey);
            return null;
        }).list();

        Map<Long, String> expectedSettled = new TreeMap<>();
        for (Inv i : invoices.values()) {
            BigDecimal open = i.amount();
            LocalDate settled = null;
            TreeMap<LocalDate, BigDecimal> byDay = new TreeMap<>();
            for (Reduction r : reductions) {
                if (r.invoiceId() == i.id()) {
                    byDay.merge(r.date().isBefore(i.issue()) ? i.issue() : r.date(), r.amount(), BigDecimal::add);
                }
            }
            for (var e : byDay.entrySet()) {
                open = open.subtract(e.getValue());
                if (open.signum() <= 0) {
                    settled = e.getKey();
                    break;
                }
            }
            if (settled != null) {
                long late = Math.max(0, ChronoUnit.DAYS.between(i.due(), settled));
                expectedSettled.put(i.id(), settled + " " + ChronoUnit.DAYS.between(i.issue(), settled) + " " + late);
            }
        }
        Map<Long, String> actualSettled = new TreeMap<>();
        jdbc.sql("SELECT invoice_id, settled_on, days_to_pay, days_late FROM invoice_settlement")
                .query((rs, n) -> actualSettled.put(rs.getLong(1), rs.getObject(2, LocalDate.class) + " " + rs.getInt(3) + " " + rs.getInt(4)))
                .list();
        assertThat(actualSettled).as("settlements").isEqualTo(expectedSettled);
    }
}
