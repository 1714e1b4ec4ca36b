package io.huikuan.correspondence;

/** The channel a template is written for: an e-mail (subject + body), a text message (body only) or a letter (title + body). */
public enum TemplateChannel {
    EMAIL, SMS, LETTER;

    /** E-mails and letters need a subject (a letter's title); text messages have none. */
    public boolean hasSubject() {
        return this != SMS;
    }
}
