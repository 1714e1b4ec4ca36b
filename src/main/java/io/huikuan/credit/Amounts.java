package io.huikuan.credit;

import io.huikuan.common.ValidationException.FieldError;
import java.math.BigDecimal;
import java.util.List;

/** Parsing of typed amounts for the credit forms and API: plain decimals, thousands separators and ¥ allowed. */
final class Amounts {

    static final BigDecimal MAX = new BigDecimal("9999999999999999.99");

    private Amounts() {
    }

    /** The number, or null when it is not one. */
    static BigDecimal parse(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.strip().replace(",", "").replace("，", "").replace("¥", "").replace("￥", "");
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A required (or optional) amount; {@code signed}: may be negative (profit, equity). Adds the broken rule to {@code errors}. */
    static BigDecimal money(String field, String raw, boolean required, boolean signed, List<FieldError> errors) {
        if (raw == null || raw.isBlank()) {
            if (required) {
                errors.add(FieldError.coded(field, null, "required", "is required"));
            }
            return null;
        }
        BigDecimal v = parse(raw);
        if (v == null || (!signed && v.signum() < 0) || v.scale() > 2 || v.abs().compareTo(MAX) > 0) {
            errors.add(signed ? FieldError.coded(field, raw, "credit.app.signedAmount", "an amount with at most 2 decimals")
                    : FieldError.coded(field, raw, "credit.app.amount", "an amount of 0 or more with at most 2 decimals"));
            return null;
        }
        return v.setScale(2);
    }

    /** An optional whole number from {@code min} to {@code max}. */
    static Integer whole(String field, String raw, int min, int max, List<FieldError> errors) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            int v = Integer.parseInt(raw.strip());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // below
        }
        errors.add(FieldError.coded(field, raw, "credit.app.whole", "a whole number from {0} to {1}", min, max));
        return null;
    }
}
