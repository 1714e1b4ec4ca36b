package io.huikuan.portal.web;

import io.huikuan.common.web.Formats;
import io.huikuan.customer.CustomerService;
import io.huikuan.portal.BalanceConfirmation;
import io.huikuan.portal.BalanceConfirmations;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The collector's portal panel's line about the debtor's latest balance confirmation: "已于 … 确认余额：同意（…）" or
 * "不同意：承认 X（对账单 Y）". Only for a customer the user may see.
 */
@ControllerAdvice(assignableTypes = PortalLinkPages.class)
class PortalPanelConfirmation {

    private final BalanceConfirmations confirmations;
    private final CustomerService customers;
    private final MessageSource messages;
    private final Formats fmt;

    PortalPanelConfirmation(BalanceConfirmations confirmations, CustomerService customers, MessageSource messages, Formats fmt) {
        this.confirmations = confirmations;
        this.customers = customers;
        this.messages = messages;
        this.fmt = fmt;
    }

    @ModelAttribute("portalConfirmed")
    String latest(@PathVariable String code, Locale locale) {
        return confirmations.latest(customers.ref(code).id()).map(c -> text(c, locale)).orElse(null);
    }

    /** The drawn signature of the latest confirmation (a PNG data URL), or null. */
    @ModelAttribute("portalSignature")
    String signature(@PathVariable String code) {
        return confirmations.latest(customers.ref(code).id()).filter(BalanceConfirmation::hasDrawnSignature)
                .flatMap(c -> confirmations.signatureImage(c.id())).orElse(null);
    }

    private String text(BalanceConfirmation c, Locale locale) {
        String answer = "AGREE".equals(c.answer())
                ? messages.getMessage("portal.confirm.panel.AGREE", new Object[] {fmt.money(c.amount())}, locale)
                : messages.getMessage("portal.confirm.panel.DISAGREE", new Object[] {fmt.money(c.acknowledgedAmount()), fmt.money(c.amount())}, locale);
        return messages.getMessage("portal.confirm.panel", new Object[] {fmt.time(c.confirmedAt()), answer}, locale);
    }
}
