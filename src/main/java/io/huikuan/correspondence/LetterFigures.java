package io.huikuan.correspondence;

import io.huikuan.ledger.LateClause;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a letter claims beyond the overdue amounts: the late-payment interest to date and the estimated court fee, for a
 * customer's overdue invoices in one currency. Implemented by the legal module (its calculators); correspondence does
 * not depend on legal (legal listens to correspondence's events), so {@link TemplateDataBuilder} finds an
 * implementation when there is one and leaves the figures out otherwise.
 */
public interface LetterFigures {

    /** An overdue, undisputed invoice: its open amount, due date, and its contract's late clause and rate (NONE, null when it has none). */
    record Overdue(String invoiceNo, LocalDate dueDate, BigDecimal open, LateClause clause, BigDecimal rate) {
    }

    /**
     * The figures: {@code interest} to date over all the invoices (each invoice's own clause, else the default daily rate
     * {@code defaultDailyRate}), {@code claim} = overdue + interest, {@code courtFee} the acceptance fee of a lawsuit on the
     * claim (诉讼费用交纳办法 art. 13); all rounded HALF_UP to the cent.
     */
    record Figures(BigDecimal interest, BigDecimal claim, BigDecimal courtFee, BigDecimal defaultDailyRate) {
    }

    /** The figures of {@code overdue} (may be empty) as of {@code asOf}: interest runs from the day after each due date to asOf. */
    Figures of(List<Overdue> overdue, LocalDate asOf);
}
