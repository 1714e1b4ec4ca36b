package io.huikuan.legal;

import io.huikuan.common.InputRules;
import io.huikuan.common.NotFoundException;
import io.huikuan.common.ValidationException;
import io.huikuan.common.ValidationException.FieldError;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import io.huikuan.legal.internal.LegalCaseQueries;
import io.huikuan.legal.internal.LegalCaseQueries.CaseRow;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The shared rules of legal cases: who may read and write, amounts, dates, enum values named by field. */
public final class LegalCaseRules {

    private LegalCaseRules() {
    }

    /** Legal, managers and administrators write cases. */
    static CurrentUser requireWrite(String action) {
        return CurrentUser.require(action, Role.LEGAL, Role.MANAGER);
    }

    /** The pages that write (the open-a-case form) refuse others before showing the form. */
    public static void requireWriteForPages() {
        requireWrite("open legal cases");
    }

    /** Everyone with a role reads; collectors only the cases of their own customers. */
    static CurrentUser requireRead() {
        return CurrentUser.require("see legal cases", Role.LEGAL, Role.MANAGER, Role.FINANCE, Role.COLLECTOR);
    }

    /** The case if the current user may see it (404 otherwise). */
    static CaseRow visible(LegalCaseQueries queries, long id) {
        CurrentUser me = requireRead();
        CaseRow row = queries.find(id).orElseThrow(() -> new NotFoundException("legal case", String.valueOf(id)));
        if (!me.mayAccess(row.customerOwner())) {
            throw new NotFoundException("legal case", String.valueOf(id));
        }
        return row;
    }

    /** An amount of the claim or of money: not negative (positive when {@code positive}), at most two decimals. */
    static void amount(List<FieldError> errors, String field, BigDecimal value, boolean positive) {
        if (value == null) {
            if (positive) {
                errors.add(FieldError.coded(field, null, "required", "required"));
            }
            return;
        }
        if (positive ? value.signum() <= 0 : value.signum() < 0) {
            errors.add(FieldError.coded(field, value, positive ? "legal.amountPositive" : "legal.amountNotNegative",
                    positive ? "must be greater than 0" : "must not be negative"));
        } else if (value.stripTrailingZeros().scale() > 2) {
            errors.add(FieldError.coded(field, value, "legal.amountScale", "at most two decimals (fen)"));
        } else if (value.compareTo(InputRules.MAX_AMOUNT) > 0) {
            errors.add(FieldError.coded(field, value, "legal.amountTooLarge", "at most " + InputRules.MAX_AMOUNT));
        }
    }

    /** A date that is required and not after today. */
    static void pastDate(List<FieldError> errors, String field, LocalDate date, LocalDate today) {
        if (date == null) {
            errors.add(FieldError.coded(field, null, "date.required", "required (yyyy-MM-dd)"));
        } else if (date.isAfter(today)) {
            errors.add(FieldError.coded(field, date, "legal.future", "must not be in the future (today is " + today + ")", today.toString()));
        } else {
            InputRules.dateRule(field, date).ifPresent(errors::add);
        }
    }

    /** An enum value by name in any case; blank is null; a bad one names the field and the choices. */
    public static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String choices = String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
            throw ValidationException.coded(field, value, "legal.choice", "one of " + choices, choices);
        }
    }

    static BigDecimal money(BigDecimal v) {
        return (v == null ? BigDecimal.ZERO : v).setScale(2, java.math.RoundingMode.UNNECESSARY);
    }

    /**
     * The invoices a case or a claim covers: the named ones (each the customer's and with something open, else an error
     * naming {@code invoiceNos[i]}), or, none named, every overdue one ({@code overdue}; none: an error on invoiceNos).
     */
    static <T> List<T> chosen(List<String> invoiceNos, java.util.function.Supplier<List<T>> overdue,
            java.util.function.Function<List<String>, java.util.Map<String, T>> byNumber, java.util.function.Function<T, BigDecimal> open,
            List<FieldError> errors) {
        List<String> named = invoiceNos == null ? List.of() : invoiceNos.stream().filter(n -> n != null && !n.isBlank()).map(String::strip)
                .distinct().toList();
        if (named.isEmpty()) {
            List<T> all = overdue.get();
            if (all.isEmpty()) {
                errors.add(FieldError.coded("invoiceNos", null, "legal.noOverdue", "the customer has no overdue invoice: name the invoices"));
            }
            return all;
        }
        java.util.Map<String, T> found = byNumber.apply(named);
        List<T> out = new java.util.ArrayList<>();
        for (int i = 0; i < named.size(); i++) {
            T inv = found.get(named.get(i));
            if (inv == null) {
                errors.add(FieldError.coded("invoiceNos[" + i + "]", named.get(i), "legal.notCustomersInvoice", "is not an invoice of this customer"));
            } else if (open.apply(inv).signum() <= 0) {
                errors.add(FieldError.coded("invoiceNos[" + i + "]", named.get(i), "legal.invoiceNotOpen", "has nothing open"));
            } else {
                out.add(inv);
            }
        }
        return out;
    }
}
