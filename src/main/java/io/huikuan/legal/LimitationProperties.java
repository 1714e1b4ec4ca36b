package io.huikuan.legal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the limitation clock ({@code huikuan.legal.limitation.*}).
 *
 * @param years the length of the period (Civil Code art. 188: three years)
 * @param expiringDays the warning window: an invoice whose period ends within it is EXPIRING
 * @param partPayments a part payment of an invoice acknowledges it (SPC limitation rules art. 14: part performance)
 * @param writtenPromises a promise to pay made in writing (e-mail, chat, letter, or with notes) acknowledges the debt
 * @param oralPromisesWithEvidence a promise by telephone or in person counts only when evidence is attached; false:
 *                                 never
 * @param emailDemands a demand e-mail the server accepted counts as delivered (SPC art. 8: reached the system the
 *                     debtor designated)
 * @param smsDemands likewise for text messages
 * @param chatDemands likewise for chat messages (WeChat and the like)
 * @param letterDemands a paper letter counts once its courier receipt (the date it was delivered) is entered
 */
@ConfigurationProperties("huikuan.legal.limitation")
public record LimitationProperties(Integer years, Integer expiringDays, Boolean partPayments, Boolean writtenPromises,
        Boolean oralPromisesWithEvidence, Boolean emailDemands, Boolean smsDemands, Boolean chatDemands, Boolean letterDemands) {

    public static final LimitationProperties DEFAULTS = new LimitationProperties(null, null, null, null, null, null, null, null, null);

    public LimitationProperties {
        years = years == null || years < 1 || years > 30 ? 3 : years;
        expiringDays = expiringDays == null || expiringDays < 0 ? 180 : expiringDays;
        partPayments = partPayments == null || partPayments;
        writtenPromises = writtenPromises == null || writtenPromises;
        oralPromisesWithEvidence = oralPromisesWithEvidence == null || oralPromisesWithEvidence;
        emailDemands = emailDemands == null || emailDemands;
        smsDemands = smsDemands == null || smsDemands;
        chatDemands = chatDemands == null || chatDemands;
        letterDemands = letterDemands == null || letterDemands;
    }
}
