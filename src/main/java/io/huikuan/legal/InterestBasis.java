package io.huikuan.legal;

/**
 * How late-payment interest is rated: CONTRACT the contract's annual rate (e.g. 0.06) per day = rate / day basis;
 * DAILY_RATE a rate per day (e.g. 0.0005, 万分之五: the rate 保障中小企业款项支付条例 (State Council Decree 728, 2020)
 * art. 15 sets when large buyers, agencies and institutions pay small and medium-sized firms late without an agreed
 * rate); LPR the one-year loan prime rate in force on each day times (1 + markup), per day = that / day basis.
 */
public enum InterestBasis {
    CONTRACT, DAILY_RATE, LPR
}
