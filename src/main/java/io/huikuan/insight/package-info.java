/**
 * Insight (分析与预测): the payment prediction of every invoice open at a date (the probability that it is paid after its
 * due date and the predicted pay date) from gradient-boosted trees trained, point in time, on the invoices settled by
 * that date ({@link io.huikuan.insight.PaymentPredictions}), beside two transparent baselines; and the backtest that
 * predicts at each month end of a period and compares with what happened ({@link io.huikuan.insight.PredictionBacktest}).
 * It may depend on ledger, customer, negotiation, aging, identity and common; nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Insight",
        allowedDependencies = {"ledger", "customer", "negotiation", "aging", "identity", "common"})
package io.huikuan.insight;
