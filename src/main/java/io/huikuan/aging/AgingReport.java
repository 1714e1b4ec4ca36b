package io.huikuan.aging;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Open receivables as of a date: one amount per bucket for each row and in total. Every row's
 * total is the sum of its amounts; the report's total is the sum of the rows.
 */
public record AgingReport(LocalDate asOf, List<AgingBucket> buckets, List<Row> rows, Total total) {

    /**
     * One group; {@code name} is the customer's name when grouped by customer, else null;
     * {@code disputed} is the part of the total under an open dispute (included in the amounts).
     */
    public record Row(String key, String name, BigDecimal total, List<BigDecimal> amounts, BigDecimal disputed) {

        public Row(String key, String name, BigDecimal total, List<BigDecimal> amounts) {
            this(key, name, total, amounts, BigDecimal.ZERO.setScale(2));
        }
    }

    /** The sums over all rows. */
    public record Total(BigDecimal total, List<BigDecimal> amounts, BigDecimal disputed) {

        public Total(BigDecimal total, List<BigDecimal> amounts) {
            this(total, amounts, BigDecimal.ZERO.setScale(2));
        }
    }
}
