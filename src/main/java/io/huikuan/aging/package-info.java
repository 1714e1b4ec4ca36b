/**
 * Aging: open receivables as of any date, split into overdue buckets and grouped as asked. Totals are per currency,
 * never added across currencies; measures and provisions are in the base currency (docs/currencies.md).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Aging")
package io.huikuan.aging;
