package io.huikuan.common.web;

import io.huikuan.common.InputRules;
import io.huikuan.common.ValidationException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;

/**
 * The errors of one HTML form, by field, for showing next to the inputs ({@code errors.get('amount')}).
 * Parses form input (amounts with thousands separators or ¥, dates yyyy-MM-dd or yyyy/M/d) and takes
 * the field errors of a {@link ValidationException}.
 */
public final class FormErrors {

    private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("yyyy/M/d");

    private final Map<String, List<String>> errors = new LinkedHashMap<>();
    private final MessageSource messages;
    private final Locale locale;

    public FormErrors(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    public static FormErrors none() {
        return new FormErrors(null, Locale.ROOT);
    }

    public void add(String field, String message) {
        errors.computeIfAbsent(field, f -> new ArrayList<>()).add(message);
    }

    /** Adds the message of a bundle key. */
    public void addCode(String field, String code) {
        add(field, messages == null ? code : messages.getMessage(code, null, code, locale));
    }

    /** Takes each field error; {@code prefix} is cut from service field names (e.g. "contact."). */
    public FormErrors addAll(ValidationException e, String prefix) {
        for (ValidationException.FieldError f : e.errors()) {
            String field = f.field() == null ? "" : f.field();
            if (prefix != null && field.startsWith(prefix)) {
                field = field.substring(prefix.length());
            }
            add(field, text(f));
        }
        return this;
    }

    /** A service's rule message in the user's language (never English in Chinese; see {@link FieldLabels#rule}). */
    public String text(ValidationException.FieldError f) {
        return new FieldLabels(messages, locale).rule(f);
    }

    public FormErrors addAll(ValidationException e) {
        return addAll(e, null);
    }

    public boolean any() {
        return !errors.isEmpty();
    }

    public boolean has(String field) {
        return errors.containsKey(field);
    }

    /** The messages of one field joined with "; ", or null. */
    public String get(String field) {
        List<String> list = errors.get(field);
        return list == null ? null : String.join("; ", list);
    }

    /**
     * A service's refusal as one flash line, "label: message; label: message", each field labelled by the bundle key
     * {@code labelPrefix + field} (the field's name when there is none).
     */
    public String summary(ValidationException e, String labelPrefix) {
        StringBuilder text = new StringBuilder();
        for (ValidationException.FieldError f : e.errors()) {
            text.append(text.isEmpty() ? "" : "; ").append(messages.getMessage(labelPrefix + f.field(), null, f.field(), locale))
                    .append(": ").append(text(f));
        }
        return text.toString();
    }

    /** Every error as "label：message" lines (the field's label in the user's language, never its key), for a summary. */
    public List<String> all() {
        FieldLabels labels = new FieldLabels(messages, locale);
        List<String> lines = new ArrayList<>();
        errors.forEach((field, list) -> list.forEach(m -> lines.add(labels.line(field, m))));
        return lines;
    }

    /**
     * Errors of fields not in {@code shown} (which have no input of their own on the form); a name
     * ending in {@code *} stands for every field with that prefix.
     */
    public List<String> others(String... shown) {
        List<String> known = List.of(shown);
        FieldLabels labels = new FieldLabels(messages, locale);
        List<String> lines = new ArrayList<>();
        errors.forEach((field, list) -> {
            boolean placed = known.stream().anyMatch(k -> k.endsWith("*") ? field.startsWith(k.substring(0, k.length() - 1)) : k.equals(field));
            if (!placed) {
                list.forEach(m -> lines.add(labels.line(field, m)));
            }
        });
        return lines;
    }

    /** An amount such as {@code ¥1,234.50}; blank is null (or an error when required). */
    public BigDecimal amount(String field, String raw, boolean required) {
        if (raw == null || raw.isBlank()) {
            if (required) {
                addCode(field, "error.required");
            }
            return null;
        }
        String cleaned = raw.trim().replace(",", "").replace("，", "").replace("¥", "").replace("￥", "").replace(" ", "");
        try {
            return new BigDecimal(cleaned);
        } catch (NumberFormatException e) {
            addCode(field, "error.amount");
            return null;
        }
    }

    public LocalDate date(String field, String raw, boolean required) {
        if (raw == null || raw.isBlank()) {
            if (required) {
                addCode(field, "error.required");
            }
            return null;
        }
        String s = raw.trim();
        LocalDate date;
        try {
            date = s.contains("/") ? LocalDate.parse(s, SLASHED) : LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            addCode(field, "error.date");
            return null;
        }
        if (InputRules.dateRule(field, date).isPresent()) {
            addCode(field, "error.date.range");
            return null;
        }
        return date;
    }

    public Integer integer(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(raw.trim());
        } catch (NumberFormatException e) {
            addCode(field, "error.integer");
            return null;
        }
    }

    public void required(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            addCode(field, "error.required");
        }
    }
}
