package io.huikuan.aging;

/** Provisions on the embedded H2 database. */
class ProvisionIntegrationTests extends ProvisionBehaviour {
}
