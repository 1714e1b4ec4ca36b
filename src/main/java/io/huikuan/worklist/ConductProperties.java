package io.huikuan.worklist;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Conduct rules (小心催收不当). {@code banned-words}: wording no script, template or message may contain,
 * compared case-insensitively (replaces the defaults). Contact limits, per contact, in the company's
 * zone ({@code huikuan.zone}): {@code contact-from}/{@code contact-until} (default 08:00–21:00, the end
 * excluded), {@code daily-cap} (default 3 contacts a calendar day), {@code weekly-cap} (default 10 a
 * calendar week, Monday to Sunday) and {@code min-gap} (default 60 minutes between two contacts).
 * Which channels count: see {@link ConductRules#counts(Channel)}.
 */
@ConfigurationProperties("huikuan.conduct")
public record ConductProperties(List<String> bannedWords, LocalTime contactFrom, LocalTime contactUntil, Integer dailyCap, Integer weeklyCap,
        Duration minGap) {

    public static final List<String> DEFAULT_BANNED_WORDS = List.of("威胁", "弄死", "打死", "找人收拾", "曝光你", "骗子", "老赖", "滚", "傻",
            "去死", "家人", "kill", "idiot", "stupid", "liar", "scum", "we will expose", "shame you", "your family");

    public ConductProperties {
        bannedWords = bannedWords == null || bannedWords.isEmpty() ? DEFAULT_BANNED_WORDS : List.copyOf(bannedWords);
        contactFrom = contactFrom == null ? LocalTime.of(8, 0) : contactFrom;
        contactUntil = contactUntil == null ? LocalTime.of(21, 0) : contactUntil;
        dailyCap = dailyCap == null || dailyCap < 1 ? 3 : dailyCap;
        weeklyCap = weeklyCap == null || weeklyCap < 1 ? 10 : weeklyCap;
        minGap = minGap == null || minGap.isNegative() ? Duration.ofMinutes(60) : minGap;
    }
}
