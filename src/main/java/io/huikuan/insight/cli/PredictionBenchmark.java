package io.huikuan.insight.cli;

import io.huikuan.common.Cli;
import io.huikuan.common.ValidationException;
import io.huikuan.identity.CurrentUser;
import io.huikuan.insight.BacktestReport;
import io.huikuan.insight.PaymentPredictions;
import io.huikuan.insight.PredictionBacktest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code benchmark predictions --from=YYYY-MM --to=YYYY-MM [--as-of=YYYY-MM-DD]}: on the configured database as it is,
 * times training the model for as-of (default today) and predicting every invoice open then (cold, then cached), and
 * runs the backtest over the period: per month end AUC and pay-date error of the trees and the two baselines, as a
 * Markdown table, with whether the trees are kept and the targets met.
 */
@Component
@Profile("cli")
class PredictionBenchmark implements ApplicationRunner, ExitCodeGenerator {

    private final JdbcClient jdbc;
    private final PaymentPredictions predictions;
    private final PredictionBacktest backtest;
    private final io.huikuan.insight.CashForecasts forecasts;
    private final Clock clock;
    private int exitCode;

    PredictionBenchmark(JdbcClient jdbc, PaymentPredictions predictions, PredictionBacktest backtest, io.huikuan.insight.CashForecasts forecasts,
            Clock clock) {
        this.forecasts = forecasts;
        this.jdbc = jdbc;
        this.predictions = predictions;
        this.backtest = backtest;
        this.clock = clock;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!Cli.invokes(args, "benchmark", "predictions")) {
            return;
        }
        long customers = jdbc.sql("SELECT count(*) FROM customer").query(Long.class).single();
        long invoices = jdbc.sql("SELECT count(*) FROM invoice").query(Long.class).single();
        if (invoices == 0) {
            System.err.println("benchmark predictions: the database holds no invoices; load some first (generate --invoices=1000000 ...)");
            exitCode = 2;
            return;
        }
        try {
            LocalDate asOf = Cli.option(args, "as-of") == null ? LocalDate.now(clock) : LocalDate.parse(Cli.option(args, "as-of"));
            System.out.printf(Locale.ROOT, "benchmark predictions: %,d customers, %,d invoices; %d cores%n%n", customers, invoices,
                    Runtime.getRuntime().availableProcessors());
            long start = System.nanoTime();
            int open = CurrentUser.asSystem(() -> predictions.all(asOf)).size();
            double cold = (System.nanoTime() - start) / 1e6;
            start = System.nanoTime();
            CurrentUser.asSystem(() -> predictions.page(asOf, 0, 50));
            double warm = (System.nanoTime() - start) / 1e6;
            System.out.printf(Locale.ROOT, "as of %s: %,d open invoices; train the model and predict them all (cold) %.0f ms, of it training %s; "
                    + "one page of 50 from the cache %.0f ms%n%n", asOf, open, cold, predictions.describe(asOf), warm);
            start = System.nanoTime();
            io.huikuan.insight.CashForecastReport f = CurrentUser.asSystem(() -> forecasts.forecast(asOf, 91, null));
            System.out.printf(Locale.ROOT, "cash forecast of the 13 weeks after %s (predictions cached): %,.2f %s expected (predictions %,.2f, "
                    + "promises %,.2f, plans %,.2f) in %.0f ms%n%n", asOf, f.total(), f.currency(), f.bySource().predictions(),
                    f.bySource().promises(), f.bySource().plans(), (System.nanoTime() - start) / 1e6);
            BacktestReport r = CurrentUser.asSystem(() -> backtest.run(Cli.option(args, "from"), Cli.option(args, "to")));
            print(r);
        } catch (ValidationException e) {
            System.err.println("benchmark predictions: " + e.getMessage()
                    + "\nusage: benchmark predictions --from=YYYY-MM --to=YYYY-MM [--as-of=YYYY-MM-DD]");
            exitCode = 2;
        } catch (java.time.format.DateTimeParseException e) {
            System.err.println("benchmark predictions: --as-of must be a date YYYY-MM-DD");
            exitCode = 2;
        }
    }

    private static void print(BacktestReport r) {
        System.out.printf(Locale.ROOT, "backtest %s to %s (outcomes as known on %s), %.1f s in all%n%n", r.from(), r.to(), r.judgedAt(), r.millis() / 1000.0);
        System.out.println("| month end | open | late | AUC trees | AUC customer avg | AUC due date | MAE trees (days) | MAE customer avg | MAE due date | training |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        for (BacktestReport.Month m : r.months()) {
            row(m.monthEnd().toString(), m, String.format(Locale.ROOT, "%,d samples, %.1f s; %s / %s", m.trainSamples(), m.trainMillis() / 1000.0,
                    m.model(), m.payDateModel()));
        }
        row("**all**", r.overall(), "");
        System.out.println();
        System.out.printf(Locale.ROOT, "trees kept (beat both baselines): %s; targets (AUC >= 0.80, MAE >= 20%% below due date: %.1f%%) met: %s%n",
                r.treesKept(), r.maeGainPct(), r.targetsMet());
        System.out.println();
        System.out.println("cash forecast of the 30 days after each month end (CNY) against what came in:");
        System.out.println();
        System.out.println("| month end | forecast | received | error |");
        System.out.println("| --- | ---: | ---: | ---: |");
        for (io.huikuan.insight.CashCheck.Result c : r.cash()) {
            System.out.printf(Locale.ROOT, "| %s | %,.2f | %,.2f | %s |%n", c.asOf(), c.forecast(), c.actual(), c.errorPct() == null ? "-" : c.errorPct() + " %");
        }
        System.out.printf(Locale.ROOT, "%nmean absolute error of the cash forecast: %s%n", r.cashErrorPct() == null ? "- (no month end judged)" : r.cashErrorPct() + " %");
    }

    private static void row(String label, BacktestReport.Month m, String training) {
        System.out.printf(Locale.ROOT, "| %s | %,d | %,d | %.3f | %.3f | %.3f | %.1f | %.1f | %.1f | %s |%n", label, m.open(), m.late(), m.treesAuc(),
                m.averageAuc(), m.dueAuc(), m.treesMae(), m.averageMae(), m.dueMae(), training);
    }
}
