package io.huikuan.insight;

/**
 * The two transparent baselines every model must beat. Both never predict a day already past: an invoice overdue at the
 * cut-off is predicted to be paid the next day at the earliest.
 * <ul>
 * <li>{@code due-date}: it is paid on its due date; late with probability 1 when already overdue, else 0.</li>
 * <li>{@code customer-average}: it is paid as late as the customer's settled invoices of the last 12 months were on
 * average (amount-weighted days late), late with the share of them paid late (1 when already overdue).</li>
 * </ul>
 */
final class Baselines {

    static final String DUE_DATE = "due-date";
    static final String CUSTOMER_AVERAGE = "customer-average";

    private Baselines() {
    }

    static Estimate dueDate(InvoiceFacts f) {
        return new Estimate(f.daysOverdue() > 0 ? 1 : 0, f.earliest(f.dueDate()));
    }

    static Estimate customerAverage(InvoiceFacts f) {
        InvoiceFacts.Customer c = f.customer();
        double p = f.daysOverdue() > 0 ? 1 : c.lateShare();
        return new Estimate(p, f.earliest(f.dueDate().plusDays(Math.round(c.lateDays()))));
    }

    static Estimate of(String name, InvoiceFacts f) {
        return DUE_DATE.equals(name) ? dueDate(f) : customerAverage(f);
    }
}
