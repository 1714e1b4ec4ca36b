package io.huikuan.correspondence;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Templates by name in the user's language where pages would print their codes ({@code demand_letter} →
 * "催款函"): {@code @templateNames.name(code)}. The shipped codes have bundle texts
 * ({@code template.name.<code>}); a code a user made is shown as it is.
 */
@Component("templateNames")
public class TemplateNames {

    private final MessageSource messages;

    TemplateNames(MessageSource messages) {
        this.messages = messages;
    }

    public String name(String code) {
        if (code == null || code.isBlank()) {
            return code;
        }
        return messages.getMessage("template.name." + code, null, code, LocaleContextHolder.getLocale());
    }

    /** "催款函 (demand_letter)": the name with the code a strategy step refers to, for choices. */
    public String withCode(String code) {
        String name = name(code);
        return name.equals(code) ? code : name + " (" + code + ")";
    }
}
