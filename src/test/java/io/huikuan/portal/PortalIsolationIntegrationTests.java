package io.huikuan.portal;

/** The portal's isolation between customers on H2. */
class PortalIsolationIntegrationTests extends PortalIsolationBehaviour {
}
