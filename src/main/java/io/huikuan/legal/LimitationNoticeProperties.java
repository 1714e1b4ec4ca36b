package io.huikuan.legal;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the daily limitation notices ({@code huikuan.legal.notices.*}), written after each collection run.
 *
 * @param enabled false: no warnings and no demand proposals
 * @param warnDays how many days before the last day of the period legal and the customer's owner are warned (one
 *                 task each per customer, threshold and last day); default 180, 90, 30
 * @param demandQuietDays a demand is proposed for an EXPIRING invoice (see {@code huikuan.legal.limitation.expiring-days})
 *                        only when nothing interrupting was recorded for it in this many days (a demand letter sent and
 *                        waiting for its courier receipt counts as recorded); default 90
 */
@ConfigurationProperties("huikuan.legal.notices")
public record LimitationNoticeProperties(Boolean enabled, List<Integer> warnDays, Integer demandQuietDays) {

    public LimitationNoticeProperties {
        enabled = enabled == null || enabled;
        warnDays = warnDays == null || warnDays.isEmpty() ? List.of(180, 90, 30)
                : warnDays.stream().filter(d -> d != null && d > 0 && d <= 3650).distinct().sorted((a, b) -> b - a).toList();
        demandQuietDays = demandQuietDays == null || demandQuietDays < 0 ? 90 : demandQuietDays;
    }
}
