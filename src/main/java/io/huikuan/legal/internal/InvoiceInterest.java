package io.huikuan.legal.internal;

import io.huikuan.ledger.LateClause;
import io.huikuan.legal.InterestBasis;
import io.huikuan.legal.LateInterest;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * Late interest on one overdue invoice, shared by the letters' figures ({@link CalculatedLetterFigures}) and the case
 * claim ({@link io.huikuan.legal.ClaimEstimates}): from the day after its due date to {@code asOf}, both counted, under
 * its contract's late clause when it has one with a rate (DAILY_RATE as a daily rate, ANNUAL_RATE as a contract rate on
 * the configured day basis), else at the fallback basis given by the caller (none: no interest).
 */
@Component
public class InvoiceInterest {

    /** How interest is rated when the invoice's contract says nothing: basis with its rate (CONTRACT, DAILY_RATE) or markup (LPR). */
    public record Fallback(InterestBasis basis, BigDecimal rate, BigDecimal markup) {
    }

    /**
     * The interest of one invoice: {@code from}/{@code to} null and 0 days when it is not overdue on asOf;
     * {@code contractClause} true when its contract's late clause set the rate, false when the fallback did.
     */
    public record Line(String invoiceNo, LocalDate dueDate, BigDecimal open, LocalDate from, LocalDate to, long days, InterestBasis basis,
            BigDecimal rate, BigDecimal markup, boolean contractClause, BigDecimal interest) {
    }

    private final LateInterest interest;

    InvoiceInterest(LateInterest interest) {
        this.interest = interest;
    }

    /** True when the clause has a usable rate of its own (above 0 and below 1). */
    public static boolean ownRate(LateClause clause, BigDecimal rate) {
        return clause != null && clause != LateClause.NONE && rate != null && rate.signum() > 0 && rate.compareTo(BigDecimal.ONE) < 0;
    }

    /** The interest of an invoice with {@code open} still owed, due on {@code dueDate}, as of {@code asOf}. */
    public Line of(String invoiceNo, LocalDate dueDate, BigDecimal open, LateClause clause, BigDecimal clauseRate, LocalDate asOf, Fallback fallback) {
        LocalDate from = dueDate.plusDays(1);
        boolean own = ownRate(clause, clauseRate);
        if (open.signum() <= 0 || from.isAfter(asOf) || (!own && fallback == null)) {
            return new Line(invoiceNo, dueDate, open, null, null, 0, own ? basisOf(clause) : fallback == null ? null : fallback.basis(),
                    own ? clauseRate : fallback == null ? null : fallback.rate(), own || fallback == null ? null : fallback.markup(), own,
                    BigDecimal.ZERO.setScale(2));
        }
        InterestBasis basis = own ? basisOf(clause) : fallback.basis();
        BigDecimal rate = own ? clauseRate : fallback.rate();
        BigDecimal markup = own ? null : fallback.markup();
        LateInterest.Result r = interest.compute(new LateInterest.Request(open, from, asOf, basis, rate, markup, null));
        return new Line(invoiceNo, dueDate, open, from, asOf, r.days(), basis, rate, markup, own, r.interest());
    }

    private static InterestBasis basisOf(LateClause clause) {
        return clause == LateClause.DAILY_RATE ? InterestBasis.DAILY_RATE : InterestBasis.CONTRACT;
    }
}
