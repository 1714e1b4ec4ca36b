package io.huikuan.ledger;

/** Why an invoice is overdue (欠款原因). */
public enum OverdueCause {
    CUSTOMER_FINANCES, SALES_MISMANAGEMENT, QUALITY_DISPUTE, PAPERWORK_PROCESS, MALICIOUS, OTHER
}
