package io.huikuan.negotiation;

/** Supply holds on H2. */
class SupplyHoldIntegrationTests extends SupplyHoldBehaviour {
}
