package io.huikuan.legal;

/**
 * What the court fee is for (诉讼费用交纳办法): LAWSUIT an ordinary property case (art. 13 (1)); SUMMARY the same under
 * the summary procedure 简易程序 (halved, art. 16); PAYMENT_ORDER an application for a payment order 支付令 (one third
 * of the property-case fee, art. 14 (3)); PRESERVATION an application for property preservation 财产保全 (art. 14 (2)).
 */
public enum CourtProcedure {
    LAWSUIT, SUMMARY, PAYMENT_ORDER, PRESERVATION
}
