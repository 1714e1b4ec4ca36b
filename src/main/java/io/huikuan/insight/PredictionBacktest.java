package io.huikuan.insight;

import io.huikuan.common.ValidationException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Service;

/**
 * The backtest anyone can rerun (issue 17, item 2): at each month end of the period the model for that day is trained
 * point in time and predicts the invoices open then; what happened is read from today's ledger: late when settled after
 * the due date or still open past it today; the pay-date error over the invoices settled since. The trees are compared
 * with the two baselines ({@link Baselines}). The latest report is kept for the page.
 */
@Service
public class PredictionBacktest {

    /** The longest period one run covers. */
    public static final int MAX_MONTHS = 36;

    private final FactQueries facts;
    private final PaymentPredictions predictions;
    private final CashCheck cash;
    private final Clock clock;
    private final AtomicReference<BacktestReport> last = new AtomicReference<>();

    PredictionBacktest(FactQueries facts, PaymentPredictions predictions, CashCheck cash, Clock clock) {
        this.facts = facts;
        this.predictions = predictions;
        this.cash = cash;
        this.clock = clock;
    }

    /** The latest report run since start-up, or null. */
    public BacktestReport last() {
        return last.get();
    }

    /** Parses and checks the period ("YYYY-MM", from ≤ to, the last month ended, at most {@link #MAX_MONTHS}) and runs it. */
    public BacktestReport run(String from, String to) {
        YearMonth f = month("from", from);
        YearMonth t = month("to", to);
        if (t.isBefore(f)) {
            throw ValidationException.coded("to", to, "insight.toBeforeFrom", "the same month as from or later");
        }
        if (!t.atEndOfMonth().isBefore(LocalDate.now(clock))) {
            throw ValidationException.coded("to", to, "insight.monthNotEnded", "a month that has ended (before " + YearMonth.now(clock) + ")");
        }
        if (ChronoUnit.MONTHS.between(f, t) >= MAX_MONTHS) {
            throw ValidationException.coded("to", to, "insight.tooManyMonths", "at most " + MAX_MONTHS + " months after from", MAX_MONTHS);
        }
        return run(f, t, PaymentModel.Settings.DEFAULT);
    }

    BacktestReport run(YearMonth from, YearMonth to, PaymentModel.Settings settings) {
        long start = System.nanoTime();
        LocalDate today = LocalDate.now(clock);
        List<BacktestReport.Month> months = new ArrayList<>();
        Pool pool = new Pool();
        List<CashCheck.Result> cashChecks = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            LocalDate end = m.atEndOfMonth();
            // the default model is the one the API answers with (cached per date and ledger version): the cash check reuses it
            PaymentModel model = settings == PaymentModel.Settings.DEFAULT ? predictions.model(end) : PaymentModel.train(facts, end, settings);
            if (settings == PaymentModel.Settings.DEFAULT) {
                CashCheck.Result checked = cash.at(end, today);
                if (checked != null) {
                    cashChecks.add(checked);
                }
            }
            List<InvoiceFacts> open = new ArrayList<>();
            facts.openAt(end, open::add);
            Pool month = new Pool();
            List<Estimate> trees = model.treesOnly(open);
            for (int i = 0; i < open.size(); i++) {
                InvoiceFacts f = open.get(i);
                Estimate[] e = {trees == null ? Baselines.customerAverage(f) : trees.get(i), Baselines.customerAverage(f), Baselines.dueDate(f)};
                month.add(f, e, today);
                pool.add(f, e, today);
            }
            months.add(month.result(end, model.validation().trainMillis(), model.validation().samples(), model.lateModel(), model.payModel()));
        }
        BacktestReport report = new BacktestReport(from, to, today, List.copyOf(months), pool.result(null, 0, 0, null, null),
                (System.nanoTime() - start) / 1_000_000, List.copyOf(cashChecks), CashCheck.meanAbsoluteError(cashChecks));
        last.set(report);
        return report;
    }

    /** The outcomes and the three estimates of a set of invoices. */
    private static final class Pool {
        private final List<double[]> probabilities = new ArrayList<>();
        private final List<Boolean> late = new ArrayList<>();
        private final double[] errorSums = new double[3];
        private int open;
        private int settled;

        void add(InvoiceFacts f, Estimate[] e, LocalDate today) {
            open++;
            boolean known = f.settledOn() != null || f.dueDate().isBefore(today);
            if (known) {
                late.add(f.settledOn() == null || f.settledOn().isAfter(f.dueDate()));
                probabilities.add(new double[] {e[0].probabilityLate(), e[1].probabilityLate(), e[2].probabilityLate()});
            }
            if (f.settledOn() != null) {
                settled++;
                for (int k = 0; k < 3; k++) {
                    errorSums[k] += Math.abs(ChronoUnit.DAYS.between(f.settledOn(), e[k].payDate()));
                }
            }
        }

        BacktestReport.Month result(LocalDate end, long trainMillis, int samples, String model, String payModel) {
            boolean[] l = new boolean[late.size()];
            int lateCount = 0;
            for (int i = 0; i < l.length; i++) {
                l[i] = late.get(i);
                lateCount += l[i] ? 1 : 0;
            }
            double[] auc = new double[3];
            for (int k = 0; k < 3; k++) {
                int kk = k;
                auc[k] = Scores.auc(probabilities.stream().mapToDouble(p -> p[kk]).toArray(), l);
            }
            double[] mae = new double[3];
            for (int k = 0; k < 3; k++) {
                mae[k] = settled == 0 ? Double.NaN : errorSums[k] / settled;
            }
            return new BacktestReport.Month(end, open, lateCount, settled, auc[0], auc[1], auc[2], mae[0], mae[1], mae[2], trainMillis, samples,
                    model, payModel);
        }
    }

    private static YearMonth month(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            throw ValidationException.coded(field, raw, "insight.monthRequired", "required, a month as YYYY-MM");
        }
        try {
            YearMonth m = YearMonth.parse(raw.strip());
            if (m.getYear() < 1900 || m.getYear() > 2999) {
                throw ValidationException.coded(field, raw, "insight.month", "a month as YYYY-MM between 1900-01 and 2999-12");
            }
            return m;
        } catch (java.time.format.DateTimeParseException e) {
            throw ValidationException.coded(field, raw, "insight.month", "a month as YYYY-MM between 1900-01 and 2999-12");
        }
    }
}
