package io.huikuan.legal;

/** The limitation clock on H2. */
class LimitationIntegrationTests extends LimitationBehaviour {
}
