package io.huikuan.negotiation;

/** The offers log on H2. */
class OfferIntegrationTests extends OfferBehaviour {
}
