package io.huikuan.legal;

/**
 * What an uploaded document is, and so where it goes in the evidence pack. Labels: {@code attachment.category.NAME}.
 * CONTRACT 合同, INVOICE 发票, DELIVERY 送货单, ACCEPTANCE 验收单, COURIER_RECEIPT 快递回执 (proof a paper demand was
 * delivered), SIGNED_CONFIRMATION 签回的对账函 (the debtor's signed balance confirmation: an acknowledgement), JUDGMENT
 * 判决书/裁定, BANK_RECEIPT 银行回单, OTHER.
 */
public enum AttachmentCategory {
    CONTRACT("02-contracts"),
    INVOICE("03-invoices"),
    DELIVERY("04-delivery"),
    ACCEPTANCE("04-delivery"),
    SIGNED_CONFIRMATION("05-statements"),
    COURIER_RECEIPT("06-demands"),
    JUDGMENT("10-other"),
    BANK_RECEIPT("10-other"),
    OTHER("10-other");

    private final String folder;

    AttachmentCategory(String folder) {
        this.folder = folder;
    }

    /** The evidence pack's folder for documents of this category. */
    public String folder() {
        return folder;
    }

    /** The category named {@code value} (case-insensitive), or null when there is none. */
    public static AttachmentCategory parse(String value) {
        if (value == null) {
            return null;
        }
        for (AttachmentCategory c : values()) {
            if (c.name().equalsIgnoreCase(value.strip())) {
                return c;
            }
        }
        return null;
    }
}
