package io.huikuan.correspondence;

/**
 * The documents issued to customers, with their number prefix and the letter template they are written from.
 * STATEMENT: statement of account (对账单); PAYMENT_REMINDER: payment reminder (付款提醒函); DEMAND_LETTER: formal
 * demand (催款函); BALANCE_CONFIRMATION: balance confirmation with a reply slip (对账函/询证函); LAWYER_LETTER: a
 * lawyer letter draft (律师函) for the legal department. Labels: {@code document.kind.NAME}.
 */
public enum DocumentKind {
    STATEMENT("ST", null, true),
    PAYMENT_REMINDER("RM", "payment_reminder", true),
    DEMAND_LETTER("DL", "demand_letter", true),
    BALANCE_CONFIRMATION("BC", "balance_confirmation", false),
    LAWYER_LETTER("LL", "lawyer_letter", true);

    private final String prefix;
    private final String template;
    private final boolean needsOverdue;

    DocumentKind(String prefix, String template, boolean needsOverdue) {
        this.prefix = prefix;
        this.template = template;
        this.needsOverdue = needsOverdue;
    }

    public String prefix() {
        return prefix;
    }

    /** The LETTER template's code (null for the statement, laid out by code). */
    public String template() {
        return template;
    }

    /** True for the letters that demand payment of overdue invoices (they need at least one). */
    public boolean demandsPayment() {
        return needsOverdue && this != STATEMENT;
    }

    /** The letter kind a strategy step's channel produces, or null when the channel is not a letter. */
    public static DocumentKind forChannel(io.huikuan.worklist.Channel channel) {
        return switch (channel) {
            case LETTER -> PAYMENT_REMINDER;
            case DEMAND_LETTER -> DEMAND_LETTER;
            case LAWYER_LETTER -> LAWYER_LETTER;
            default -> null;
        };
    }
}
