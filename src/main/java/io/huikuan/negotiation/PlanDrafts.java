package io.huikuan.negotiation;

import io.huikuan.common.ConflictException;
import io.huikuan.common.InputRules;
import io.huikuan.common.ValidationException;
import io.huikuan.common.ValidationException.FieldError;
import io.huikuan.customer.CustomerRef;
import io.huikuan.customer.CustomerService;
import io.huikuan.identity.CurrentUser;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Checks a proposed plan field by field (every broken rule named) and works out its figures. */
@Component
class PlanDrafts {

    static final int MAX_INSTALLMENTS = 120;
    static final int MAX_NOTE = 1000;

    /** A checked proposal with its figures; {@code scheduled} is what the installments sum to, {@code total} what is due. */
    record Draft(CustomerRef customer, List<PaymentPlanQueries.OpenInvoice> invoices, String currency, LocalDate agreedOn,
            List<PlanWaterfall.Scheduled> schedule, BigDecimal openTotal, BigDecimal interest, BigDecimal waived, BigDecimal total,
            BigDecimal scheduled, String note) {

        BigDecimal difference() {
            return scheduled.subtract(total);
        }
    }

    private final CustomerService customers;
    private final PaymentPlanQueries queries;
    private final Clock clock;

    PlanDrafts(CustomerService customers, PaymentPlanQueries queries, Clock clock) {
        this.customers = customers;
        this.queries = queries;
        this.clock = clock;
    }

