package io.huikuan.correspondence;

import io.huikuan.worklist.Channel;

/**
 * The documents issued to customers, with their number prefix and the letter template they are written from.
 * STATEMENT: statement of account (对账单); PAYMENT_REMINDER: payment reminder (付款提醒函); DEMAND_LETTER: formal
 * demand (催款函); BALANCE_CONFIRMATION: balance confirmation with a reply slip (对账函/询证函); LAWYER_LETTER: a
 * lawyer letter draft (律师函) for the legal department. Labels: {@code document.kind.NAME}.
 */
public enum DocumentKind {
    STATEMENT("ST", null, Channel.LETTER, false, false, false),
    PAYMENT_REMINDER("RM", "payment_reminder", Channel.LETTER, true, true, false),
    DEMAND_LETTER("DL", "demand_letter", Channel.DEMAND_LETTER, true, true, false),
    BALANCE_CONFIRMATION("BC", "balance_confirmation", Channel.LETTER, false, false, false),
    LAWYER_LETTER("LL", "lawyer_letter", Channel.LAWYER_LETTER, true, false, true);

    private final String prefix;
    private final String template;
    private final Channel channel;
    private final boolean needsOverdue;
    private final boolean demandsPayment;
    private final boolean draft;

    DocumentKind(String prefix, String template, Channel channel, boolean needsOverdue, boolean demandsPayment, boolean draft) {
        this.prefix = prefix;
        this.template = template;
        this.channel = channel;
        this.needsOverdue = needsOverdue;
        this.demandsPayment = demandsPayment;
        this.draft = draft;
    }

    public String prefix() {
        return prefix;
    }

    /** The LETTER template's code (null for the statement, laid out by code). */
    public String template() {
        return template;
    }

    /** The channel its activity is recorded under. */
    public Channel channel() {
        return channel;
    }

    /** True for the letters about overdue invoices: there must be at least one to issue them. */
    public boolean needsOverdue() {
        return needsOverdue;
    }

    /** True when issuing it demands payment from the customer (a lawyer letter does once legal sends it, not as a draft). */
    public boolean demandsPayment() {
        return demandsPayment;
    }

    /** True for a draft (the lawyer letter): marked as such, and its task stays open until legal has sent it. */
    public boolean draft() {
        return draft;
    }

    /** The letter kind a strategy step's channel produces, or null when the channel is not a letter. */
    public static DocumentKind forChannel(Channel channel) {
        return switch (channel) {
            case LETTER -> PAYMENT_REMINDER;
            case DEMAND_LETTER -> DEMAND_LETTER;
            case LAWYER_LETTER -> LAWYER_LETTER;
            default -> null;
        };
    }
}
