package io.huikuan.negotiation;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A payment plan broke: installment {@code installment} was not fully paid by its date plus the grace days, so from
 * {@code brokenOn} the whole remaining balance falls due (acceleration) and the strategy collects the invoices again.
 * {@code repeat}: the customer broke a plan or a promise in the 12 months before.
 */
public record PaymentPlanBroken(long planId, String customerCode, LocalDate brokenOn, int installment, BigDecimal remaining, boolean repeat) {
}
