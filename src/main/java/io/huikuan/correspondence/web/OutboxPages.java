package io.huikuan.correspondence.web;

import io.huikuan.common.ConflictException;
import io.huikuan.common.Page;
import io.huikuan.common.ValidationException;
import io.huikuan.common.web.FormErrors;
import io.huikuan.correspondence.Outbox;
import io.huikuan.correspondence.OutboxStatus;
import io.huikuan.identity.CurrentUser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * The outbox page (by default everything not sent yet: queued, also waiting for a channel's configuration, failed,
 * unconfirmed; a banner names each channel that is not configured and what to set; a status filter; managers
 * requeue with a reason) and the customer page's messages panel (loaded with htmx).
 */
@Controller
class OutboxPages {

    private final Outbox outbox;
    private final MessageSource messages;

    OutboxPages(Outbox outbox, MessageSource messages) {
        this.outbox = outbox;
        this.messages = messages;
    }

    @GetMapping("/outbox")
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) String customer,
            @RequestParam(defaultValue = "0") int page, Model model, Locale locale) {
        String filter = status == null ? Outbox.PENDING : status.trim();
        FormErrors errors = new FormErrors(messages, locale);
        Page<Outbox.MessageView> result = new Page<>(List.of(), 0, 0, 100);
        try {
            result = outbox.search(filter, customer, page, 100);
        } catch (ValidationException e) {
            errors.addAll(e);
        }
        model.addAttribute("status", filter);
        model.addAttribute("customer", customer == null ? "" : customer);
        model.addAttribute("statuses", OutboxStatus.values());
        model.addAttribute("result", result);
        model.addAttribute("filterErrors", errors);
        model.addAttribute("notConfigured", outbox.notConfigured());
        model.addAttribute("queued", outbox.queuedByChannel());
        model.addAttribute("mayRequeue", CurrentUser.get().isManager());
        return "correspondence/outbox";
    }

    @PostMapping("/outbox/{id}/retry")
    String retry(@PathVariable long id, @RequestParam(required = false) String reason, @RequestParam(required = false) String back,
            Locale locale, RedirectAttributes redirect) {
        try {
            outbox.retry(id, reason);
            redirect.addFlashAttribute("flash", messages.getMessage("outbox.requeued", new Object[] {id}, locale));
        } catch (ValidationException e) {
            FormErrors errors = new FormErrors(messages, locale);
            errors.addAll(e);
            redirect.addFlashAttribute("flashError", String.join("; ", errors.all()));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flashError", messages.getMessage("outbox.notRequeueable", new Object[] {id}, locale));
        }
        String status = back == null ? "" : "?status=" + UriUtils.encodeQueryParam(back, StandardCharsets.UTF_8);
        return "redirect:/outbox" + status;
    }

    @GetMapping("/customers/{code}/messages")
    String panel(@PathVariable String code, Model model) {
        model.addAttribute("code", code);
        model.addAttribute("messages", outbox.forCustomer(code));
        return "correspondence/messages :: panel";
    }
}
