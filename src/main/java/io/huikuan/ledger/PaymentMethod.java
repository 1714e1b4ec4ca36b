package io.huikuan.ledger;

/** How a payment arrived. 银行转账, 银行承兑汇票, 商业承兑汇票, 现金, 其他. */
public enum PaymentMethod {
    BANK_TRANSFER, BANK_ACCEPTANCE_DRAFT, COMMERCIAL_ACCEPTANCE_DRAFT, CASH, OTHER
}
