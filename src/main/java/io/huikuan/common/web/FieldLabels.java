package io.huikuan.common.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * Errors of a bulk form as flash lines that name the field in the user's language ("延后至：须在 … 之间"), never
 * the field's key: each field's label is the bundle key {@code prefix + field} (issue 12, item 12).
 */
public final class FieldLabels {

    private FieldLabels() {
    }

    /** One line per field with errors, in the order given, then the errors of any other field as they are. */
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
