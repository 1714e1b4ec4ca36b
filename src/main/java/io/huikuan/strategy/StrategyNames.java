package io.huikuan.strategy;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Segments and strategies by name in the user's language where pages would otherwise print their codes
 * (run detail, dry run, segment page): {@code @strategyNames.segment('STANDARD')} → "标准客户". A code
 * that no longer exists is shown as it is. Version notes the system wrote ("shipped default") in words.
 */
@Component("strategyNames")
public class StrategyNames {

    private final JdbcClient jdbc;
    private final MessageSource messages;

    StrategyNames(JdbcClient jdbc, MessageSource messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    public String segment(String code) {
        return names("SELECT code, name_zh, name_en FROM segment").getOrDefault(code, code);
    }

    public String strategy(String code) {
        return names("SELECT code, name_zh, name_en FROM strategy").getOrDefault(code, code);
    }

    /** Every segment's name by code, in the user's language. */
    public Map<String, String> segments() {
        return names("SELECT code, name_zh, name_en FROM segment");
    }

    /** A version note in words: the notes the system wrote have bundle texts, a user's note is shown as written. */
    public String note(String note) {
        if (note == null) {
            return null;
        }
        String key = "strategies.note." + note.strip().replace(' ', '_');
        return messages.getMessage(key, null, note, LocaleContextHolder.getLocale());
    }

    private Map<String, String> names(String sql) {
        boolean en = english();
        return jdbc.sql(sql).query((rs, n) -> Map.entry(rs.getString(1), en ? rs.getString(3) : rs.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
    }

    private static boolean english() {
        return Locale.ENGLISH.getLanguage().equals(LocaleContextHolder.getLocale().getLanguage());
    }
}
