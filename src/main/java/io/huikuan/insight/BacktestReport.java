package io.huikuan.insight;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * The backtest of the payment prediction over a period: per month end the invoices open then, how many turned out late,
 * the AUC of the probability of lateness and the mean absolute error of the pay date in days of the trees and of the two
 * baselines; the same pooled over every month; whether the trees beat both baselines (else they are not kept) and meet
 * the targets (AUC ≥ 0.80, pay-date error at least 20 % below "pays on its due date"); and {@code cash}: at each month end
 * whose next 30 days have passed, the cash forecast of those 30 days in CNY against what came in, with
 * {@code cashErrorPct}, the mean absolute error in percent (null when none could be judged).
 */
public record BacktestReport(YearMonth from, YearMonth to, LocalDate judgedAt, List<Month> months, Month overall, long millis,
        List<CashCheck.Result> cash, java.math.BigDecimal cashErrorPct) {

    /** One month end (or the pooled total, monthEnd null): counts, AUC and MAE of trees / customer average / due date. */
    public record Month(LocalDate monthEnd, int open, int late, int settled, double treesAuc, double averageAuc, double dueAuc, double treesMae,
            double averageMae, double dueMae, long trainMillis, int trainSamples, String model, String payDateModel) {
    }

    /** The trees beat both baselines on AUC and on the pay-date error (pooled over the period). */
    public boolean treesKept() {
        return overall.treesAuc() > overall.averageAuc() && overall.treesAuc() > overall.dueAuc() && overall.treesMae() < overall.averageMae()
                && overall.treesMae() < overall.dueMae();
    }

    /** AUC ≥ 0.80 and the pay-date error at least 20 % below "pays on its due date". */
    public boolean targetsMet() {
        return overall.treesAuc() >= 0.80 && overall.treesMae() <= 0.8 * overall.dueMae();
    }

    /** How much lower the trees' pay-date error is than "pays on its due date", in percent. */
    public double maeGainPct() {
        return overall.dueMae() == 0 ? 0 : 100 * (1 - overall.treesMae() / overall.dueMae());
    }
}