    /**
     * Checks {@code r}: 400 naming every broken field; {@code strict}: the installments must sum to what is due (400
     * naming the difference) and no invoice may be in another live plan (409).
     */
    Draft check(PlanRequest r, boolean strict) {
        if (r == null) {
            throw ValidationException.coded("customerCode", null, "required", "is required");
        }
        List<FieldError> errors = new ArrayList<>();
        CustomerRef customer = customer(r.customerCode(), errors);
        LocalDate today = LocalDate.now(clock);
        LocalDate agreedOn = date(errors, "agreedOn", r.agreedOn(), true);
        if (agreedOn != null && agreedOn.isAfter(today)) {
            errors.add(FieldError.coded("agreedOn", agreedOn, "plan.agreedFuture", "may not be after today (" + today + ")", today));
            agreedOn = null;
        }
        BigDecimal interest = amount(errors, "interest", r.interest(), false, false);
        BigDecimal waived = amount(errors, "waived", r.waived(), false, false);
        List<PlanWaterfall.Scheduled> schedule = schedule(r.installments(), agreedOn, errors);
        String note = r.note() == null || r.note().isBlank() ? null : r.note().strip();
        InputRules.textRule("note", note).ifPresent(errors::add);
        InputRules.length(errors, "note", note, MAX_NOTE);

        List<PaymentPlanQueries.OpenInvoice> invoices = List.of();
        String currency = null;
        List<String> numbers = r.invoiceNos() == null ? List.of() : r.invoiceNos();
        if (numbers.isEmpty()) {
            errors.add(FieldError.coded("invoiceNos", null, "plan.invoices.required", "is required: at least one open invoice of the customer"));
        } else if (customer != null && agreedOn != null) {
            invoices = invoices(customer, numbers, agreedOn, errors);
            Set<String> currencies = invoices.stream().map(PaymentPlanQueries.OpenInvoice::currency).collect(Collectors.toCollection(LinkedHashSet::new));
            if (currencies.size() > 1) {
                errors.add(FieldError.coded("invoiceNos", currencies, "plan.currencies", "must all be in one currency, not " + currencies,
                        currencies.toString()));
            }
            currency = currencies.isEmpty() ? null : currencies.iterator().next();
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        BigDecimal openTotal = invoices.stream().map(PaymentPlanQueries.OpenInvoice::open).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (waived.compareTo(openTotal.add(interest)) >= 0) {
            throw ValidationException.coded("waived", waived, "plan.waivedTooMuch", "must be less than the open balance " + openTotal.toPlainString()
                    + " plus interest", openTotal.toPlainString());
        }
        BigDecimal total = openTotal.add(interest).subtract(waived);
        BigDecimal scheduled = schedule.stream().map(PlanWaterfall.Scheduled::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        Draft d = new Draft(customer, invoices, currency, agreedOn, schedule, openTotal, interest, waived, total, scheduled, note);
        if (strict) {
            int c = d.difference().signum();
            if (c != 0) {
                String diff = d.difference().abs().toPlainString();
                throw ValidationException.coded("installments", scheduled, "plan.sum", "installments sum to " + scheduled.toPlainString() + ", "
                        + diff + (c < 0 ? " less" : " more") + " than the " + total.toPlainString() + " due (open " + openTotal.toPlainString()
                        + " + interest " + interest.toPlainString() + " - waived " + waived.toPlainString() + ")",
                        scheduled.toPlainString(), diff, c < 0 ? "less" : "more", total.toPlainString());
            }
            List<String[]> taken = queries.livePlans(invoices.stream().map(PaymentPlanQueries.OpenInvoice::id).toList());
            if (!taken.isEmpty()) {
                throw new ConflictException("invoiceNos", "invoice " + taken.getFirst()[0] + " is already in live payment plan " + taken.getFirst()[1]);
            }
        }
        return d;
    }

    private CustomerRef customer(String code, List<FieldError> errors) {
        if (code == null || code.isBlank()) {
            errors.add(FieldError.coded("customerCode", code, "required", "is required"));
            return null;
        }
        CustomerRef ref = customers.findRef(code.strip()).orElse(null);
        if (ref == null || !CurrentUser.get().mayAccess(ref.owner())) {
            errors.add(FieldError.coded("customerCode", code, "plan.customer", "is not a customer you may see: " + code, code));
            return null;
        }
        return ref;
    }

    private List<PaymentPlanQueries.OpenInvoice> invoices(CustomerRef customer, List<String> numbers, LocalDate agreedOn, List<FieldError> errors) {
        Set<String> seen = new HashSet<>();
        List<String> wanted = new ArrayList<>();
        for (int i = 0; i < numbers.size(); i++) {
            String no = numbers.get(i) == null ? "" : numbers.get(i).strip();
            String field = "invoiceNos[" + i + "]";
            if (no.isEmpty()) {
                errors.add(FieldError.coded(field, numbers.get(i), "required", "is required"));
            } else if (!seen.add(no)) {
                errors.add(FieldError.coded(field, no, "plan.invoice.twice", "invoice " + no + " is listed twice", no));
            } else {
                wanted.add(no);
            }
        }
        Map<String, PaymentPlanQueries.OpenInvoice> found = queries.invoicesOf(customer.id(), wanted, agreedOn).stream()
                .collect(Collectors.toMap(PaymentPlanQueries.OpenInvoice::invoiceNo, Function.identity()));
        List<PaymentPlanQueries.OpenInvoice> list = new ArrayList<>();
        for (int i = 0; i < numbers.size(); i++) {
            String no = numbers.get(i) == null ? "" : numbers.get(i).strip();
            if (!wanted.contains(no) || list.stream().anyMatch(x -> x.invoiceNo().equals(no))) {
                continue;
            }
            PaymentPlanQueries.OpenInvoice inv = found.get(no);
            String field = "invoiceNos[" + i + "]";
            if (inv == null) {
                errors.add(FieldError.coded(field, no, "plan.invoice.unknown", "is not an invoice of customer " + customer.code(), customer.code()));
            } else if (inv.open().signum() <= 0) {
                errors.add(FieldError.coded(field, no, "plan.invoice.notOpen", "invoice " + no + " is not open on " + agreedOn, no, agreedOn));
            } else {
                list.add(inv);
            }
        }
        return list;
    }

    private static List<PlanWaterfall.Scheduled> schedule(List<PlanRequest.InstallmentRequest> rows, LocalDate agreedOn, List<FieldError> errors) {
        List<PlanWaterfall.Scheduled> schedule = new ArrayList<>();
        if (rows == null || rows.isEmpty()) {
            errors.add(FieldError.coded("installments", null, "plan.installments.required", "is required: at least one installment"));
            return schedule;
        }
        if (rows.size() > MAX_INSTALLMENTS) {
            errors.add(FieldError.coded("installments", rows.size(), "plan.installments.tooMany", "at most " + MAX_INSTALLMENTS + " installments",
                    MAX_INSTALLMENTS));
            return schedule;
        }
        LocalDate previous = null;
        for (int i = 0; i < rows.size(); i++) {
            PlanRequest.InstallmentRequest row = rows.get(i) == null ? new PlanRequest.InstallmentRequest(null, null) : rows.get(i);
            String prefix = "installments[" + i + "].";
            LocalDate due = date(errors, prefix + "dueDate", row.dueDate(), true);
            BigDecimal amount = amount(errors, prefix + "amount", row.amount(), true, true);
            if (due != null && agreedOn != null && due.isBefore(agreedOn)) {
                errors.add(FieldError.coded(prefix + "dueDate", due, "plan.dueBeforeAgreement", "may not be before the agreement date " + agreedOn,
                        agreedOn));
            } else if (due != null && previous != null && !due.isAfter(previous)) {
                errors.add(FieldError.coded(prefix + "dueDate", due, "plan.dueOrder", "must be after the previous installment's date " + previous,
                        previous));
            }
            if (due != null) {
                previous = due;
            }
            if (due != null && amount != null) {
                schedule.add(new PlanWaterfall.Scheduled(due, amount));
            }
        }
        return schedule;
    }

    static LocalDate date(List<FieldError> errors, String field, String raw, boolean required) {
        if (raw == null || raw.isBlank()) {
            if (required) {
                errors.add(FieldError.coded(field, raw, "date.required", "is required (yyyy-MM-dd)"));
            }
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(raw.strip());
            var range = InputRules.dateRule(field, d);
            range.ifPresent(errors::add);
            return range.isPresent() ? null : d;
        } catch (DateTimeParseException e) {
            errors.add(FieldError.coded(field, raw, "date", "a date as yyyy-MM-dd"));
            return null;
        }
    }

    /** An amount with at most two decimals; {@code positive}: above 0, else not negative; missing and optional: 0. */
    static BigDecimal amount(List<FieldError> errors, String field, String raw, boolean required, boolean positive) {
        if (raw == null || raw.isBlank()) {
            if (required) {
                errors.add(FieldError.coded(field, raw, "required", "is required"));
                return null;
            }
            return BigDecimal.ZERO.setScale(2);
        }
        BigDecimal v;
        try {
            v = new BigDecimal(raw.strip());
        } catch (NumberFormatException e) {
            errors.add(FieldError.coded(field, raw, "amount", "not a valid amount (e.g. 12345.67)"));
            return null;
        }
        if (positive && v.signum() <= 0) {
            errors.add(FieldError.coded(field, v, "amount.positive", "must be greater than 0"));
        } else if (!positive && v.signum() < 0) {
            errors.add(FieldError.coded(field, v, "amount.negative", "must not be negative"));
        } else if (v.stripTrailingZeros().scale() > 2) {
            errors.add(FieldError.coded(field, v, "amount.decimals", "at most 2 decimals"));
        } else if (v.compareTo(InputRules.MAX_AMOUNT) > 0) {
            errors.add(FieldError.coded(field, v, "amount.tooLarge", "too large"));
        } else {
            return v.setScale(2, java.math.RoundingMode.UNNECESSARY);
        }
        return null;
    }
}
