package io.huikuan.negotiation;

import io.huikuan.common.InputRules;
import io.huikuan.common.ValidationException;
import io.huikuan.common.ValidationException.FieldError;
import io.huikuan.customer.CustomerRef;
import io.huikuan.customer.CustomerService;
import io.huikuan.identity.CurrentUser;
import io.huikuan.ledger.InvoiceView;
import io.huikuan.ledger.LedgerQueries;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Checks a proposed concession and works out its value: every bad field named at once (400), the invoices the customer's
 * and open, the amount (a discount's percent × the invoices' open amount, HALF_UP to the cent; a write-off's remainder:
 * the open amount less the amount to be paid) and each invoice's share of it.
 */
@Component
class ConcessionProposal {

    static final int MAX_INVOICES = 200;
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    /** A checked proposal. */
    record Checked(CustomerRef customer, ConcessionKind kind, List<InvoiceView> invoices, BigDecimal open, BigDecimal amount,
            BigDecimal percent, LocalDate payBy, BigDecimal payAmount, String reason, List<BigDecimal> shares) {
    }

    private final CustomerService customers;
    private final LedgerQueries ledger;

    ConcessionProposal(CustomerService customers, LedgerQueries ledger) {
        this.customers = customers;
        this.ledger = ledger;
    }

    Checked check(NewConcession in, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        CustomerRef customer = customer(errors, in.customerCode());
        ConcessionKind kind = kind(errors, in.kind());
        List<InvoiceView> invoices = invoices(errors, customer, in.invoiceNos());
        BigDecimal open = invoices.stream().map(InvoiceView::open).reduce(BigDecimal.ZERO, BigDecimal::add);
        String reason = SupplyHolds.reason(errors, "reason", in.reason());
        positiveId(errors, "planId", in.planId());
        positiveId(errors, "activityId", in.activityId());
        if (in.payBy() != null) {
            InputRules.dateRule("payBy", in.payBy()).ifPresent(errors::add);
            if (in.payBy().isBefore(today)) {
                errors.add(FieldError.coded("payBy", in.payBy(), "concession.payByPast", "must be today (" + today + ") or later", today));
            }
        }
        BigDecimal amount = null;
        BigDecimal percent = null;
        BigDecimal payAmount = null;
        boolean known = kind != null && errors.stream().noneMatch(e -> e.field().startsWith("invoiceNos") || e.field().equals("customerCode"));
        if (kind == ConcessionKind.PROMPT_PAYMENT_DISCOUNT) {
            if (in.payBy() == null) {
                errors.add(FieldError.coded("payBy", null, "concession.payByRequired", "is required: the date by which the invoices must be paid in full"));
            }
            notAllowed(errors, "payAmount", in.payAmount(), "concession.notForKind");
            if ((in.amount() == null) == (in.percent() == null)) {
                errors.add(FieldError.coded("amount", in.amount(), "concession.amountOrPercent", "give either an amount or a percent"));
            } else if (in.percent() != null) {
                if (in.percent().signum() <= 0 || in.percent().compareTo(HUNDRED) >= 0 || in.percent().stripTrailingZeros().scale() > 2) {
                    errors.add(FieldError.coded("percent", in.percent(), "concession.percent", "must be above 0 and below 100, at most two decimals"));
                } else {
                    percent = in.percent().setScale(2, RoundingMode.UNNECESSARY);
                    amount = open.multiply(percent).divide(HUNDRED, 2, RoundingMode.HALF_UP);
                    if (known && amount.signum() == 0) {
                        errors.add(FieldError.coded("percent", in.percent(), "amount.positive", "comes to 0.00 of the open amount: must be greater than 0"));
                    }
                }
            } else if (money(errors, "amount", in.amount())) {
                amount = in.amount().setScale(2, RoundingMode.UNNECESSARY);
            }
            if (known && amount != null && amount.compareTo(open) >= 0) {
                errors.add(FieldError.coded(in.percent() != null ? "percent" : "amount", in.amount() != null ? in.amount() : in.percent(),
                        "concession.belowOpen", "the discount must be below the invoices' open amount " + open.toPlainString(), open.toPlainString()));
            }
        } else if (kind == ConcessionKind.WRITE_OFF_REMAINDER) {
            notAllowed(errors, "amount", in.amount(), "concession.computed");
            notAllowed(errors, "percent", in.percent(), "concession.notForKind");
            payAmount = condition(errors, in, true);
            if (known && payAmount != null && payAmount.compareTo(open) >= 0) {
                errors.add(FieldError.coded("payAmount", payAmount, "concession.belowOpen",
                        "must be below the invoices' open amount " + open.toPlainString() + ": something must remain to write off", open.toPlainString()));
            }
            amount = payAmount == null ? open : open.subtract(payAmount);
        } else if (kind != null) {
            notAllowed(errors, "percent", in.percent(), "concession.notForKind");
            if (money(errors, "amount", in.amount())) {
                amount = in.amount().setScale(2, RoundingMode.UNNECESSARY);
            }
            payAmount = condition(errors, in, false);
            if (known && payAmount != null && payAmount.compareTo(open) > 0) {
                errors.add(FieldError.coded("payAmount", payAmount, "concession.aboveOpen",
                        "must not exceed the invoices' open amount " + open.toPlainString(), open.toPlainString()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        List<BigDecimal> shares = Shares.proportional(amount, invoices.stream().map(InvoiceView::open).toList());
        return new Checked(customer, kind, invoices, open, amount, percent, in.payBy(), payAmount, reason, shares);
    }

    private CustomerRef customer(List<FieldError> errors, String code) {
        if (code == null || code.isBlank()) {
            errors.add(FieldError.coded("customerCode", code, "required", "is required"));
            return null;
        }
        CustomerRef ref = customers.findRef(code.strip()).orElse(null);
        if (ref == null || !CurrentUser.get().mayAccess(ref.owner())) {
            errors.add(FieldError.coded("customerCode", code, "unknownCustomer", "unknown customer (or not in your portfolio)"));
            return null;
        }
        return ref;
    }

    private static ConcessionKind kind(List<FieldError> errors, String raw) {
        try {
            return ConcessionKind.valueOf(raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(FieldError.coded("kind", raw, "concession.kind",
                    "one of PROMPT_PAYMENT_DISCOUNT, INTEREST_WAIVER, PENALTY_WAIVER, WRITE_OFF_REMAINDER"));
            return null;
        }
    }

    private List<InvoiceView> invoices(List<FieldError> errors, CustomerRef customer, List<String> nos) {
        List<InvoiceView> found = new ArrayList<>();
        if (nos == null || nos.isEmpty()) {
            errors.add(FieldError.coded("invoiceNos", null, "concession.invoicesRequired", "name at least one open invoice of the customer"));
            return found;
        }
        if (nos.size() > MAX_INVOICES) {
            errors.add(FieldError.coded("invoiceNos", nos.size(), "concession.tooManyInvoices", "at most " + MAX_INVOICES + " invoices", MAX_INVOICES));
            return found;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < nos.size(); i++) {
            String field = "invoiceNos[" + i + "]";
            String no = nos.get(i) == null ? "" : nos.get(i).strip();
            InvoiceView v = no.isEmpty() ? null : ledger.invoice(no).orElse(null);
            if (v == null || customer == null || !v.customerCode().equals(customer.code())) {
                errors.add(FieldError.coded(field, no, "concession.invoiceUnknown", "no such invoice of this customer"));
            } else if (!seen.add(no)) {
                errors.add(FieldError.coded(field, no, "concession.invoiceTwice", "is named twice"));
            } else if (v.open().signum() <= 0) {
                errors.add(FieldError.coded(field, no, "concession.invoiceSettled", "has nothing open"));
            } else {
                found.add(v);
            }
        }
        return found;
    }

    /** The condition of a write-off or waiver: payBy and payAmount together (a write-off), or payBy alone (a waiver: paid in full). */
    private static BigDecimal condition(List<FieldError> errors, NewConcession in, boolean amountNeeded) {
        if (in.payAmount() != null && in.payBy() == null) {
            errors.add(FieldError.coded("payBy", null, "concession.payByRequired", "is required with payAmount: the date by which it must be paid"));
        }
        if (in.payBy() != null && in.payAmount() == null && amountNeeded) {
            errors.add(FieldError.coded("payAmount", null, "concession.payAmountRequired", "is required with payBy: the amount to be paid by then"));
        }
        return in.payAmount() != null && money(errors, "payAmount", in.payAmount()) ? in.payAmount().setScale(2, RoundingMode.UNNECESSARY) : null;
    }

    private static boolean money(List<FieldError> errors, String field, BigDecimal v) {
        if (v == null) {
            errors.add(FieldError.coded(field, null, "required", "is required"));
        } else if (v.signum() <= 0) {
            errors.add(FieldError.coded(field, v, "amount.positive", "must be greater than 0"));
        } else if (v.stripTrailingZeros().scale() > 2) {
            errors.add(FieldError.coded(field, v, "amount.decimals", "at most 2 decimals"));
        } else if (v.compareTo(InputRules.MAX_AMOUNT) > 0) {
            errors.add(FieldError.coded(field, v, "amount.tooLarge", "too large"));
        } else {
            return true;
        }
        return false;
    }

    private static void notAllowed(List<FieldError> errors, String field, Object value, String code) {
        if (value != null) {
            errors.add(FieldError.coded(field, value, code, code.endsWith("computed") ? "is computed for this kind: leave it empty" : "does not apply to this kind"));
        }
    }

    private static void positiveId(List<FieldError> errors, String field, Long id) {
        if (id != null && id <= 0) {
            errors.add(FieldError.coded(field, id, "concession.id", "must be a positive id"));
        }
    }
}
