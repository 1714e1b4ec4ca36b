package io.huikuan.portal;

/** The portal's e-mail verification code on H2. */
class PortalVerificationIntegrationTests extends PortalVerificationBehaviour {
}
