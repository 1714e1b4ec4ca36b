package io.huikuan.worklist;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A promise to pay was recorded: the customer agreed to perform, which acknowledges the debt and interrupts the
 * limitation period (Civil Code art. 195; SPC limitation rules art. 14) when it can be proven, i.e. made in writing.
 *
 * @param channel how the promise was made (EMAIL, MESSAGE, LETTER are written; PHONE and VISIT are oral); null
 *                when not recorded
 */
public record PromiseMade(long promiseId, String customerCode, long customerId, LocalDate madeOn, Channel channel, BigDecimal amount,
        String currency, LocalDate promisedDate, String notes, String createdBy) {

    /** Made in writing (an e-mail, a chat message or a letter from the customer). */
    public boolean written() {
        return channel == Channel.EMAIL || channel == Channel.MESSAGE || channel == Channel.LETTER;
    }
}
