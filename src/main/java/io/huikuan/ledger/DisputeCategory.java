package io.huikuan.ledger;

/**
 * What a dispute is about: quality (质量), quantity (数量), price (价格), goods not delivered (未交货), the tax invoice
 * missing or wrong (发票缺失或有误), a reconciliation difference (对账差异) or something else. Labels {@code dispute.category.NAME}.
 */
public enum DisputeCategory {
    QUALITY, QUANTITY, PRICE, NOT_DELIVERED, TAX_INVOICE, RECONCILIATION, OTHER
}
