package io.huikuan.strategy;

/** The run lease on H2. */
class RunLeaseIntegrationTests extends RunLeaseBehaviour {
}
