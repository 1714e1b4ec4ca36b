package io.huikuan.portal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * The debtor portal's principal: whoever holds a valid link, bound to ONE customer (and, when the link was made for
 * one, one contact). The portal's filter resolves it from the {@code {token}} path segment on every request and puts
 * it in the request attribute {@link #ATTRIBUTE}; portal controllers take it as a method argument (a
 * {@code PortalVisitor} parameter is resolved for them) and must read and change only {@link #customerId()}'s data.
 * The visitor holds no role: {@code CurrentUser.get()} is a user without rights during a portal request.
 *
 * @param contactId the contact the link was made for, or {@code null}
 */
public record PortalVisitor(long linkId, long customerId, String customerCode, Long contactId) {

    /** The request attribute holding the current request's visitor. */
    public static final String ATTRIBUTE = PortalVisitor.class.getName();

    /** The visitor of this request, when the portal's filter resolved one. */
    public static Optional<PortalVisitor> of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof PortalVisitor v ? Optional.of(v) : Optional.empty();
    }
}
