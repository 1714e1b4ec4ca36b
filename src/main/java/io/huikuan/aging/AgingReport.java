package io.huikuan.aging;

import io.huikuan.common.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Open receivables as of a date: one amount per bucket for each row and in total. Every row's
 * total is the sum of its amounts. Amounts in different currencies are never added (issue 12,
 * item 15; docs/currencies.md): each row is one group in one currency, {@code total} holds the
 * sums of the rows in {@code currency} (the base currency when it has open items, else the single
 * currency present), and {@code byCurrency} the sums of every currency present, base currency first.
 */
public record AgingReport(LocalDate asOf, List<AgingBucket> buckets, List<Row> rows, Total total, String currency,
        List<CurrencyTotal> byCurrency) {

    public AgingReport(LocalDate asOf, List<AgingBucket> buckets, List<Row> rows, Total total) {
        this(asOf, buckets, rows, total, Money.DEFAULT_CURRENCY, List.of());
    }

    /** True when open items in more than one currency are present (pages then show one total line per currency). */
    public boolean multiCurrency() {
        return byCurrency.size() > 1;
    }

    /**
     * One group in one currency; {@code name} is the customer's name when grouped by customer, else null;
     * {@code disputed} is the part of the total under an open dispute (included in the amounts).
     */
    public record Row(String key, String name, BigDecimal total, List<BigDecimal> amounts, BigDecimal disputed, String currency) {

        public Row(String key, String name, BigDecimal total, List<BigDecimal> amounts, BigDecimal disputed) {
            this(key, name, total, amounts, disputed, Money.DEFAULT_CURRENCY);
        }

        public Row(String key, String name, BigDecimal total, List<BigDecimal> amounts) {
            this(key, name, total, amounts, BigDecimal.ZERO.setScale(2));
        }
    }

    /** The sums over all rows (of one currency). */
    public record Total(BigDecimal total, List<BigDecimal> amounts, BigDecimal disputed) {

        public Total(BigDecimal total, List<BigDecimal> amounts) {
            this(total, amounts, BigDecimal.ZERO.setScale(2));
        }
    }

    /** The sums over the rows in one currency. */
    public record CurrencyTotal(String currency, BigDecimal total, List<BigDecimal> amounts, BigDecimal disputed) {
    }
}
