package io.huikuan.negotiation;

/** Payment plans on H2. */
class PaymentPlanIntegrationTests extends PaymentPlanBehaviour {
}
