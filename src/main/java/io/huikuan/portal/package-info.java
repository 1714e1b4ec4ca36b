/**
 * Portal (债务人门户): the debtor's side of the collection, opened by a signed, expiring, revocable link bound to one
 * customer ({@link io.huikuan.portal.PortalLinks}, {@link io.huikuan.portal.PortalVisitor}). It has its own security
 * filter chain under {@code /portal/**} (no login; the token in the path is the credential; no role, so no internal
 * service grants the visitor anything), a rate limit and an access log. It may depend on every other module; nothing
 * depends on it (correspondence reaches it through {@link io.huikuan.correspondence.PortalLinkSource}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Portal")
package io.huikuan.portal;
