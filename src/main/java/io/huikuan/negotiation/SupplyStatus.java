package io.huikuan.negotiation;

import java.time.LocalDate;

/**
 * What the ERP asks before it ships: is the customer on hold as of {@code asOf} (facts dated on or before it), why,
 * since when and by whom; {@code holdId} and {@code source} name the hold (null when not on hold).
 */
public record SupplyStatus(String customerCode, boolean hold, String reason, LocalDate since, String by, Long holdId, HoldSource source,
        LocalDate asOf) {
}
