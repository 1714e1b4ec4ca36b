package io.huikuan.ledger;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Overdue amounts of many customers at many days, for callers that ask it of (customer, day) pairs by the thousand (the
 * effectiveness report's cure rate, a champion/challenger comparison): the customers' balance periods over a span of
 * days are read in one statement, and the overdue amount at the start of any day of the span is summed in memory — the
 * open amounts of the periods covering the day ({@code [valid_from, valid_to)}) whose invoice was due before it, as the
 * aging reads it, from facts dated up to that day only.
 */
@Component
public class OverduePeriods {

    /** One period of an invoice's open amount. */
    public record Period(LocalDate dueDate, LocalDate validFrom, LocalDate validTo, BigDecimal openAmount) {
    }

    private final JdbcClient jdbc;

    OverduePeriods(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Customer id → its balance periods that can count on a day in [from, until]; {@code customers} is an SQL subquery
     * selecting the customer ids (its {@code ?} parameters in {@code params}).
     */
    public Map<Long, List<Period>> of(String customers, List<Object> params, LocalDate from, LocalDate until) {
        List<Object> all = new ArrayList<>(List.of(Date.valueOf(until), Date.valueOf(from), Date.valueOf(until)));
        all.addAll(params);
        Map<Long, List<Period>> by = new HashMap<>();
        jdbc.sql("SELECT customer_id, due_date, valid_from, valid_to, open_amount FROM balance_period WHERE valid_from <= ? "
                + "AND (valid_to IS NULL OR valid_to > ?) AND due_date < ? AND customer_id IN (" + customers + ")")
                .params(all)
                .query((rs, i) -> by.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Period(rs.getDate(2).toLocalDate(),
                        rs.getDate(3).toLocalDate(), rs.getDate(4) == null ? null : rs.getDate(4).toLocalDate(), rs.getBigDecimal(5))))
                .list();
        return by;
    }

    /** The overdue amount at the start of {@code day} from a customer's periods (none: zero). */
    public static BigDecimal overdueOn(List<Period> periods, LocalDate day) {
        BigDecimal sum = BigDecimal.ZERO;
        if (periods != null) {
            for (Period p : periods) {
                if (p.dueDate().isBefore(day) && !p.validFrom().isAfter(day) && (p.validTo() == null || p.validTo().isAfter(day))) {
                    sum = sum.add(p.openAmount());
                }
            }
        }
        return sum;
    }
}
