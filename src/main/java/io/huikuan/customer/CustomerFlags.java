package io.huikuan.customer;

import io.huikuan.common.ValidationException;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Flags set on a customer by people, which segments test: DISPUTER (raises disputes to delay
 * payment) and MALICIOUS_DEFAULTER (恶意拖欠: can pay and will not). Setting them is a serious
 * judgement: managers and legal set them, with a reason that goes to the history.
 */
@Service
public class CustomerFlags {

    public static final List<String> FLAGS = List.of("DISPUTER", "MALICIOUS_DEFAULTER");

    private final JdbcClient jdbc;
    private final CustomerService customers;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CustomerFlags(JdbcClient jdbc, CustomerService customers, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.events = events;
        this.clock = clock;
    }

    /** The customer's flags (404 for a customer the user may not see). */
    @Transactional(readOnly = true)
    public Set<String> get(String code) {
        CustomerRef ref = customers.ref(code);
        return parse(jdbc.sql("SELECT flags FROM customer WHERE id = ?").param(ref.id()).query(String.class).optional().orElse(null));
    }

    /** Replaces the customer's flags (managers and legal; a reason is required). */
    @Transactional
    public Set<String> set(String code, List<String> flags, String reason) {
        CurrentUser user = CurrentUser.require("flag customers", Role.MANAGER, Role.LEGAL);
        CustomerRef ref = customers.ref(code);
        Set<String> wanted = new TreeSet<>();
        for (String f : flags == null ? List.<String>of() : flags) {
            String name = f == null ? "" : f.trim().toUpperCase(Locale.ROOT);
            if (!FLAGS.contains(name)) {
                throw ValidationException.coded("flags", f, "customer.flag", "must be one of " + FLAGS, String.join(", ", FLAGS));
            }
            wanted.add(name);
        }
        if (reason == null || reason.isBlank()) {
            throw ValidationException.coded("reason", reason, "required", "is required: say why the customer is flagged");
        }
        Set<String> before = get(code);
        if (before.equals(wanted)) {
            return before;
        }
        jdbc.sql("UPDATE customer SET flags = ?, updated_at = ? WHERE id = ?")
                .params(wanted.isEmpty() ? null : String.join(",", wanted), Timestamp.from(Instant.now(clock)), ref.id()).update();
        events.publishEvent(new CustomerChanged(code, "CUSTOMER", code, "FLAGS", java.util.Map.of("flags", before), java.util.Map.of("flags", wanted),
                user.username(), reason.strip()));
        return wanted;
    }

    static Set<String> parse(String stored) {
        Set<String> out = new TreeSet<>();
        if (stored != null) {
            Arrays.stream(stored.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(out::add);
        }
        return out;
    }
}
