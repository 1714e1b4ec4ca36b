package io.huikuan.insight;

import static org.assertj.core.api.Assertions.assertThat;

import io.huikuan.insight.CashForecast.Due;
import io.huikuan.insight.CashForecast.Expected;
import io.huikuan.insight.ForecastFacts.Keeping;
import io.huikuan.insight.ForecastFacts.OpenPromise;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The cash forecast against a hand-computed example, as of Monday 2 March 2026 for 30 days (weeks of 2, 9, 16, 23 and
 * 30 March). Customer A (keeps 3 of 4 promises: 0.75) promised 1000.00 by 12 March and has paid 400.00 since: 600.00 ×
 * 0.75 = 450.00 on the 12th, and 600.00 of A's oldest invoice I1 (1000.00, predicted 10 March) is not expected again:
 * 400.00 on the 10th; I2 (500.00) on its predicted 20 March. Customer B's invoice I3 is in a plan: only the plan
 * counts, at everyone's keeping rate (B has judged one promise only; everyone: 8 of 10, 0.8): 250.00 due 1 March and
 * unpaid → 200.00 on the 3rd, 500.00 on 31 March → 400.00; the installment of 30 April is outside. Customer C: I4
 * (300.00) predicted before the date → the 3rd; I6 (700.00) predicted 15 April → outside; I5 is in dollars.
 */
class CashForecastTests {

    static final LocalDate AS_OF = LocalDate.parse("2026-03-02");

    static InvoicePrediction p(String no, String customer, String currency, String open, String due, String predicted) {
        return new InvoicePrediction(no, customer, currency, new BigDecimal(open), LocalDate.parse(due), 0.5, LocalDate.parse(predicted), "test", "test");
    }

    static CashForecast.Inputs inputs() {
        Map<String, Keeping> keeping = new HashMap<>();
        keeping.put("A", new Keeping(4, 3));
        keeping.put("B", new Keeping(1, 1));
        keeping.put(null, new Keeping(10, 8));
        return new CashForecast.Inputs(List.of(
                p("I1", "A", "CNY", "1000.00", "2026-02-01", "2026-03-10"),
                p("I2", "A", "CNY", "500.00", "2026-03-01", "2026-03-20"),
                p("I3", "B", "CNY", "2000.00", "2026-01-15", "2026-03-05"),
                p("I4", "C", "CNY", "300.00", "2026-02-10", "2026-02-25"),
                p("I5", "C", "USD", "100.00", "2026-02-20", "2026-03-05"),
                p("I6", "C", "CNY", "700.00", "2026-03-30", "2026-04-15")),
                Set.of("I3"),
                List.of(new Due("B", "CNY", LocalDate.parse("2026-03-01"), new BigDecimal("250.00")),
                        new Due("B", "CNY", LocalDate.parse("2026-03-31"), new BigDecimal("500.00")),
                        new Due("B", "CNY", LocalDate.parse("2026-04-30"), new BigDecimal("500.00"))),
                List.of(new OpenPromise("A", "CNY", new BigDecimal("1000.00"), LocalDate.parse("2026-03-12"), new BigDecimal("400.00"))),
                keeping);
    }

    @Test
    void theHandComputedWeeks() {
        List<Expected> expected = CashForecast.expected(AS_OF, 30, inputs());
        Map<String, TreeMap<LocalDate, BigDecimal>> weeks = CashForecast.byWeek(AS_OF, 30, expected);
        assertThat(weeks.get("CNY")).containsExactly(
                Map.entry(LocalDate.parse("2026-03-02"), new BigDecimal("500.00")),
                Map.entry(LocalDate.parse("2026-03-09"), new BigDecimal("850.00")),
                Map.entry(LocalDate.parse("2026-03-16"), new BigDecimal("500.00")),
                Map.entry(LocalDate.parse("2026-03-23"), new BigDecimal("0.00")),
                Map.entry(LocalDate.parse("2026-03-30"), new BigDecimal("400.00")));
        assertThat(weeks.get("USD").get(LocalDate.parse("2026-03-02"))).isEqualByComparingTo("100.00");
        assertThat(sum(expected, "PREDICTION")).isEqualByComparingTo("1200.00");
        assertThat(sum(expected, "PROMISE")).isEqualByComparingTo("450.00");
        assertThat(sum(expected, "PLAN")).isEqualByComparingTo("600.00");
        assertThat(expected).as("the planned invoice is not expected from its prediction")
                .noneMatch(e -> e.source().equals("PREDICTION") && e.amount().compareTo(new BigDecimal("2000.00")) == 0);
    }

    @Test
    void aPromiseAlreadyPaidCountsNothingAndTakesNothingOff() {
        CashForecast.Inputs in = inputs();
        CashForecast.Inputs paid = new CashForecast.Inputs(in.predictions(), in.plannedInvoices(), in.installments(),
                List.of(new OpenPromise("A", "CNY", new BigDecimal("1000.00"), LocalDate.parse("2026-03-12"), new BigDecimal("1200.00"))), in.keeping());
        List<Expected> expected = CashForecast.expected(AS_OF, 30, paid);
        assertThat(sum(expected, "PROMISE")).isEqualByComparingTo("0");
        assertThat(sum(expected, "PREDICTION")).as("I1 in full again").isEqualByComparingTo("1800.00");
    }

    @Test
    void withoutAnyJudgedPromiseTheRateIsOne() {
        assertThat(CashForecast.rate(new HashMap<>(), "A")).isEqualByComparingTo("1");
        TreeMap<LocalDate, BigDecimal> weeks = CashForecast.weeks(LocalDate.parse("2026-03-04"), 91);
        assertThat(weeks).as("a Wednesday's 13 weeks touch 14 Monday weeks").hasSize(14);
        assertThat(weeks.firstKey()).isEqualTo(LocalDate.parse("2026-03-02"));
    }

    static BigDecimal sum(List<Expected> expected, String source) {
        return expected.stream().filter(e -> e.source().equals(source) && e.currency().equals("CNY")).map(Expected::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
