package io.huikuan.portal.internal;

import io.huikuan.correspondence.PortalLinkSource;
import io.huikuan.customer.CustomerRef;
import io.huikuan.customer.CustomerService;
import io.huikuan.identity.CurrentUser;
import io.huikuan.portal.PortalProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;
import java.util.Optional;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@code {{portal.link}}} in e-mails, SMS and letters: the customer's newest message link while it stays valid at least
 * {@code message-link-min-days} more, else a new one valid {@code message-link-days}. A message link's token is the
 * HMAC of its id under the installation's key ({@link PortalTokens#derived}), so the server can write it again into
 * the next message without storing it; only its hash is stored, as for every link. Made in the caller's transaction (the
 * message's or letter's, and their previews), as the system: whoever may render the customer's message may carry its
 * link. Never a second transaction beside the caller's: a render holding one pool connection while waiting for another
 * is the pool-deadlock shape. Called inside a read-only transaction it only reuses a valid link, else answers
 * {@link #NOT_YET}.
 */
@Component
class MessagePortalLinks implements PortalLinkSource {

    private final PortalLinkRows rows;
    private final CustomerService customers;
    private final PortalProperties props;
    private final Clock clock;

    MessagePortalLinks(PortalLinkRows rows, CustomerService customers, PortalProperties props, Clock clock) {
        this.rows = rows;
        this.customers = customers;
        this.props = props;
        this.clock = clock;
    }

    /** What a read-only render writes where no valid link exists yet: the portal's address, the token left out. */
    static final String NOT_YET = "/portal/…";

    @Override
    @Transactional
    public String linkFor(String customerCode) {
        CustomerRef ref = customers.findRef(customerCode).orElse(null);
        if (ref == null) {
            return "";
        }
        Instant now = clock.instant();
        Optional<Long> valid = rows.messageLink(ref.id(), now.plus(Duration.ofDays(props.messageLinkMinDays())));
        if (TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            Optional<String> key = rows.storedKey();
            return valid.isPresent() && key.isPresent() ? url(key.get(), valid.get()) : props.baseUrl() + NOT_YET;
        }
        String key = rows.key(PortalTokens::random);
        long id = valid.orElseGet(() -> {
            long made = rows.insert(ref.id(), null, "pending-" + PortalTokens.random().substring(0, 40), "MESSAGE", CurrentUser.get().username(), now,
                    now.plus(Duration.ofDays(props.messageLinkDays())));
            rows.setHash(made, PortalTokens.hash(PortalTokens.derived(key, made)));
            return made;
        });
        return url(key, id);
    }

    private String url(String key, long id) {
        return props.baseUrl() + "/portal/" + PortalTokens.derived(key, id);
    }
}
