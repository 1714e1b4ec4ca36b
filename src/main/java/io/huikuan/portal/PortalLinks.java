package io.huikuan.portal;

import io.huikuan.common.NotFoundException;
import io.huikuan.common.ValidationException;
import io.huikuan.common.ValidationException.FieldError;
import io.huikuan.customer.CustomerRef;
import io.huikuan.customer.CustomerService;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import io.huikuan.portal.internal.PortalLinkRows;
import io.huikuan.portal.internal.PortalTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The debtor portal's links: made by hand for a customer (optionally one of its contacts) by its collector, a manager,
 * finance or an administrator, valid 1 to 365 days (default 14), revocable; the token (256 random bits) is answered
 * once and only its SHA-256 is kept. {@link #resolve} turns a token into the {@link PortalVisitor} it stands for, or
 * nothing when it is unknown, altered, expired or revoked.
 */
@Service
public class PortalLinks {

    static final Role[] MAKERS = {Role.COLLECTOR, Role.MANAGER, Role.FINANCE};
    public static final int DEFAULT_DAYS = 14;
    public static final int MAX_DAYS = 365;

    /** What {@link #check} found for a token: the visitor when valid, else why not (EXPIRED, REVOKED, UNKNOWN) and the link if any. */
    public record Check(Optional<PortalVisitor> visitor, String outcome, Long linkId) {
    }

    private final CustomerService customers;
    private final PortalLinkRows rows;
    private final Clock clock;

    PortalLinks(CustomerService customers, PortalLinkRows rows, Clock clock) {
        this.customers = customers;
        this.rows = rows;
        this.clock = clock;
    }

    /** May the current user make, list and revoke links of the customers they see? */
    public static boolean mayManage() {
        CurrentUser u = CurrentUser.get();
        return u.has(Role.ADMIN) || u.has(Role.MANAGER) || u.has(Role.FINANCE) || u.has(Role.COLLECTOR);
    }

    /** Makes a link for the customer (a collector: own customers only, else 404), for {@code contactId} when given. */
    @Transactional
    public NewPortalLink create(String customerCode, Long contactId, Integer expiresInDays) {
        return create(customerCode, contactId, expiresInDays, false);
    }

    /**
     * {@link #create(String, Long, Integer)}; with {@code verifyEmail} the link asks each browser session for a code sent
     * to the contact's e-mail before it shows anything (400 naming {@code verifyEmail} without a contact with an e-mail).
     */
    @Transactional
    public NewPortalLink create(String customerCode, Long contactId, Integer expiresInDays, boolean verifyEmail) {
        CurrentUser user = CurrentUser.require("make portal links", MAKERS);
        CustomerRef ref = customers.ref(customerCode);
        List<FieldError> errors = new ArrayList<>();
        int days = expiresInDays == null ? DEFAULT_DAYS : expiresInDays;
        if (days < 1 || days > MAX_DAYS) {
            errors.add(FieldError.coded("expiresInDays", expiresInDays, "portal.expiresInDays", "must be between 1 and " + MAX_DAYS + " days", MAX_DAYS));
        }
        java.util.Optional<io.huikuan.customer.Contact> contact = contactId == null ? java.util.Optional.empty()
                : customers.contacts(ref.id()).stream().filter(c -> contactId.equals(c.id())).findFirst();
        if (contactId != null && contact.isEmpty()) {
            errors.add(FieldError.coded("contactId", contactId, "portal.contact", "is not a contact of customer " + ref.code(), ref.code()));
        } else if (verifyEmail && (contact.isEmpty() || contact.get().email() == null || contact.get().email().isBlank())) {
            errors.add(FieldError.coded("verifyEmail", true, "portal.verifyEmail", "needs a contact with an e-mail address"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        String token = PortalTokens.random();
        Instant now = clock.instant();
        Instant expires = now.plus(Duration.ofDays(days));
        long id = rows.insert(ref.id(), contactId, PortalTokens.hash(token), "MANUAL", user.username(), now, expires);
        if (verifyEmail) {
            rows.requireEmailCode(id);
        }
        return new NewPortalLink(id, "/portal/" + token, expires);
    }

    /** Revokes a link (the customer's collector, managers, finance, administrators); revoking it again changes nothing. */
    @Transactional
    public void revoke(long id) {
        CurrentUser user = CurrentUser.require("revoke portal links", MAKERS);
        PortalLink link = rows.find(id, clock.instant()).orElseThrow(() -> new NotFoundException("portal link", String.valueOf(id)));
        customers.ref(link.customerCode()); // a collector revokes only own customers' links
        rows.revoke(id, user.username(), clock.instant());
    }

    /** The customer's links, newest first, with their status and how often they were opened. */
    @Transactional(readOnly = true)
    public List<PortalLink> list(String customerCode) {
        CurrentUser.require("see portal links", MAKERS);
        return rows.forCustomer(customers.ref(customerCode).id(), clock.instant());
    }

    /** The customer's portal access log, newest first (at most {@code limit}, 1..500). */
    @Transactional(readOnly = true)
    public List<PortalAccess> accesses(String customerCode, int limit) {
        CurrentUser.require("see the portal access log", MAKERS);
        return rows.accesses(customers.ref(customerCode).id(), Math.clamp(limit, 1, 500));
    }

    /** The visitor a token stands for: empty when it is unknown, altered, expired or revoked. */
    public Optional<PortalVisitor> resolve(String token) {
        return check(token).visitor();
    }

    /** {@link #resolve} with the reason of a refusal, for the portal's filter and its access log. */
    public Check check(String token) {
        if (token == null || !PortalTokens.SHAPE.matcher(token).matches()) {
            return new Check(Optional.empty(), "UNKNOWN", null);
        }
        return rows.byHash(PortalTokens.hash(token)).map(l -> {
            Instant now = clock.instant();
            if (l.revokedAt() != null) {
                return new Check(Optional.<PortalVisitor>empty(), "REVOKED", l.id());
            }
            if (!now.isBefore(l.expiresAt())) {
                return new Check(Optional.<PortalVisitor>empty(), "EXPIRED", l.id());
            }
            return new Check(Optional.of(new PortalVisitor(l.id(), l.customerId(), l.customerCode(), l.contactId())), "OK", l.id());
        }).orElseGet(() -> new Check(Optional.empty(), "UNKNOWN", null));
    }
}
