package io.huikuan.legal;

/**
 * What interrupts (or suspends) the limitation period of an invoice (Civil Code art. 195).
 * <ul>
 * <li>DEMAND_DELIVERED: the creditor's demand reached the debtor (a letter with its courier receipt, an e-mail or
 * SMS the server accepted); after the period has run it no longer restarts it.</li>
 * <li>ACKNOWLEDGED: the debtor agreed to perform: a signed balance confirmation, a payment plan agreement, a
 * written promise, a part payment, security, asking for time (SPC limitation rules art. 14, 19); after the period
 * has run it counts as a new acknowledgement of the debt.</li>
 * <li>PROCEEDINGS_FILED: suit, arbitration, a payment order (支付令) or an act with the same effect; the clock
 * stops (IN_PROCEEDINGS) until PROCEEDINGS_ENDED, from which it restarts.</li>
 * </ul>
 */
public enum LimitationEventKind {
    DEMAND_DELIVERED, ACKNOWLEDGED, PROCEEDINGS_FILED, PROCEEDINGS_ENDED
}
