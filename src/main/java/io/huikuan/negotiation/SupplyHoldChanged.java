package io.huikuan.negotiation;

import java.time.LocalDate;

/**
 * A customer went on hold ({@code hold} true: {@code since}, {@code reason} why) or was released ({@code hold} false:
 * {@code until} the release day, {@code reason} why it was released, {@code holdReason} why it had been held).
 * Published in the transaction that changes the hold; the {@code supply.hold.changed} webhook is sent from it.
 */
public record SupplyHoldChanged(long holdId, String customerCode, boolean hold, String reason, String holdReason, HoldSource source,
        LocalDate since, LocalDate until, String by) {
}
