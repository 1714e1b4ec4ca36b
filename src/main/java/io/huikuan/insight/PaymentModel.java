package io.huikuan.insight;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * The prediction model for one date D, point in time: trained on the invoices open at each month end of the
 * {@code months} before D (features as of that month end) whose outcome is known at D (settled by D, or already
 * overdue at D and so known to be late), a bounded random sample of at most {@code maxSamples}. A fifth of the sample
 * is held out: the trees are kept for an output (the probability, the pay date) only where they beat both baselines on
 * it (a higher AUC, a lower mean absolute error in days); elsewhere the better baseline answers.
 */
final class PaymentModel {

    /** Training settings: the window in months, the sample bound, the trees and threads. */
    record Settings(int months, int maxSamples, int trees, int threads) {
        static final Settings DEFAULT = new Settings(24, 50_000, 100, 1);
    }

    /** What the hold-out measured: AUC and MAE of the trees and the two baselines; sizes. */
    record Validation(int samples, int heldOut, double treesAuc, double averageAuc, double dueAuc, double treesMae, double averageMae,
            double dueMae, long trainMillis, long readMillis) {
    }

    private final LocalDate asOf;
    private final BoostedTrees trees;
    private final String lateModel;
    private final String payModel;
    private final Validation validation;

    private PaymentModel(LocalDate asOf, BoostedTrees trees, String lateModel, String payModel, Validation validation) {
        this.asOf = asOf;
        this.trees = trees;
        this.lateModel = lateModel;
        this.payModel = payModel;
        this.validation = validation;
    }

    static PaymentModel train(FactQueries facts, LocalDate asOf, Settings settings) {
        long start = System.nanoTime();
        List<BoostedTrees.Sample> samples = samples(facts, asOf, settings);
        long read = (System.nanoTime() - start) / 1_000_000;
        List<BoostedTrees.Sample> train = new ArrayList<>();
        List<BoostedTrees.Sample> hold = new ArrayList<>();
        for (BoostedTrees.Sample s : samples) {
            (Math.floorMod(s.facts().invoiceId() * 31 + s.facts().cutOff().toEpochDay(), 5) == 0 ? hold : train).add(s);
        }
        BoostedTrees trees = BoostedTrees.train(train, settings.trees(), settings.threads(), asOf.toEpochDay());
        List<InvoiceFacts> heldFacts = hold.stream().map(BoostedTrees.Sample::facts).toList();
        List<Estimate> byTrees = trees == null ? null : trees.predict(heldFacts);
        double[] auc = new double[3];
        double[] mae = new double[3];
        List<List<Estimate>> all = new ArrayList<>();
        all.add(byTrees);
        all.add(heldFacts.stream().map(Baselines::customerAverage).toList());
        all.add(heldFacts.stream().map(Baselines::dueDate).toList());
        boolean[] late = new boolean[hold.size()];
        for (int i = 0; i < hold.size(); i++) {
            late[i] = hold.get(i).late();
        }
        for (int m = 0; m < 3; m++) {
            List<Estimate> e = all.get(m);
            if (e == null) {
                auc[m] = Double.NaN;
                mae[m] = Double.NaN;
                continue;
            }
            auc[m] = Scores.auc(e.stream().mapToDouble(Estimate::probabilityLate).toArray(), late);
            List<Double> errors = new ArrayList<>();
            for (int i = 0; i < hold.size(); i++) {
                if (hold.get(i).facts().settledBy(asOf)) {
                    errors.add((double) Math.abs(ChronoUnit.DAYS.between(hold.get(i).facts().settledOn(), e.get(i).payDate())));
                }
            }
            mae[m] = Scores.mae(errors.stream().mapToDouble(Double::doubleValue).toArray());
        }
        String betterLate = !(auc[2] > auc[1]) ? Baselines.CUSTOMER_AVERAGE : Baselines.DUE_DATE;
        String betterPay = mae[2] < mae[1] ? Baselines.DUE_DATE : Baselines.CUSTOMER_AVERAGE;
        String lateModel = trees != null && auc[0] > auc[1] && auc[0] > auc[2] ? BoostedTrees.NAME : betterLate;
        String payModel = trees != null && mae[0] < mae[1] && mae[0] < mae[2] ? BoostedTrees.NAME : betterPay;
        Validation v = new Validation(samples.size(), hold.size(), auc[0], auc[1], auc[2], mae[0], mae[1], mae[2],
                (System.nanoTime() - start) / 1_000_000, read);
        return new PaymentModel(asOf, trees, lateModel, payModel, v);
    }

