package io.huikuan.insight;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which actions a payment is owed to. A payment of a customer dated P is owed to that customer's actions dated in
 * [P − days, P) — before the day it came in, at most {@code days} before. <b>Last touch</b>: all of it to the latest of
 * them (the later recorded on a tie). <b>Even split</b>: split evenly among all of them, to the cent, the cents left over
 * going one each to the latest actions, so the shares add up to the payment exactly. A payment with no such action is
 * owed to none.
 */
public final class Attribution {

    /** An action for attribution: its id, customer and day. */
    public record Touch(long id, long customerId, LocalDate on, long order) {
    }

    /** A payment for attribution. */
    public record Paid(long customerId, LocalDate on, BigDecimal amount) {
    }

    private Attribution() {
    }

    /** Action id → the amount owed to it by last touch. */
    public static Map<Long, BigDecimal> lastTouch(List<Touch> touches, List<Paid> payments, int days) {
        Map<Long, BigDecimal> owed = new HashMap<>();
        Map<Long, List<Touch>> byCustomer = byCustomer(touches);
        for (Paid p : payments) {
            List<Touch> in = window(byCustomer.get(p.customerId()), p.on(), days);
            if (!in.isEmpty()) {
                owed.merge(in.getLast().id(), p.amount(), BigDecimal::add);
            }
        }
        return owed;
    }

    /** Action id → the amount owed to it by an even split. */
    public static Map<Long, BigDecimal> evenSplit(List<Touch> touches, List<Paid> payments, int days) {
        Map<Long, BigDecimal> owed = new HashMap<>();
        Map<Long, List<Touch>> byCustomer = byCustomer(touches);
        for (Paid p : payments) {
            List<Touch> in = window(byCustomer.get(p.customerId()), p.on(), days);
            if (in.isEmpty()) {
                continue;
            }
            long cents = p.amount().movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValueExact();
            long share = cents / in.size();
            long left = cents - share * in.size();
            for (int i = 0; i < in.size(); i++) {
                long mine = share + (i >= in.size() - left ? 1 : 0);
                owed.merge(in.get(i).id(), BigDecimal.valueOf(mine, 2), BigDecimal::add);
            }
        }
        return owed;
    }

    private static Map<Long, List<Touch>> byCustomer(List<Touch> touches) {
        Map<Long, List<Touch>> by = new HashMap<>();
        for (Touch t : touches) {
            by.computeIfAbsent(t.customerId(), k -> new ArrayList<>()).add(t);
        }
        by.values().forEach(l -> l.sort(Comparator.comparing(Touch::on).thenComparingLong(Touch::order)));
        return by;
    }

    /** The customer's actions in [paid − days, paid), oldest first. */
    private static List<Touch> window(List<Touch> touches, LocalDate paid, int days) {
        if (touches == null) {
            return List.of();
        }
        LocalDate first = paid.minusDays(days);
        List<Touch> in = new ArrayList<>();
        for (Touch t : touches) {
            if (!t.on().isBefore(first) && t.on().isBefore(paid)) {
                in.add(t);
            }
        }
        return in;
    }
}
