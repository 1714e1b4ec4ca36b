package io.huikuan.legal.internal;

import io.huikuan.correspondence.LetterFigures;
import io.huikuan.legal.CourtFees;
import io.huikuan.legal.InterestBasis;
import io.huikuan.legal.InterestProperties;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The figures letters quote, from the calculators: for each overdue invoice, interest from the day after its due date
 * to the letter's date (both counted) under its contract's late clause (DAILY_RATE as a daily rate, ANNUAL_RATE as a
 * contract rate on the configured day basis), else at {@code huikuan.legal.interest.letter-daily-rate} (default 0.0005,
 * 万分之五); the claim is the overdue amount plus that interest, and the court fee the acceptance fee of an ordinary
 * lawsuit on the claim (诉讼费用交纳办法 art. 13). The per-invoice rule is {@link InvoiceInterest}, shared with the case claim.
 */
@Component
class CalculatedLetterFigures implements LetterFigures {

    private final InvoiceInterest perInvoice;
    private final CourtFees fees;
    private final InterestProperties props;

    CalculatedLetterFigures(InvoiceInterest perInvoice, CourtFees fees, InterestProperties props) {
        this.perInvoice = perInvoice;
        this.fees = fees;
        this.props = props;
    }

    @Override
    public Figures of(List<Overdue> overdue, LocalDate asOf) {
        BigDecimal principal = BigDecimal.ZERO.setScale(2);
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        for (Overdue o : overdue) {
            principal = principal.add(o.open());
            total = total.add(interestOf(o, asOf));
        }
        BigDecimal claim = principal.add(total);
        BigDecimal fee = claim.signum() > 0 ? fees.lawsuitFee(claim) : BigDecimal.ZERO.setScale(2);
        return new Figures(total, claim, fee, props.letterDailyRate());
    }

    private BigDecimal interestOf(Overdue o, LocalDate asOf) {
        InvoiceInterest.Fallback fallback = props.letterDailyRate().signum() == 0 ? null
                : new InvoiceInterest.Fallback(InterestBasis.DAILY_RATE, props.letterDailyRate(), null);
        return perInvoice.of(o.invoiceNo(), o.dueDate(), o.open(), o.clause(), o.rate(), asOf, fallback).interest();
    }
}
