package io.huikuan.credit;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The early-warning alerts' settings: {@code huikuan.credit.alerts.digest-addresses}, the e-mail address of each manager
 * who gets the daily digest (user name → address), else {@code huikuan.credit.alerts.digest-domain}: the address is
 * {@code <user name>@<domain>} (unset: a manager without an address gets no digest), and
 * {@code huikuan.credit.alerts.enabled} (default true) whether the rules are evaluated after the daily collection run;
 * {@code huikuan.credit.alerts.max-hold-proposals} (default 200) how many supply holds an evaluation proposes at most for
 * HOLD_SUPPLY alerts (the rest wait for the next evaluations, oldest first: a new rule must not flood the managers).
 */
@ConfigurationProperties("huikuan.credit.alerts")
public record AlertProperties(Boolean enabled, Map<String, String> digestAddresses, String digestDomain, Integer maxHoldProposals) {

    public AlertProperties {
        enabled = enabled == null || enabled;
        maxHoldProposals = maxHoldProposals == null || maxHoldProposals < 0 ? 200 : maxHoldProposals;
        digestAddresses = digestAddresses == null ? Map.of() : Map.copyOf(digestAddresses);
    }

    /** The digest address of a user, or null when none is known. */
    public String addressOf(String username) {
        String a = digestAddresses.get(username);
        if (a != null && !a.isBlank()) {
            return a.strip();
        }
        return digestDomain == null || digestDomain.isBlank() ? null : username + "@" + digestDomain.strip();
    }
}
