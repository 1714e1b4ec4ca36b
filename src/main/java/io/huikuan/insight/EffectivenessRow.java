package io.huikuan.insight;

import java.math.BigDecimal;

/**
 * What one value of a dimension did in the period: {@code contacts} actions on {@code customers} customers;
 * {@code promises} of them obtained a promise to pay, {@code promisesJudged} of those were judged by the as-of date and
 * {@code promisesKept} kept ({@code promiseKeeping} %, null when none judged); {@code collected7}/{@code collected30}:
 * the customers' payments dated within 7/30 days after an action of this value (each payment once per value);
 * {@code lastTouch}/{@code evenSplit}: the payments owed to its actions by those rules ({@link Attribution});
 * {@code cureJudged} customers overdue at their first action of this value and 30 days past it by the as-of date, of
 * which {@code cured} had nothing overdue 30 days later ({@code cureRate} %, null when none judged); {@code cost} of the
 * actions by channel.
 */
public record EffectivenessRow(String key, String label, long contacts, long customers, long promises, long promisesJudged,
        long promisesKept, BigDecimal promiseKeeping, BigDecimal collected7, BigDecimal collected30, BigDecimal lastTouch,
        BigDecimal evenSplit, long cureJudged, long cured, BigDecimal cureRate, BigDecimal cost) {
}
