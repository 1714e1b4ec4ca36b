package io.huikuan.negotiation.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The plan editor's schedule from a few inputs: a down payment on the agreement date (when above 0), then {@code count}
 * monthly installments from {@code firstDate} sharing the rest equally, the cents left by the division on the last one.
 */
final class PlanSchedules {

    record Row(LocalDate dueDate, BigDecimal amount) {
    }

    private PlanSchedules() {
    }

    static List<Row> compute(BigDecimal total, BigDecimal down, int count, LocalDate agreedOn, LocalDate firstDate) {
        List<Row> rows = new ArrayList<>();
        BigDecimal rest = total;
        if (down != null && down.signum() > 0) {
            BigDecimal d = down.min(total).setScale(2, RoundingMode.HALF_UP);
            rows.add(new Row(agreedOn, d));
            rest = total.subtract(d);
        }
        if (count <= 0 || rest.signum() <= 0) {
            return rows;
        }
        BigDecimal each = rest.divide(BigDecimal.valueOf(count), 2, RoundingMode.DOWN);
        LocalDate first = firstDate == null || !firstDate.isAfter(agreedOn) ? agreedOn.plusMonths(1) : firstDate;
        for (int i = 0; i < count; i++) {
            BigDecimal amount = i == count - 1 ? rest.subtract(each.multiply(BigDecimal.valueOf(count - 1L))) : each;
            rows.add(new Row(first.plusMonths(i), amount));
        }
        return rows;
    }
}