    /** The training rows for D: month ends before D in the window, outcome known at D, a bounded random sample. */
    static List<BoostedTrees.Sample> samples(FactQueries facts, LocalDate asOf, Settings settings) {
        List<BoostedTrees.Sample> out = new ArrayList<>();
        Random random = new Random(asOf.toEpochDay());
        long seen = 0;
        // about as many invoices are open at each month end as at D: sample customers so the rows stay near the bound
        long every = Math.max(1, (facts.openCount(asOf) * settings.months() + settings.maxSamples() - 1) / settings.maxSamples());
        YearMonth month = YearMonth.from(asOf).minusMonths(1);
        for (int i = 0; i < settings.months(); i++, month = month.minusMonths(1)) {
            List<BoostedTrees.Sample> rows = new ArrayList<>();
            facts.openAt(month.atEndOfMonth(), every, f -> {
                BoostedTrees.Sample s = sample(f, asOf);
                if (s != null) {
                    rows.add(s);
                }
            });
            // the statement's row order is the database's: sorted, the sample (and so the model) depends only on the facts
            rows.sort(Comparator.comparingLong(s -> s.facts().invoiceId()));
            for (BoostedTrees.Sample s : rows) {
                seen++;
                if (out.size() < settings.maxSamples()) {
                    out.add(s);
                } else {
                    long j = (long) (random.nextDouble() * seen);
                    if (j < settings.maxSamples()) {
                        out.set((int) j, s);
                    }
                }
            }
        }
        return out;
    }

    /** The row of one invoice open at a month end before D: its outcome as known at D, or null when not yet known. */
    private static BoostedTrees.Sample sample(InvoiceFacts f, LocalDate asOf) {
        if (f.settledBy(asOf)) {
            return new BoostedTrees.Sample(f, f.settledOn().isAfter(f.dueDate()), (double) f.payDays());
        }
        if (f.dueDate().isBefore(asOf)) {
            // still open at D and past due: known to be late (the pay date is not known yet: not a row of the regression)
            return new BoostedTrees.Sample(f, true, null);
        }
        return null;
    }

    /** The estimates that answer for these invoices (open at {@link #asOf()}), in their order. */
    List<Estimate> predict(List<InvoiceFacts> open) {
        List<Estimate> boosted = trees == null ? null : trees.predict(open);
        List<Estimate> out = new ArrayList<>(open.size());
        for (int i = 0; i < open.size(); i++) {
            InvoiceFacts f = open.get(i);
            double p = BoostedTrees.NAME.equals(lateModel) ? boosted.get(i).probabilityLate() : Baselines.of(lateModel, f).probabilityLate();
            LocalDate d = BoostedTrees.NAME.equals(payModel) ? boosted.get(i).payDate() : Baselines.of(payModel, f).payDate();
            out.add(new Estimate(p, d));
        }
        return out;
    }

    /** The trees' own estimates (null when none could be trained), for the backtest. */
    List<Estimate> treesOnly(List<InvoiceFacts> open) {
        return trees == null ? null : trees.predict(open);
    }

    LocalDate asOf() {
        return asOf;
    }

    String lateModel() {
        return lateModel;
    }

    String payModel() {
        return payModel;
    }

    Validation validation() {
        return validation;
    }
}
