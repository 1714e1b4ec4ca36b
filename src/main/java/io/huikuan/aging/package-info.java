/** Aging: open receivables as of any date, split into overdue buckets and grouped as asked. */
@org.springframework.modulith.ApplicationModule(displayName = "Aging")
package io.huikuan.aging;
