package io.huikuan.portal;

/** The debtor portal's links on H2. */
class PortalLinkIntegrationTests extends PortalLinkBehaviour {
}
