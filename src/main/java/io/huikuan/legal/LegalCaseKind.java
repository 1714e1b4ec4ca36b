package io.huikuan.legal;

/**
 * What a legal case is: a lawyer letter (律师函), a payment order (支付令, 民事诉讼法 art. 225–228), a lawsuit (诉讼, in the
 * ordinary or the summary procedure 简易程序), an arbitration (仲裁), property preservation (财产保全) or enforcement (执行).
 */
public enum LegalCaseKind {
    LAWYER_LETTER, PAYMENT_ORDER, LAWSUIT, ARBITRATION, PRESERVATION, ENFORCEMENT;

    /** True for the kinds that are proceedings: filing them interrupts the limitation period (Civil Code art. 195 (3), (4)). */
    public boolean proceedings() {
        return this != LAWYER_LETTER;
    }
}
