package io.huikuan.ledger;

import io.huikuan.common.InputRules;
import io.huikuan.common.ValidationException.FieldError;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Field rules of ledger documents, shared by the forms, the API and the file import. */
public final class LedgerRules {

    /** A document number (invoice, payment, contract, credit note): it appears in URLs, so no '/'. */
    public static final Pattern DOCUMENT_NO = Pattern.compile("[\\p{L}\\p{N}._#-]{1,64}");
    public static final String DOCUMENT_NO_RULE = "1-64 letters, digits or . _ # -";
    public static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("99999999999999999.99");

    private LedgerRules() {
    }

    public static List<FieldError> check(Invoice i) {
        List<FieldError> errors = new ArrayList<>();
        number(errors, "invoiceNo", i.invoiceNo());
        if (i.customerCode() == null || i.customerCode().isBlank()) {
            errors.add(FieldError.coded("customerCode", i.customerCode(), "required", "required"));
        }
        if (i.issueDate() == null) {
            errors.add(FieldError.coded("issueDate", null, "date.required", "required (yyyy-MM-dd)"));
        }
        if (i.dueDate() == null) {
            errors.add(FieldError.coded("dueDate", null, "date.required", "required (yyyy-MM-dd)"));
        }
        if (i.issueDate() != null && i.dueDate() != null && i.dueDate().isBefore(i.issueDate())) {
            errors.add(FieldError.coded("dueDate", i.dueDate(), "dueBeforeIssue", "due date is before the issue date " + i.issueDate(), i.issueDate()));
        }
        amount(errors, "amount", i.amount());
        InputRules.length(errors, "taxInvoiceNo", i.taxInvoiceNo(), 64);
        InputRules.length(errors, "businessUnit", i.businessUnit(), 100);
        if (i.currency() != null && !i.currency().isBlank() && !CURRENCY.matcher(i.currency()).matches()) {
            errors.add(FieldError.coded("currency", i.currency(), "currency", "a three-letter ISO code such as CNY"));
        }
        if (i.taxInvoiceDate() != null && i.issueDate() != null && i.taxInvoiceDate().isBefore(i.issueDate().minusYears(1))) {
            errors.add(FieldError.coded("taxInvoiceDate", i.taxInvoiceDate(), "invoice.taxDateEarly", "more than a year before the issue date"));
        }
        return errors;
    }

    /** A positive amount with at most 2 decimals. */
    public static void amount(List<FieldError> errors, String field, BigDecimal amount) {
        if (amount == null) {
            errors.add(FieldError.coded(field, null, "required", "required"));
        } else if (amount.signum() <= 0) {
            errors.add(FieldError.coded(field, amount, "amount.positive", "must be greater than 0"));
        } else if (amount.stripTrailingZeros().scale() > 2) {
            errors.add(FieldError.coded(field, amount, "amount.decimals", "at most 2 decimals"));
        } else if (amount.compareTo(MAX_AMOUNT) > 0) {
            errors.add(FieldError.coded(field, amount, "amount.tooLarge", "too large"));
        }
    }

    public static void number(List<FieldError> errors, String field, String value) {
        if (value == null || value.isBlank()) {
            errors.add(FieldError.coded(field, value, "required", "required"));
        } else if (!DOCUMENT_NO.matcher(value).matches()) {
            errors.add(FieldError.coded(field, value, "number.pattern", DOCUMENT_NO_RULE));
        }
    }
}
