package io.huikuan.correspondence;

/**
 * Where {@code {{portal.link}}} comes from: the absolute address of a valid debtor-portal link for a customer, made or
 * reused by the portal module (which correspondence does not depend on). Without an implementation the variable is
 * left empty.
 */
public interface PortalLinkSource {

    /** An absolute URL opening the portal for the customer, valid for a while yet; called once per rendered message that uses it. */
    String linkFor(String customerCode);
}
