/**
 * Learn and predict (issue 17): the payment prediction of every invoice open at a date (the probability that it is paid
 * after its due date and the predicted pay date) from gradient-boosted trees trained, point in time, on the invoices
 * settled by that date ({@link io.huikuan.insight.PaymentPredictions}), beside two transparent baselines, and its backtest
 * ({@link io.huikuan.insight.PredictionBacktest}); the cash forecast from the predictions, promises and plans
 * ({@link io.huikuan.insight.CashForecasts}); what works — the effectiveness of strategy versions, steps, channels,
 * templates, scripts and collectors with its attribution rules ({@link io.huikuan.insight.Effectiveness}) and the cost of
 * actions by channel ({@link io.huikuan.insight.ChannelCosts}). It may depend on ledger, customer, negotiation, aging,
 * worklist, identity and common (activities, tasks and strategies are read by SQL); nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Insight",
        allowedDependencies = {"ledger", "customer", "negotiation", "aging", "worklist", "identity", "common"})
package io.huikuan.insight;
