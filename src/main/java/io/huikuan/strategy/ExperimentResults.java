package io.huikuan.strategy;

import io.huikuan.common.NotFoundException;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import io.huikuan.ledger.OverduePeriods;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How the two arms of an experiment did, as of a date, from the recorded assignments only (issue 17, item 5). A customer
 * is judged {@link #DAYS} days after the day it was first placed, when that day is on or before asOf: it was overdue then
 * and is cured if nothing is overdue 30 days later; {@code collected} is what it paid in those 30 days. Per arm: the
 * cure rate with its 95 % Wilson interval, the mean collected per judged customer with its 95 % interval (normal
 * approximation), and the challenger's lead in cure rate over the champion with its 95 % interval — {@code decided}
 * when that interval leaves out zero.
 */
@Service
public class ExperimentResults {

    public static final int DAYS = 30;
    private static final double Z = 1.959964;

    /** One arm's figures. Rates and means are null when nothing is judged. */
    public record Arm(String arm, String strategy, long customers, long judged, long overdueAtStart, long cured, BigDecimal cureRate,
            BigDecimal cureLow, BigDecimal cureHigh, BigDecimal collected, BigDecimal meanCollected, BigDecimal meanLow, BigDecimal meanHigh) {
    }

    /** The comparison; {@code lead*} in percentage points (challenger − champion), null when an arm has nothing judged. */
    public record Comparison(Experiment experiment, LocalDate asOf, Arm champion, Arm challenger, BigDecimal lead, BigDecimal leadLow,
            BigDecimal leadHigh, boolean decided) {
    }

    private final JdbcClient jdbc;
    private final Experiments experiments;
    private final OverduePeriods overduePeriods;
    private final Clock clock;

    ExperimentResults(JdbcClient jdbc, Experiments experiments, OverduePeriods overduePeriods, Clock clock) {
        this.jdbc = jdbc;
        this.overduePeriods = overduePeriods;
        this.experiments = experiments;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Comparison compare(long experimentId, LocalDate asOf) {
        CurrentUser.require("see experiments", Role.MANAGER);
        Experiment e = experiments.find(experimentId).orElseThrow(() -> new NotFoundException("experiment", String.valueOf(experimentId)));
        LocalDate day = asOf == null ? LocalDate.now(clock) : asOf;
        record Placed(long customerId, String arm, LocalDate on) {
        }
        List<Placed> placed = jdbc.sql("SELECT customer_id, arm, assigned_on FROM segment_experiment_arm WHERE experiment_id = ? AND assigned_on <= ?")
                .params(e.id(), Date.valueOf(day)).query((rs, n) -> new Placed(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate())).list();
        LocalDate first = placed.stream().map(Placed::on).min(LocalDate::compareTo).orElse(day);
        Map<Long, List<OverduePeriods.Period>> periods = placed.isEmpty() ? Map.of()
                : overduePeriods.of("SELECT customer_id FROM segment_experiment_arm WHERE experiment_id = ?", List.of(e.id()), first, day);
        Map<Long, List<Object[]>> payments = new HashMap<>();
        jdbc.sql("""
                SELECT y.customer_id, y.payment_date, y.amount FROM payment y
                WHERE y.customer_id IN (SELECT customer_id FROM segment_experiment_arm WHERE experiment_id = ?) AND y.payment_date <= ?""")
                .params(e.id(), Date.valueOf(day))
                .query((rs, n) -> payments.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new Object[] {rs.getDate(2).toLocalDate(), rs.getBigDecimal(3)}))
                .list();
        Tally champion = new Tally();
        Tally challenger = new Tally();
        for (Placed p : placed) {
            Tally t = Experiment.CHALLENGER.equals(p.arm()) ? challenger : champion;
            t.customers++;
            LocalDate later = p.on().plusDays(DAYS);
            if (later.isAfter(day)) {
                continue;
            }
            t.judged++;
            BigDecimal paid = BigDecimal.ZERO;
            for (Object[] y : payments.getOrDefault(p.customerId(), List.of())) {
                LocalDate d = (LocalDate) y[0];
                if (d.isAfter(p.on()) && !d.isAfter(later)) {
                    paid = paid.add((BigDecimal) y[1]);
                }
            }
            t.collected.add(paid);
            if (OverduePeriods.overdueOn(periods.get(p.customerId()), p.on()).signum() > 0) {
                t.overdue++;
                t.cured += OverduePeriods.overdueOn(periods.get(p.customerId()), later).signum() == 0 ? 1 : 0;
            }
        }
        Arm a = champion.arm(Experiment.CHAMPION, e.label(Experiment.CHAMPION));
        Arm b = challenger.arm(Experiment.CHALLENGER, e.label(Experiment.CHALLENGER));
        BigDecimal lead = null;
        BigDecimal low = null;
        BigDecimal high = null;
        if (champion.overdue > 0 && challenger.overdue > 0) {
            double p1 = (double) champion.cured / champion.overdue;
            double p2 = (double) challenger.cured / challenger.overdue;
            double se = Math.sqrt(p1 * (1 - p1) / champion.overdue + p2 * (1 - p2) / challenger.overdue);
            lead = pct(p2 - p1);
            low = pct(p2 - p1 - Z * se);
            high = pct(p2 - p1 + Z * se);
        }
        boolean decided = low != null && (low.signum() > 0 || high.signum() < 0);
        return new Comparison(e, day, a, b, lead, low, high, decided);
    }

    private static final class Tally {
        long customers;
        long judged;
        long overdue;
        long cured;
        final List<BigDecimal> collected = new ArrayList<>();

        Arm arm(String arm, String strategy) {
            BigDecimal total = collected.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal rate = null;
            BigDecimal low = null;
            BigDecimal high = null;
            if (overdue > 0) {
                double p = (double) cured / overdue;
                double n = overdue;
                double centre = (p + Z * Z / (2 * n)) / (1 + Z * Z / n);
                double half = Z * Math.sqrt(p * (1 - p) / n + Z * Z / (4 * n * n)) / (1 + Z * Z / n);
                rate = pct(p);
                low = pct(Math.max(0, centre - half));
                high = pct(Math.min(1, centre + half));
            }
            BigDecimal mean = null;
            BigDecimal meanLow = null;
            BigDecimal meanHigh = null;
            if (!collected.isEmpty()) {
                double m = total.doubleValue() / collected.size();
                double var = 0;
                for (BigDecimal c : collected) {
                    var += Math.pow(c.doubleValue() - m, 2);
                }
                double se = collected.size() > 1 ? Math.sqrt(var / (collected.size() - 1) / collected.size()) : 0;
                mean = money(m);
                meanLow = money(m - Z * se);
                meanHigh = money(m + Z * se);
            }
            return new Arm(arm, strategy, customers, judged, overdue, cured, rate, low, high, total.setScale(2, RoundingMode.HALF_UP), mean, meanLow,
                    meanHigh);
        }
    }

    private static BigDecimal pct(double share) {
        return BigDecimal.valueOf(share * 100).setScale(1, RoundingMode.HALF_UP);
    }

    private static BigDecimal money(double v) {
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP);
    }
}
