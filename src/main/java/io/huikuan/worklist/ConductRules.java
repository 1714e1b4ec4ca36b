package io.huikuan.worklist;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/** Checks wording against the banned list of {@link ConductProperties}. */
@Component
@EnableConfigurationProperties(ConductProperties.class)
public class ConductRules {

    private final List<String> banned;

    ConductRules(ConductProperties properties) {
        this.banned = properties.bannedWords().stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
    }

    /** The first banned word or phrase the text contains, if any. */
    public Optional<String> bannedWordIn(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return banned.stream().filter(lower::contains).findFirst();
    }

    public List<String> bannedWords() {
        return banned;
    }
}
