/**
 * Strategy: segments (rules a manager edits), strategies (playbooks of steps relative to the due
 * date of the oldest overdue item, versioned) and the daily collection run that turns them into
 * worklist tasks, deterministic and idempotent, cluster-safe and resumable.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Strategy")
package io.huikuan.strategy;
