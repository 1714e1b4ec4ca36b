package io.huikuan.worklist;

/** The excuses debtors give for not paying (拖欠借口); labels in the message bundles ({@code excuse.NAME}). */
public enum Excuse {
    NO_MONEY, INVOICE_NOT_RECEIVED, QUALITY_PROBLEM, NOT_ACCEPTED, PERSON_AWAY, IN_APPROVAL, STATEMENT_DIFFERS,
    WAITING_FOR_CUSTOMER, NEXT_MONTH, BOSS_MUST_SIGN, PRICE_DISPUTE, NO_REPLY
}
