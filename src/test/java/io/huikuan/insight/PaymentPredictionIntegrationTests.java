package io.huikuan.insight;

/** The payment prediction and its backtest on H2. */
class PaymentPredictionIntegrationTests extends PaymentPredictionBehaviour {
}
