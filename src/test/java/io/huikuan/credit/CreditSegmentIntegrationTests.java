package io.huikuan.credit;

/** Segments using the credit data on H2. */
class CreditSegmentIntegrationTests extends CreditSegmentBehaviour {
}
