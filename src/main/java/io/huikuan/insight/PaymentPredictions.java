package io.huikuan.insight;

import io.huikuan.common.Page;
import io.huikuan.identity.CurrentUser;
import io.huikuan.ledger.BalancePeriods;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The payment prediction of every invoice open at a date D (issue 17, item 1), point in time: the model for D learns only
 * from invoices whose outcome is known at D and from facts dated on or before each one's month-end cut-off, and
 * predicts from the facts dated on or before D. Models and the day's predictions are cached per (D, ledger version):
 * any committed ledger change, dispute or settled promise makes the next call retrain.
 */
@Service
public class PaymentPredictions {

    private static final int CACHED = 6;

    private final FactQueries facts;
    private final BalancePeriods balances;
    private final PaymentModel.Settings settings;
    private final Map<String, PaymentModel> models = lru();
    private final Map<String, List<Owned>> predictions = lru();

    PaymentPredictions(FactQueries facts, BalancePeriods balances) {
        this.facts = facts;
        this.balances = balances;
        this.settings = PaymentModel.Settings.DEFAULT;
    }

    /** One page of the predictions at {@code asOf}, by due date then invoice number; a collector sees only their own customers. */
    public Page<InvoicePrediction> page(LocalDate asOf, int page, int size) {
        CurrentUser user = CurrentUser.get();
        List<InvoicePrediction> mine = new ArrayList<>();
        for (Owned o : owned(asOf)) {
            if (user.mayAccess(o.owner())) {
                mine.add(o.prediction());
            }
        }
        int from = (int) Math.min((long) page * size, mine.size());
        return new Page<>(List.copyOf(mine.subList(from, Math.min(mine.size(), from + size))), mine.size(), page, size);
    }

    /** Every invoice open at {@code asOf} with its prediction, whoever owns it. */
    public List<InvoicePrediction> all(LocalDate asOf) {
        return owned(asOf).stream().map(Owned::prediction).toList();
    }

    private record Owned(String owner, InvoicePrediction prediction) {
    }

    private List<Owned> owned(LocalDate asOf) {
        String key = asOf + "@" + facts.factsKey(balances.version());
        synchronized (predictions) {
            List<Owned> cached = predictions.get(key);
            if (cached != null) {
                return cached;
            }
        }
        PaymentModel model = model(asOf, key);
        List<InvoiceFacts> open = open(asOf);
        List<Estimate> estimates = model.predict(open);
        List<Owned> out = new ArrayList<>(open.size());
        for (int i = 0; i < open.size(); i++) {
            InvoiceFacts f = open.get(i);
            Estimate e = estimates.get(i);
            out.add(new Owned(f.owner(), new InvoicePrediction(f.invoiceNo(), f.customerCode(), f.currency(), f.openAmount(), f.dueDate(),
                    Math.round(e.probabilityLate() * 10_000) / 10_000.0, e.payDate(), model.lateModel(), model.payModel())));
        }
        List<Owned> result = List.copyOf(out);
        synchronized (predictions) {
            predictions.put(key, result);
        }
        return result;
    }

    /** The model for {@code asOf} (trained on first use per date and ledger version). */
    PaymentModel model(LocalDate asOf) {
        return model(asOf, asOf + "@" + facts.factsKey(balances.version()));
    }

    private PaymentModel model(LocalDate asOf, String key) {
        synchronized (models) {
            PaymentModel cached = models.get(key);
            if (cached != null) {
                return cached;
            }
        }
        PaymentModel trained = PaymentModel.train(facts, asOf, settings);
        synchronized (models) {
            models.put(key, trained);
        }
        return trained;
    }

    /**
     * How the model for {@code asOf} was made, for the benchmark: samples, read and total training time, what answers, and
     * the hold-out's AUC and pay-date error of the trees and the baselines.
     */
    public String describe(LocalDate asOf) {
        PaymentModel m = model(asOf);
        PaymentModel.Validation v = m.validation();
        return String.format(java.util.Locale.ROOT, "%,d ms (%,d samples, reading them %,d ms; probability: %s, pay date: %s; hold-out of %,d: "
                + "AUC %.3f / %.3f / %.3f, MAE %.1f / %.1f / %.1f days for trees / customer average / due date)", v.trainMillis(), v.samples(),
                v.readMillis(), m.lateModel(), m.payModel(), v.heldOut(), v.treesAuc(), v.averageAuc(), v.dueAuc(), v.treesMae(), v.averageMae(),
                v.dueMae());
    }

    /** The invoices open at {@code asOf} with their facts, by due date then invoice number. */
    List<InvoiceFacts> open(LocalDate asOf) {
        List<InvoiceFacts> open = new ArrayList<>();
        facts.openAt(asOf, open::add);
        open.sort(Comparator.comparing(InvoiceFacts::dueDate).thenComparing(InvoiceFacts::invoiceNo));
        return open;
    }

    private static <V> Map<String, V> lru() {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > CACHED;
            }
        };
    }
}
