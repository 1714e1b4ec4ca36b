package io.huikuan.insight;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The cash expected in (asOf, asOf + days], from three sources, without counting an amount twice (issue 17, item 3):
 * <ol>
 * <li><b>plans</b>: an invoice in a payment plan active at asOf is expected through the plan only: each installment's
 * unpaid part on its due date (one already due but unpaid: the next day), times the customer's keeping rate;</li>
 * <li><b>promises</b>: a customer's promise open at asOf, its unpaid part on the promised date (one already passed: the
 * next day), times the keeping rate; the promised amount is taken off the customer's other invoices, oldest due
 * first, so it is not expected again from their predictions;</li>
 * <li><b>predictions</b>: every other open amount on its invoice's predicted pay date (one on or before asOf: the next
 * day).</li>
 * </ol>
 * The keeping rate is the customer's share of promises kept in full among those judged in the last 12 months, or
 * everyone's when the customer has fewer than {@link #MIN_JUDGED} judged (1 when nobody has any). Amounts by currency,
 * never converted; weeks start on Monday.
 */
final class CashForecast {

    static final int MIN_JUDGED = 3;

    /** An installment of an active plan, its unpaid part. */
    record Due(String customerCode, String currency, LocalDate dueDate, BigDecimal unpaid) {
    }

    /** What the forecast is made from. */
    record Inputs(List<InvoicePrediction> predictions, Set<String> plannedInvoices, List<Due> installments, List<ForecastFacts.OpenPromise> promises,
            Map<String, ForecastFacts.Keeping> keeping) {
    }

    /** One amount expected on a day, from a source. */
    record Expected(String currency, LocalDate on, BigDecimal amount, String source) {
    }

    private CashForecast() {
    }

    static List<Expected> expected(LocalDate asOf, int days, Inputs in) {
        LocalDate first = asOf.plusDays(1);
        LocalDate last = asOf.plusDays(days);
        List<Expected> out = new ArrayList<>();
        for (Due d : in.installments()) {
            add(out, d.currency(), later(d.dueDate(), first), d.unpaid().multiply(rate(in.keeping(), d.customerCode())), "PLAN", last);
        }
        Map<String, BigDecimal> promisedLeft = new HashMap<>();
        for (ForecastFacts.OpenPromise p : in.promises()) {
            BigDecimal left = p.remaining();
            if (left.signum() == 0) {
                continue;
            }
            add(out, p.currency(), later(p.promisedDate(), first), left.multiply(rate(in.keeping(), p.customerCode())), "PROMISE", last);
            promisedLeft.merge(p.customerCode() + "|" + p.currency(), left, BigDecimal::add);
        }
        List<InvoicePrediction> rest = new ArrayList<>();
        for (InvoicePrediction p : in.predictions()) {
            if (!in.plannedInvoices().contains(p.invoiceNo())) {
                rest.add(p);
            }
        }
        rest.sort(Comparator.comparing(InvoicePrediction::dueDate).thenComparing(InvoicePrediction::invoiceNo));
        for (InvoicePrediction p : rest) {
            String key = p.customerCode() + "|" + p.currency();
            BigDecimal open = p.openAmount();
            BigDecimal covered = promisedLeft.getOrDefault(key, BigDecimal.ZERO).min(open);
            if (covered.signum() > 0) {
                promisedLeft.put(key, promisedLeft.get(key).subtract(covered));
            }
            add(out, p.currency(), later(p.predictedPayDate(), first), open.subtract(covered), "PREDICTION", last);
        }
        return out;
    }

    /** Currency → week start (Monday) → amount, weeks with nothing included, each rounded to the cent. */
    static Map<String, TreeMap<LocalDate, BigDecimal>> byWeek(LocalDate asOf, int days, List<Expected> expected) {
        Map<String, TreeMap<LocalDate, BigDecimal>> by = new TreeMap<>();
        for (Expected e : expected) {
            by.computeIfAbsent(e.currency(), c -> weeks(asOf, days)).merge(monday(e.on()), e.amount(), BigDecimal::add);
        }
        by.values().forEach(w -> w.replaceAll((k, v) -> v.setScale(2, RoundingMode.HALF_UP)));
        return by;
    }

    static TreeMap<LocalDate, BigDecimal> weeks(LocalDate asOf, int days) {
        TreeMap<LocalDate, BigDecimal> weeks = new TreeMap<>();
        for (LocalDate w = monday(asOf.plusDays(1)); !w.isAfter(asOf.plusDays(days)); w = w.plusWeeks(1)) {
            weeks.put(w, BigDecimal.ZERO.setScale(2));
        }
        return weeks;
    }

    static LocalDate monday(LocalDate d) {
        return d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    static BigDecimal rate(Map<String, ForecastFacts.Keeping> keeping, String customer) {
        ForecastFacts.Keeping own = keeping.get(customer);
        ForecastFacts.Keeping k = own != null && own.judged() >= MIN_JUDGED ? own : keeping.get(null);
        if (k == null || k.judged() == 0) {
            return BigDecimal.ONE;
        }
        return BigDecimal.valueOf(k.kept()).divide(BigDecimal.valueOf(k.judged()), 6, RoundingMode.HALF_UP);
    }

    private static void add(List<Expected> out, String currency, LocalDate on, BigDecimal amount, String source, LocalDate last) {
        if (amount.signum() > 0 && !on.isAfter(last)) {
            out.add(new Expected(currency, on, amount, source));
        }
    }

    private static LocalDate later(LocalDate d, LocalDate first) {
        return d == null || d.isBefore(first) ? first : d;
    }
}
