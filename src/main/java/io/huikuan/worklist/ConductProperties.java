package io.huikuan.worklist;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Conduct rules (小心催收不当): wording no script, template or message may contain, compared
 * case-insensitively. {@code huikuan.conduct.banned-words} replaces the defaults.
 */
@ConfigurationProperties("huikuan.conduct")
public record ConductProperties(List<String> bannedWords) {

    public static final List<String> DEFAULT_BANNED_WORDS = List.of("威胁", "弄死", "打死", "找人收拾", "曝光你", "骗子", "老赖", "滚", "傻",
            "去死", "家人", "kill", "idiot", "stupid", "liar", "scum", "we will expose", "shame you", "your family");

    public ConductProperties {
        bannedWords = bannedWords == null || bannedWords.isEmpty() ? DEFAULT_BANNED_WORDS : List.copyOf(bannedWords);
    }
}
