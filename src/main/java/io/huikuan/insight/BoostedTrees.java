package io.huikuan.insight;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.xgboost.XGBoostRegressionTrainer;

/**
 * Gradient-boosted trees (XGBoost through Tribuo): a classifier of "paid after the due date" and a regression of the days
 * from the due date to the settlement, both on the features of {@link InvoiceFacts#FEATURES}. Only training and
 * prediction live here; which invoices it learns from is {@link PaymentModel}'s business.
 */
final class BoostedTrees {

    static final String NAME = "xgboost";
    private static final String LATE = "LATE";
    private static final String ON_TIME = "ON_TIME";
    private static final String DAYS = "days";

    private final Model<Label> late;
    private final Model<Regressor> days;

    private BoostedTrees(Model<Label> late, Model<Regressor> days) {
        this.late = late;
        this.days = days;
    }

    /** One training row: the facts, whether it was (or is known to be) paid late, and the days from due to pay (or null). */
    record Sample(InvoiceFacts facts, boolean late, Double payDays) {
    }

    /** Trains both models; null when there are too few rows or only one outcome to learn from. */
    static BoostedTrees train(List<Sample> samples, int trees, int threads, long seed) {
        LabelFactory labels = new LabelFactory();
        MutableDataset<Label> lateData = new MutableDataset<>(new SimpleDataSourceProvenance("paid late", labels), labels);
        RegressionFactory regressors = new RegressionFactory();
        MutableDataset<Regressor> dayData = new MutableDataset<>(new SimpleDataSourceProvenance("days from due to pay", regressors), regressors);
        int lateCount = 0;
        for (Sample s : samples) {
            double[] x = s.facts().features();
            lateData.add(new ArrayExample<>(new Label(s.late() ? LATE : ON_TIME), InvoiceFacts.FEATURES, x));
            lateCount += s.late() ? 1 : 0;
            if (s.payDays() != null) {
                dayData.add(new ArrayExample<>(new Regressor(DAYS, squash(s.payDays())), InvoiceFacts.FEATURES, x));
            }
        }
        if (samples.size() < 50 || lateCount == 0 || lateCount == samples.size() || dayData.size() < 50) {
            return null;
        }
        XGBoostClassificationTrainer classifier = new XGBoostClassificationTrainer(trees, 0.1, 0, 5, 1, 0.8, 1, 1, 0, threads, true, seed);
        XGBoostRegressionTrainer regression = new XGBoostRegressionTrainer(XGBoostRegressionTrainer.RegressionType.LINEAR, trees, 0.1, 0, 5, 1,
                0.8, 1, 1, 0, threads, true, seed);
        return new BoostedTrees(classifier.train(lateData), regression.train(dayData));
    }

    /**
     * The regression learns the days on a log scale (sign × ln(1 + |days|)): squared error there is not pulled by the few
     * invoices paid months late, so the prediction sits near the typical delay, which is what the pay-date error measures.
     */
    static double squash(double days) {
        return Math.signum(days) * Math.log1p(Math.abs(days));
    }

    static double unsquash(double value) {
        return Math.signum(value) * Math.expm1(Math.abs(value));
    }

    /** The estimates for these invoices, in their order (one batch through each model). */
    List<Estimate> predict(List<InvoiceFacts> facts) {
        if (facts.isEmpty()) {
            return List.of();
        }
        List<Example<Label>> lateRows = new ArrayList<>(facts.size());
        List<Example<Regressor>> dayRows = new ArrayList<>(facts.size());
        for (InvoiceFacts f : facts) {
            double[] x = f.features();
            lateRows.add(new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, InvoiceFacts.FEATURES, x));
            dayRows.add(new ArrayExample<>(RegressionFactory.UNKNOWN_REGRESSOR, InvoiceFacts.FEATURES, x));
        }
        List<Prediction<Label>> p = late.predict(lateRows);
        List<Prediction<Regressor>> d = days.predict(dayRows);
        List<Estimate> out = new ArrayList<>(facts.size());
        for (int i = 0; i < facts.size(); i++) {
            InvoiceFacts f = facts.get(i);
            Label l = p.get(i).getOutputScores().get(LATE);
            double probability = l == null ? 0 : l.getScore();
            if (f.daysOverdue() > 0) {
                probability = 1;
            }
            LocalDate payDate = f.dueDate().plusDays(Math.round(unsquash(d.get(i).getOutput().getValues()[0])));
            out.add(new Estimate(probability, f.earliest(payDate)));
        }
        return out;
    }
}
