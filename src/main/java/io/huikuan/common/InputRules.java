package io.huikuan.common;

import io.huikuan.common.ValidationException.FieldError;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * Rules every piece of input obeys, whatever the field: business dates lie between
 * {@link #EARLIEST_DATE} and {@link #LATEST_DATE}; text holds no control characters (tab, line
 * feed and carriage return excepted) and at most {@link #MAX_TEXT} characters. The web layer applies
 * them to every request parameter and JSON value ({@code common.web.InputGuards}); code that parses
 * input itself uses {@link #date(String, String)}. Broken rules name the field (bundle codes
 * {@code error.date.range}, {@code error.text.control}, {@code error.text.tooLong}).
 */
public final class InputRules {

    public static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST_DATE = LocalDate.of(2999, 12, 31);
    public static final String DATE_RANGE = EARLIEST_DATE + ".." + LATEST_DATE;
    /** The largest amount a money column ({@code NUMERIC(19,2)}) holds. */
    public static final java.math.BigDecimal MAX_AMOUNT = new java.math.BigDecimal("99999999999999999.99");
    /** The longest text any field takes (the widest text column holds 20,000 characters). */
    public static final int MAX_TEXT = 20_000;

    /**
     * Request parameters allowed up to {@link #MAX_LONG_TEXT} characters instead of {@link #MAX_TEXT} (still without
     * control characters): the portal's drawn signature, a PNG data URL its own code limits to 200 KB of image.
     */
    public static final java.util.Set<String> LONG_PARAMETERS = java.util.Set.of("signatureImage");
    public static final int MAX_LONG_TEXT = 300_000;

    private InputRules() {
    }

    /** The broken date rule, if {@code date} lies outside {@link #DATE_RANGE}. */
    public static Optional<FieldError> dateRule(String field, LocalDate date) {
        if (date == null || (!date.isBefore(EARLIEST_DATE) && !date.isAfter(LATEST_DATE))) {
            return Optional.empty();
        }
        return Optional.of(FieldError.coded(field, date, "date.range", "date out of range " + DATE_RANGE, EARLIEST_DATE, LATEST_DATE));
    }

    /** Throws a {@link ValidationException} naming {@code field} when {@code date} lies outside the range. */
    public static LocalDate checkDate(String field, LocalDate date) {
        dateRule(field, date).ifPresent(e -> {
            throw new ValidationException(java.util.List.of(e));
        });
        return date;
    }

    /**
     * A date typed as yyyy-MM-dd; null when blank; a {@link ValidationException} naming {@code field}
     * when it is no such date or lies outside the range.
     */
    public static LocalDate date(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw ValidationException.coded(field, raw, "date", "a date as yyyy-MM-dd");
        }
        return checkDate(field, date);
    }

    /** The broken text rule, if {@code value} holds a control character or is longer than {@link #MAX_TEXT}. */
    public static Optional<FieldError> textRule(String field, String value) {
        return textRule(field, value, MAX_TEXT);
    }

    /** {@link #textRule(String, String)} with another length limit. */
    public static Optional<FieldError> textRule(String field, String value, int max) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.length() > max) {
            return Optional.of(FieldError.coded(field, value.length() + " characters", "text.tooLong",
                    "at most " + max + " characters", max));
        }
        int at = controlCharacter(value);
        if (at >= 0) {
            return Optional.of(FieldError.coded(field, "U+%04X at character %d".formatted((int) value.charAt(at), at + 1), "text.control",
                    "control character U+%04X at character %d is not allowed".formatted((int) value.charAt(at), at + 1), at + 1));
        }
        return Optional.empty();
    }

    /** Adds the broken rule when {@code value} is longer than {@code max} (its column's size), so it is refused before the database. */
    public static void length(List<FieldError> errors, String field, String value, int max) {
        if (value != null && value.length() > max) {
            errors.add(FieldError.coded(field, value.length() + " characters", "text.tooLong", "at most " + max + " characters", max));
        }
    }

    /** Throws a {@link ValidationException} naming {@code field} when {@code value} breaks a text rule. */
    public static String checkText(String field, String value) {
        textRule(field, value).ifPresent(e -> {
            throw new ValidationException(java.util.List.of(e));
        });
        return value;
    }

    /** The index of the first control character other than tab, line feed and carriage return, or -1. */
    public static int controlCharacter(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return i;
            }
        }
        return -1;
    }
}
