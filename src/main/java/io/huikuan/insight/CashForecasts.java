package io.huikuan.insight;

import io.huikuan.common.ValidationException;
import io.huikuan.identity.CurrentUser;
import io.huikuan.negotiation.PaymentPlan;
import io.huikuan.negotiation.PaymentPlanStatus;
import io.huikuan.negotiation.PaymentPlans;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cash forecast (issue 17, item 3): {@link CashForecast}'s rules over the predictions of every invoice open at the
 * date, the payment plans active at it and the promises open at it, all from facts dated on or before it. A collector's
 * forecast covers their own customers (those with an invoice open at the date).
 */
@Service
public class CashForecasts {

    public static final String BASE_CURRENCY = "CNY";

    private final PaymentPredictions predictions;
    private final PaymentPlans plans;
    private final ForecastFacts facts;
    private final Clock clock;

    CashForecasts(PaymentPredictions predictions, PaymentPlans plans, ForecastFacts facts, Clock clock) {
        this.predictions = predictions;
        this.plans = plans;
        this.facts = facts;
        this.clock = clock;
    }

    /** The forecast; asOf null = today, days 1–182, currency null = CNY. Bad input names the field (400). */
    @Transactional(readOnly = true)
    public CashForecastReport forecast(LocalDate asOf, Integer days, String currency) {
        LocalDate day = asOf == null ? LocalDate.now(clock) : asOf;
        int horizon = days == null ? 30 : days;
        if (horizon < 1 || horizon > 182) {
            throw ValidationException.coded("days", horizon, "insight.days", "from 1 to 182 days");
        }
        String cur = currency == null || currency.isBlank() ? BASE_CURRENCY : currency.strip().toUpperCase(Locale.ROOT);
        if (!cur.matches("[A-Z]{3}")) {
            throw ValidationException.coded("currency", currency, "insight.currency", "a three-letter currency code such as CNY");
        }
        List<CashForecast.Expected> expected = CashForecast.expected(day, horizon, inputs(day));
        Map<String, TreeMap<LocalDate, BigDecimal>> weeks = CashForecast.byWeek(day, horizon, expected);
        List<CashForecastReport.CurrencyForecast> all = new ArrayList<>();
        weeks.forEach((c, w) -> all.add(new CashForecastReport.CurrencyForecast(c, sum(w), list(w))));
        TreeMap<LocalDate, BigDecimal> mine = weeks.getOrDefault(cur, CashForecast.weeks(day, horizon));
        return new CashForecastReport(day, horizon, cur, sum(mine), list(mine), all,
                new CashForecastReport.Sources(source(expected, cur, "PREDICTION"), source(expected, cur, "PROMISE"), source(expected, cur, "PLAN")));
    }

    private CashForecast.Inputs inputs(LocalDate day) {
        List<InvoicePrediction> open = predictions.page(day, 0, Integer.MAX_VALUE).items();
        Set<String> customers = new HashSet<>();
        open.forEach(p -> customers.add(p.customerCode()));
        Set<String> planned = new HashSet<>();
        List<CashForecast.Due> installments = new ArrayList<>();
        for (PaymentPlan plan : plans.list(null, PaymentPlanStatus.ACTIVE, day, 0, Integer.MAX_VALUE).items()) {
            plan.invoices().forEach(d -> planned.add(d.invoiceNo()));
            for (PaymentPlan.Installment i : plan.installments()) {
                BigDecimal unpaid = i.amount().subtract(i.paid());
                if (unpaid.signum() > 0) {
                    installments.add(new CashForecast.Due(plan.customerCode(), plan.currency(), i.dueDate(), unpaid));
                }
            }
        }
        boolean own = CurrentUser.get().portfolioOnly();
        List<ForecastFacts.OpenPromise> promises = facts.openPromises(day).stream()
                .filter(p -> !own || customers.contains(p.customerCode())).toList();
        return new CashForecast.Inputs(open, planned, installments, promises, facts.keeping(day));
    }

    private static BigDecimal source(List<CashForecast.Expected> expected, String currency, String source) {
        return expected.stream().filter(e -> e.currency().equals(currency) && e.source().equals(source)).map(CashForecast.Expected::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal sum(TreeMap<LocalDate, BigDecimal> weeks) {
        return weeks.values().stream().reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    private static List<CashForecastReport.Week> list(TreeMap<LocalDate, BigDecimal> weeks) {
        List<CashForecastReport.Week> out = new ArrayList<>();
        weeks.forEach((w, a) -> out.add(new CashForecastReport.Week(w, a)));
        return out;
    }
}
