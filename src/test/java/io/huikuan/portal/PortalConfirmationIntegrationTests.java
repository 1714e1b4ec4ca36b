package io.huikuan.portal;

/** Balance confirmation on the debtor portal on H2. */
class PortalConfirmationIntegrationTests extends PortalConfirmationBehaviour {
}
