package io.huikuan.legal;

/**
 * How late-payment interest is rated: CONTRACT the contract's annual rate (e.g. 0.06) per day = rate / day basis;
 * DAILY_RATE a rate per day (e.g. 0.0005, 万分之五: the rate 保障中小企业款项支付条例 sets when large buyers, agencies
 * and institutions pay small and medium-sized firms late without an agreed rate: art. 15 of the 2020 text, State Council
 * Decree 728; art. 17 of the text revised by Decree 802, in force from 2025-06-01); LPR the one-year loan prime rate in force on each day times (1 + markup), per day = that / day basis.
 */
public enum InterestBasis {
    CONTRACT, DAILY_RATE, LPR
}
