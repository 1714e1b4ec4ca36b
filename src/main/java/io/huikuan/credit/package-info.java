/**
 * Credit control (信用管理): the behavioural credit score (0–100, higher = safer) and its grade A–E for every customer as
 * of any date, computed set-based from the ledger's settlements and open balances, the promises to pay and the disputes
 * ({@link io.huikuan.credit.CreditScores}); a manager's override of the grade with a reason and an expiry; the score's
 * history; the credit check for the ERP and for sales with its policy, record and review
 * ({@link io.huikuan.credit.CreditChecks}). It may depend on strategy (it implements {@link io.huikuan.strategy.SegmentSignals}: segments test the score, grade
 * and exposure over the limit), negotiation, legal, worklist, ledger, customer, identity, common and aging; nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Credit")
package io.huikuan.credit;
