/**
 * Learn and predict (issue 17): what works — the effectiveness of strategy versions, steps, channels, templates,
 * scripts and collectors with its attribution rules ({@link io.huikuan.insight.Effectiveness}) and the cost of actions
 * by channel ({@link io.huikuan.insight.ChannelCosts}). It reads the worklist's activities and tasks, the strategies, the
 * ledger's payments and balance periods by SQL; it may depend on identity, common and worklist; nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Insight", allowedDependencies = {"identity", "common", "worklist"})
package io.huikuan.insight;
