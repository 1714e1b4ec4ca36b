package io.huikuan.portal;

/** The debtor's portal actions on H2. */
class PortalActionIntegrationTests extends PortalActionBehaviour {
}
