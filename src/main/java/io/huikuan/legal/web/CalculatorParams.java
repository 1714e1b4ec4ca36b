package io.huikuan.legal.web;

import io.huikuan.common.InputRules;
import io.huikuan.common.ValidationException;
import io.huikuan.common.ValidationException.FieldError;
import io.huikuan.legal.CourtProcedure;
import io.huikuan.legal.InterestBasis;
import io.huikuan.legal.LateInterest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The calculators' query parameters as typed (API and page share them): every bad one is named at once, with the rule
 * (not a number, not a date, not one of the values); blank is absent.
 */
final class CalculatorParams {

    private final List<FieldError> errors = new ArrayList<>();

    /** The court-fee form: claim, procedure and the mediation flag. */
    record Fee(BigDecimal claim, CourtProcedure procedure, boolean mediated) {
    }

    static Fee fee(String claim, String procedure, String mediated) {
        CalculatorParams p = new CalculatorParams();
        BigDecimal amount = p.decimal("claim", claim);
        if (amount == null && p.errors.isEmpty()) {
            p.errors.add(FieldError.coded("claim", null, "required", "is required: the amount claimed, e.g. 1000000.00"));
        }
        CourtProcedure proc = p.option("procedure", procedure, CourtProcedure.class, CourtProcedure.LAWSUIT);
        boolean med = p.flag("mediated", mediated);
        p.done();
        return new Fee(amount, proc, med);
    }

    static LateInterest.Request interest(String principal, String from, String to, String basis, String rate, String markup, String dayBasis) {
        CalculatorParams p = new CalculatorParams();
        BigDecimal amount = p.decimal("principal", principal);
        LocalDate first = p.date("from", from);
        LocalDate last = p.date("to", to);
        InterestBasis b = p.option("basis", basis, InterestBasis.class, null);
        BigDecimal r = p.decimal("rate", rate);
        BigDecimal m = p.decimal("markup", markup);
        Integer days = null;
        if (dayBasis != null && !dayBasis.isBlank()) {
            try {
                days = Integer.valueOf(dayBasis.strip());
            } catch (NumberFormatException e) {
                p.errors.add(FieldError.coded("dayBasis", dayBasis, "legal.dayBasis", "is 360 or 365"));
            }
        }
        p.done();
        return new LateInterest.Request(amount, first, last, b, r, m, days);
    }

    /** The claim estimate: customer, invoice numbers (comma list), case kind and procedure, as-of date, interest basis, rate, markup. */
    static io.huikuan.legal.ClaimEstimates.Request claim(String customer, String invoiceNos, String kind, String procedure, String asOf,
            String basis, String rate, String markup) {
        CalculatorParams p = new CalculatorParams();
        io.huikuan.legal.LegalCaseKind k = p.option("kind", kind, io.huikuan.legal.LegalCaseKind.class, null);
        io.huikuan.legal.LawsuitProcedure proc = p.option("procedure", procedure, io.huikuan.legal.LawsuitProcedure.class,
                io.huikuan.legal.LawsuitProcedure.ORDINARY);
        LocalDate date = p.date("asOf", asOf);
        InterestBasis b = p.option("basis", basis, InterestBasis.class, InterestBasis.DAILY_RATE);
        BigDecimal r = p.decimal("rate", rate);
        BigDecimal m = p.decimal("markup", markup);
        p.done();
        return new io.huikuan.legal.ClaimEstimates.Request(customer, List.copyOf(io.huikuan.legal.EvidencePacks.invoiceList(invoiceNos)), k,
                k == io.huikuan.legal.LegalCaseKind.LAWSUIT ? proc : procedure == null || procedure.isBlank() ? null : proc, date, b, r, m);
    }

    private BigDecimal decimal(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(raw.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            errors.add(FieldError.coded(field, raw, "amount", "is not a number (e.g. 1000000.00)"));
            return null;
        }
    }

    private LocalDate date(String field, String raw) {
        try {
            return InputRules.date(field, raw);
        } catch (ValidationException e) {
            errors.addAll(e.errors());
            return null;
        }
    }

    private <E extends Enum<E>> E option(String field, String raw, Class<E> type, E byDefault) {
        if (raw == null || raw.isBlank()) {
            if (byDefault == null) {
                errors.add(FieldError.coded(field, null, "required", "is required: one of " + names(type)));
            }
            return byDefault;
        }
        try {
            return Enum.valueOf(type, raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(FieldError.coded(field, raw, "legal.oneOf", "must be one of " + names(type), names(type)));
            return null;
        }
    }

    private boolean flag(String field, String raw) {
        if (raw == null || raw.isBlank() || raw.equalsIgnoreCase("false")) {
            return false;
        }
        if (raw.equalsIgnoreCase("true") || raw.equals("on")) {
            return true;
        }
        errors.add(FieldError.coded(field, raw, "legal.flag", "is true or false"));
        return false;
    }

    private static String names(Class<? extends Enum<?>> type) {
        return String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
    }

    private void done() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
