package io.huikuan.exchange.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Dates and amounts as people type them in spreadsheets. */
class RowCheckTests {

    @Test
    void datesInTheAcceptedFormats() {
        assertThat(RowCheck.parseDate("2026-01-31", false)).isEqualTo(LocalDate.of(2026, 1, 31));
        assertThat(RowCheck.parseDate("2026/1/5", false)).isEqualTo(LocalDate.of(2026, 1, 5));
        assertThat(RowCheck.parseDate("2026.12.05", false)).isEqualTo(LocalDate.of(2026, 12, 5));
        assertThat(RowCheck.parseDate("2026年3月8日", false)).isEqualTo(LocalDate.of(2026, 3, 8));
        assertThat(RowCheck.parseDate("20260308", false)).isEqualTo(LocalDate.of(2026, 3, 8));
        assertThat(RowCheck.parseDate("2026-01-31 00:00:00", false)).isEqualTo(LocalDate.of(2026, 1, 31));
        assertThat(RowCheck.parseDate("46053", true)).isEqualTo(LocalDate.of(2026, 1, 31));
    }

    @Test
    void impossibleDatesAreRejected() {
        assertThat(RowCheck.parseDate("2026-02-30", false)).isNull();
        assertThat(RowCheck.parseDate("31/01/2026", false)).isNull();
        assertThat(RowCheck.parseDate("46053", false)).isNull();
        assertThat(RowCheck.parseDate("next week", false)).isNull();
        assertThat(RowCheck.parseDate("2026-13-01", false)).isNull();
        assertThat(RowCheck.parseDate("2026-01", false)).isNull();
    }

    @Test
    void amountsWithSeparatorsAndCurrencySigns() {
        assertThat(RowCheck.parseAmount("1,234,567.89")).isEqualByComparingTo("1234567.89");
        assertThat(RowCheck.parseAmount("¥1,234.50")).isEqualByComparingTo("1234.50");
        assertThat(RowCheck.parseAmount("￥ 88")).isEqualByComparingTo("88");
        assertThat(RowCheck.parseAmount("RMB 10.5")).isEqualByComparingTo("10.5");
        assertThat(RowCheck.parseAmount("-12.5")).isEqualByComparingTo("-12.5");
        assertThat(RowCheck.parseAmount("(12.50)")).isEqualByComparingTo("-12.5");
        assertThat(RowCheck.parseAmount("100元")).isEqualByComparingTo("100");
        assertThat(RowCheck.parseAmount("1.5E3")).isEqualByComparingTo("1500");
        assertThat(RowCheck.parseAmount("1,23")).isNull();
        assertThat(RowCheck.parseAmount("12abc")).isNull();
        assertThat(RowCheck.parseAmount("1.2.3")).isNull();
        assertThat(RowCheck.parseAmount("¥")).isNull();
    }

    @Test
    void anAmountCarriesAtMostOneSign() {
        assertThat(RowCheck.parseAmount("(¥1,234.50)")).isEqualByComparingTo("-1234.50");
        assertThat(RowCheck.parseAmount("¥-5")).isEqualByComparingTo("-5");
        assertThat(RowCheck.parseAmount("-¥5")).isEqualByComparingTo("-5");
        for (String twoSigns : new String[] {"--5", "(-5)", "-(5)", "5-", "-¥-5", "( -5 )", "(5", "5)", "-", "()", "+-5", "- -5"}) {
            assertThat(RowCheck.parseAmount(twoSigns)).as(twoSigns).isNull();
        }
    }

    @Test
    void aDoubleSignIsARowErrorNotAPositiveAmount() {
        ErrorSink errors = new ErrorSink();
        RowCheck c = new RowCheck(errors, Map.of("amount", 0), false);
        for (String v : new String[] {"--5", "(-5)", "-(5)", "5-"}) {
            c.on(new SourceRow(2, new String[] {v}));
            assertThat(c.amount("amount", true, true)).as(v).isNull();
            assertThat(c.ok()).isFalse();
        }
        c.on(new SourceRow(3, new String[] {"(5)"}));
        assertThat(c.amount("amount", true, true)).isNull();
        assertThat(errors.list()).extracting(e -> e.row() + "|" + e.value() + "|" + e.message()).startsWith(
                "2|--5|not a number: write an amount such as 12345.67 (thousands separators and ¥ allowed)")
                .contains("3|(5)|must be greater than 0");
    }

    @Test
    void eachBrokenRuleIsAnErrorNamingRowColumnValueAndRule() {
        ErrorSink errors = new ErrorSink();
        RowCheck c = new RowCheck(errors, Map.of("amount", 0, "due_date", 1, "name", 2), false);
        c.on(new SourceRow(7, new String[] {"0.005", "2026-02-30", " "}));
        assertThat(c.amount("amount", true, true)).isNull();
        assertThat(c.date("due_date", true)).isNull();
        assertThat(c.required("name")).isNull();
        assertThat(c.ok()).isFalse();
        assertThat(errors.rejected()).isEqualTo(1);
        assertThat(errors.list()).extracting(e -> e.row() + "|" + e.column() + "|" + e.value() + "|" + e.message()).containsExactly(
                "7|amount|0.005|at most 2 decimals", "7|due_date|2026-02-30|not a date: write yyyy-MM-dd (or yyyy/M/d)", "7|name||required");
        c.on(new SourceRow(8, new String[] {"1,000.10", "2026/2/3", "x"}));
        assertThat(c.amount("amount", true, true)).isEqualTo(new BigDecimal("1000.10"));
        assertThat(c.ok()).isTrue();
    }
}
