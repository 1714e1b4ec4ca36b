package io.huikuan.negotiation;

/** Concessions with authority on H2. */
class ConcessionIntegrationTests extends ConcessionBehaviour {
}
