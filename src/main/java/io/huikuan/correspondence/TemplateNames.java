package io.huikuan.correspondence;

import io.huikuan.common.ValidationException;
import io.huikuan.common.ValidationException.FieldError;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Templates by name in the user's language where pages would print their codes ({@code demand_letter} → "催款函"):
 * {@code @templateNames.name(code)}. A name a manager gave the code ({@code template_name}) wins; else the shipped
 * codes' bundle texts ({@code template.name.<code>}); else the code as it is. The stored names are read once per request.
 */
@Component("templateNames")
public class TemplateNames {

    /** The names a manager gave a template code (either may be null). */
    public record Stored(String code, String nameZh, String nameEn) {
    }

    private static final String CACHE = TemplateNames.class.getName() + ".names";
    private static final int MAX_NAME = 200;

    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final Clock clock;

    TemplateNames(JdbcClient jdbc, MessageSource messages, Clock clock) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.clock = clock;
    }

    public String name(String code) {
        if (code == null || code.isBlank()) {
            return code;
        }
        boolean en = Locale.ENGLISH.getLanguage().equals(LocaleContextHolder.getLocale().getLanguage());
        Stored s = stored().get(code);
        String given = s == null ? null : en ? s.nameEn() : s.nameZh();
        if (given != null && !given.isBlank()) {
            return given;
        }
        return messages.getMessage("template.name." + code, null, code, LocaleContextHolder.getLocale());
    }

    /** "催款函 (demand_letter)": the name with the code a strategy step refers to, for choices. */
    public String withCode(String code) {
        String name = name(code);
        return name == null || name.equals(code) ? code : name + " (" + code + ")";
    }

    /** The names stored for a code, or empty names. */
    public Stored stored(String code) {
        return stored().getOrDefault(code, new Stored(code, null, null));
    }

    /** Names a template code (managers); blank names are removed, so the bundle's name or the code shows again. */
    @Transactional
    public Stored rename(String code, String nameZh, String nameEn) {
        CurrentUser user = CurrentUser.require("name templates", Role.MANAGER);
        String c = Templates.code(code);
        List<FieldError> errors = new ArrayList<>();
        String zh = clean(errors, "nameZh", nameZh);
        String en = clean(errors, "nameEn", nameEn);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        jdbc.sql("DELETE FROM template_name WHERE code = ?").param(c).update();
        if (zh != null || en != null) {
            jdbc.sql("INSERT INTO template_name (code, name_zh, name_en, updated_by, updated_at) VALUES (?,?,?,?,?)")
                    .params(c, zh, en, user.username(), Timestamp.from(Instant.now(clock))).update();
        }
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.removeAttribute(CACHE, RequestAttributes.SCOPE_REQUEST);
        }
        return new Stored(c, zh, en);
    }

    private static String clean(List<FieldError> errors, String field, String raw) {
        String s = raw == null || raw.isBlank() ? null : raw.strip();
        if (s != null && s.length() > MAX_NAME) {
            errors.add(FieldError.coded(field, s.length(), "text.tooLong", "at most " + MAX_NAME + " characters", MAX_NAME));
        }
        return s;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Stored> stored() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        Object cached = request == null ? null : request.getAttribute(CACHE, RequestAttributes.SCOPE_REQUEST);
        if (cached instanceof Map<?, ?> map) {
            return (Map<String, Stored>) map;
        }
        Map<String, Stored> names = new HashMap<>();
        jdbc.sql("SELECT code, name_zh, name_en FROM template_name")
                .query((rs, n) -> new Stored(rs.getString(1), rs.getString(2), rs.getString(3))).list()
                .forEach(s -> names.put(s.code(), s));
        if (request != null) {
            request.setAttribute(CACHE, names, RequestAttributes.SCOPE_REQUEST);
        }
        return names;
    }
}
