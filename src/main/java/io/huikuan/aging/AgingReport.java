package io.huikuan.aging;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Open receivables as of a date: one amount per bucket for each row and in total. Every row's
 * total is the sum of its amounts; the report's total is the sum of the rows.
 */
public record AgingReport(LocalDate asOf, List<AgingBucket> buckets, List<Row> rows, Total total) {

    /** One group; {@code name} is the customer's name when grouped by customer, else null. */
    public record Row(String key, String name, BigDecimal total, List<BigDecimal> amounts) {
    }

    /** The sums over all rows. */
    public record Total(BigDecimal total, List<BigDecimal> amounts) {
    }
}
