package io.huikuan.legal;

/** The LPR table on H2. */
class LprRatesIntegrationTests extends LprRatesBehaviour {
}
