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
}
