package io.huikuan.correspondence;

import io.huikuan.correspondence.CompanyProfiles.CompanyProfile;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything a message or letter to one customer may say, as of one day: the customer and the contact
 * it is addressed to, ALL the customer's overdue, open, undisputed invoices (one consolidated letter per
 * customer, never one per invoice) with the late-payment interest to date, the totals, the collector
 * (the customer's owner), a manager, the company profile (letterhead, bank account, signatory), today and
 * the pay-by date (today + the profile's pay-by days). Built by {@link TemplateDataBuilder}; rendered by
 * {@link Templates} and the PDF letters.
 *
 * @param contact the contact addressed (the first finance contact, else the first contact); {@code null} when the customer has none
 * @param upcoming the open, undisputed invoices not yet due (due today or later), by due date: what a reminder before the
 *        due date speaks of ({@code daysOverdue} and {@code interest} 0)
 * @param oldestDue the due date of the oldest overdue invoice; {@code null} when nothing is overdue
 * @param documentNumber the number of the document being issued, or {@code null} (see {@link #withDocumentNumber})
 * @param figures the late-payment interest, claim and court-fee estimate of the overdue invoices in the totals' currency
 *        from the legal module's calculators ({@link LetterFigures}); {@code null} when no calculator is present
 */
public record TemplateData(Party customer, Person contact, List<InvoiceRow> invoices, List<InvoiceRow> upcoming, Totals totals,
        LocalDate oldestDue, Person collector, Person manager, CompanyProfile company, LocalDate today, LocalDate payBy, String documentNumber,
        LetterFigures.Figures figures) {

    public TemplateData {
        invoices = List.copyOf(invoices);
        upcoming = List.copyOf(upcoming);
    }

    /** Data without calculator figures. */
    public TemplateData(Party customer, Person contact, List<InvoiceRow> invoices, List<InvoiceRow> upcoming, Totals totals,
            LocalDate oldestDue, Person collector, Person manager, CompanyProfile company, LocalDate today, LocalDate payBy, String documentNumber) {
        this(customer, contact, invoices, upcoming, totals, oldestDue, collector, manager, company, today, payBy, documentNumber, null);
    }

    /** The customer (debtor): code, name and unified social credit code (统一社会信用代码, may be null). */
    public record Party(String code, String name, String creditCode) {
    }

    /** A person: name, job title, phone, e-mail (any but the name may be null). */
    public record Person(String name, String title, String phone, String email) {
    }

    /**
     * One overdue invoice: number, invoice (issue) date, due date, invoiced amount, open amount as of the date,
     * days overdue, late-payment interest to date under its contract's clause (0 without one), currency.
     */
    public record InvoiceRow(String number, LocalDate invoiceDate, LocalDate dueDate, BigDecimal amount, BigDecimal open, long daysOverdue,
            BigDecimal interest, String currency) {
    }

    /**
     * Totals in {@code currency}: overdue = the open amounts of the listed (overdue, undisputed) invoices; open =
     * everything the customer owes as of the date (also not yet due or disputed); interest = the listed invoices'
     * interest to date; overdueWithInterest = overdue + interest; upcoming = the open amounts of the undisputed invoices not yet due.
     */
    public record Totals(String currency, BigDecimal overdue, BigDecimal open, BigDecimal interest, BigDecimal overdueWithInterest,
            BigDecimal upcoming, List<Totals> others) {

        /**
         * Issue 12, item 15: the fields are the totals in {@code currency} (the base currency when the customer owes in it,
         * else the first currency owed); {@code others} holds the totals in each other currency (empty when one is owed),
         * never added to these.
         */
        public Totals {
            others = others == null ? List.of() : List.copyOf(others);
        }

        /** Totals of a customer owing in one currency. */
        public Totals(String currency, BigDecimal overdue, BigDecimal open, BigDecimal interest, BigDecimal overdueWithInterest,
                BigDecimal upcoming) {
            this(currency, overdue, open, interest, overdueWithInterest, upcoming, List.of());
        }

        /** These totals then those in each other currency. */
        public List<Totals> all() {
            List<Totals> all = new java.util.ArrayList<>(others.size() + 1);
            all.add(this);
            all.addAll(others);
            return all;
        }

        /** True when the customer owes in more than one currency. */
        public boolean multiCurrency() {
            return !others.isEmpty();
        }
    }

    /** The due date of the next invoice to fall due, or {@code null} when none is open and undisputed. */
    public LocalDate nextDue() {
        return upcoming.isEmpty() ? null : upcoming.getFirst().dueDate();
    }

    /** Days the oldest listed invoice is overdue (0 when none is). */
    public long daysOverdue() {
        return oldestDue == null ? 0 : Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(oldestDue, today));
    }

    /** The same data for a numbered document ({@code {{document.number}}}). */
    public TemplateData withDocumentNumber(String number) {
        return new TemplateData(customer, contact, invoices, upcoming, totals, oldestDue, collector, manager, company, today, payBy, number, figures);
    }
}
