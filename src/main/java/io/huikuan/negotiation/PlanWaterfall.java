package io.huikuan.negotiation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The waterfall of a payment plan: the payments counted for the plan (allocated to its invoices, dated on or after the
 * agreement and on or before {@code asOf}) fill the installments in due-date order. An installment not fully paid by its
 * due date plus the grace days is MISSED from the day after, and the plan BROKEN from the first such day; the plan is
 * COMPLETED from the day of the payment that pays everything (unless it broke before). Pure: no database, no clock.
 */
public final class PlanWaterfall {

    /** One installment as scheduled. */
    public record Scheduled(LocalDate dueDate, BigDecimal amount) {
    }

    /** One installment as of the date: what is paid of it and its status. */
    public record Filled(int number, LocalDate dueDate, BigDecimal amount, BigDecimal paid, InstallmentStatus status) {
    }

    /** The outcome as of {@code asOf}: the installments, the total paid, and the day the plan broke or completed (null: not yet). */
    public record Result(List<Filled> installments, BigDecimal paid, LocalDate brokenOn, LocalDate completedOn) {

        /** ACTIVE, BROKEN or COMPLETED (whatever happened first). */
        public PaymentPlanStatus status() {
            if (brokenOn != null && (completedOn == null || !brokenOn.isAfter(completedOn))) {
                return PaymentPlanStatus.BROKEN;
            }
            return completedOn != null ? PaymentPlanStatus.COMPLETED : PaymentPlanStatus.ACTIVE;
        }
    }

    private PlanWaterfall() {
    }

    /**
     * @param schedule the installments in due-date order
     * @param payments the amounts counted for the plan by payment date (any dates: those after {@code asOf} are left out)
     */
    public static Result fill(List<Scheduled> schedule, NavigableMap<LocalDate, BigDecimal> payments, LocalDate asOf, int graceDays) {
        NavigableMap<LocalDate, BigDecimal> cumulative = new TreeMap<>();
        BigDecimal running = BigDecimal.ZERO;
        for (var e : payments.headMap(asOf, true).entrySet()) {
            running = running.add(e.getValue());
            cumulative.put(e.getKey(), running);
        }
        BigDecimal paidTotal = running;
        List<Filled> filled = new ArrayList<>();
        BigDecimal before = BigDecimal.ZERO;
        LocalDate brokenOn = null;
        for (int i = 0; i < schedule.size(); i++) {
            Scheduled s = schedule.get(i);
            BigDecimal through = before.add(s.amount());
            BigDecimal paid = paidTotal.subtract(before).max(BigDecimal.ZERO).min(s.amount()).setScale(2, RoundingMode.HALF_UP);
            LocalDate deadline = s.dueDate().plusDays(graceDays);
            boolean missed = asOf.isAfter(deadline) && paidBy(cumulative, deadline).compareTo(through) < 0;
            if (missed && brokenOn == null) {
                brokenOn = deadline.plusDays(1);
            }
            InstallmentStatus status = missed ? InstallmentStatus.MISSED
                    : paid.compareTo(s.amount()) == 0 ? InstallmentStatus.PAID
                    : paid.signum() > 0 ? InstallmentStatus.PARTLY_PAID : InstallmentStatus.DUE;
            filled.add(new Filled(i + 1, s.dueDate(), s.amount(), paid, status));
            before = through;
        }
        LocalDate completedOn = null;
        for (var e : cumulative.entrySet()) {
            if (e.getValue().compareTo(before) >= 0) {
                completedOn = e.getKey();
                break;
            }
        }
        return new Result(filled, paidTotal.min(before).setScale(2, RoundingMode.HALF_UP), brokenOn, completedOn);
    }

    private static BigDecimal paidBy(NavigableMap<LocalDate, BigDecimal> cumulative, LocalDate day) {
        var e = cumulative.floorEntry(day);
        return e == null ? BigDecimal.ZERO : e.getValue();
    }
}
