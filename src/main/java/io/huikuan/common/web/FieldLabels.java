package io.huikuan.common.web;

import io.huikuan.common.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;

/**
 * Says a field error the way a user reads it: the field by its label in the user's language
 * ({@code field.<name>} in the bundles: "最低逾期金额", not "minAmount") and the rule in that language
 * ({@code error.<code>}, or for the few rules a service states only in English, a bundle text
 * for the common shapes — "required", "at most 300 characters" — and a neutral "无效" otherwise,
 * never the English text in Chinese). A field without a label is left out rather than shown as a key.
 */
public final class FieldLabels {

    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");
    private static final Pattern AT_MOST = Pattern.compile("(?:must be )?at most (\\d+) characters");

    private final MessageSource messages;
    private final Locale locale;

    public FieldLabels(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    /**
     * The label of a field name as services and forms use it: {@code minAmount}, {@code contact.email},
     * {@code steps[2].template} ("第 3 步 模板"), {@code credit_days} (an import column); null when the
     * bundles have no label for it.
     */
    public String label(String field) {
        if (field == null || field.isBlank() || messages == null) {
            return null;
        }
        String name = field;
        String position = null;
        int dot = name.lastIndexOf('.');
        String parent = dot > 0 ? name.substring(0, dot) : "";
        String leaf = dot >= 0 ? name.substring(dot + 1) : name;
        Matcher parentIndex = INDEX.matcher(parent);
        if (parentIndex.find()) {
            position = messages.getMessage("fields.row", new Object[] {Integer.parseInt(parentIndex.group(1)) + 1}, null, locale);
        }
        Matcher leafIndex = INDEX.matcher(leaf);
        String item = null;
        if (leafIndex.find()) {
            item = String.valueOf(Integer.parseInt(leafIndex.group(1)) + 1);
            leaf = leaf.substring(0, leafIndex.start());
        }
        String text = lookup(leaf);
        if (text == null) {
            return null;
        }
        if (item != null) {
            text = text + " " + item;
        }
        return position == null ? text : position + " " + text;
    }

    private String lookup(String leaf) {
        if (leaf.isEmpty()) {
            return null;
        }
        String text = messages.getMessage("field." + leaf, null, null, locale);
        if (text == null && leaf.contains("_")) {
            // import columns are snake_case: credit_days → creditDays
            StringBuilder camel = new StringBuilder();
            boolean up = false;
            for (char c : leaf.toCharArray()) {
                if (c == '_') {
                    up = true;
                } else {
                    camel.append(up ? Character.toUpperCase(c) : c);
                    up = false;
                }
            }
            text = messages.getMessage("field." + camel, null, null, locale);
        }
        return text;
    }

    /** The rule of an error in the user's language. */
    public String rule(ValidationException.FieldError f) {
        if (messages == null) {
            return f.message();
        }
        if (f.code() != null) {
            String coded = messages.getMessage("error." + f.code(), f.args().toArray(), null, locale);
            if (coded != null) {
                return coded;
            }
        }
        return plain(f.message());
    }

    /** A rule a service stated in English only, in the user's language where the bundles know its shape. */
    public String plain(String english) {
        if (english == null || messages == null || Locale.ENGLISH.getLanguage().equals(locale.getLanguage())) {
            return english;
        }
        String m = english.strip();
        if (m.equals("required") || m.equals("is required") || m.startsWith("required ") || m.startsWith("required:")) {
            return messages.getMessage("error.required", null, m, locale);
        }
        Matcher atMost = AT_MOST.matcher(m);
        if (atMost.matches()) {
            return messages.getMessage("error.tooLong", new Object[] {Integer.valueOf(atMost.group(1))}, m, locale);
        }
        // an English-only rule: a neutral text in the user's language rather than English in a Chinese page
        return messages.getMessage("error.invalid", null, m, locale);
    }

    /** "最低逾期金额：不是有效金额" — the label and the rule, or the rule alone for a field without a label. */
    public String line(String field, String rule) {
        String label = label(field);
        if (label == null) {
            return rule;
        }
        return messages.getMessage("fields.line", new Object[] {label, rule}, label + ": " + rule, locale);
    }

    /**
     * Errors of a bulk form as flash lines that name the field in the user's language ("延后至：须在 … 之间"):
     * each listed field's label is the bundle key {@code prefix + field}; then the errors of any other field.
     */
    public static String lines(FormErrors errors, MessageSource messages, Locale locale, String prefix, String... fields) {
        List<String> lines = new ArrayList<>();
        for (String field : fields) {
            if (errors.has(field)) {
                lines.add(messages.getMessage(prefix + field, null, field, locale) + messages.getMessage("bulk.colon", null, ": ", locale)
                        + errors.get(field));
            }
        }
        lines.addAll(errors.others(fields));
        return String.join("; ", lines);
    }
}
