/**
 * Credit control (信用管理): the behavioural credit score (0–100, higher = safer) and its grade A–E for every customer as
 * of any date, computed set-based from the ledger's settlements and open balances, the promises to pay and the disputes
 * ({@link io.huikuan.credit.CreditScores}); a manager's override of the grade with a reason and an expiry; the score's
 * history; the credit check for the ERP and for sales with its policy, record and review
 * ({@link io.huikuan.credit.CreditChecks}); the early-warning rules and their alerts, evaluated after strategy's daily
 * collection run, with supply holds proposed through negotiation and the managers' digest through correspondence's outbox
 * ({@link io.huikuan.credit.AlertEvaluator}). It may depend on strategy (it implements {@link io.huikuan.strategy.SegmentSignals}:
 * segments test the score, grade and exposure over the limit, and it hears the daily run), negotiation, legal, worklist,
 * ledger, customer, identity, common, aging and correspondence; nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Credit")
package io.huikuan.credit;
