package io.huikuan.worklist.web;

import io.huikuan.common.ValidationException;
import io.huikuan.common.web.FormErrors;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import io.huikuan.worklist.Channel;
import io.huikuan.worklist.PromiseStatus;
import io.huikuan.worklist.Promises;
import io.huikuan.worklist.Promises.Promise;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * Promises to pay in the UI: the list with a status filter (open promises due within a week highlighted), the
 * form to record one, the managers' evaluation button, and the promises box of the customer page (loaded with htmx
 * from {@code /customers/{code}/promises}).
 */
@Controller
class PromisePages {

    /** The record-a-promise form as typed. */
    record PromiseForm(String customerCode, String amount, String promisedDate, String madeOn, String channel, String notes) {

        static PromiseForm empty(String customer) {
            return new PromiseForm(customer == null ? "" : customer, "", "", "", "PHONE", "");
        }
    }

    static final int SOON_DAYS = 7;

    private final Promises promises;
    private final MessageSource messages;
    private final Clock clock;

    PromisePages(Promises promises, MessageSource messages, Clock clock) {
        this.promises = promises;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/promises")
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) String customer, Model model, Locale locale) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", PromiseForm.empty(customer));
            model.addAttribute("errors", FormErrors.none());
        }
        return page(status, customer, model, locale);
    }

    @PostMapping("/promises")
    String create(@ModelAttribute("form") PromiseForm form, Model model, Locale locale, RedirectAttributes redirect) {
        FormErrors errors = new FormErrors(messages, locale);
        BigDecimal amount = errors.amount("amount", form.amount(), true);
        LocalDate promisedDate = errors.date("promisedDate", form.promisedDate(), true);
        LocalDate madeOn = errors.date("madeOn", form.madeOn(), false);
        Channel channel = null;
        try {
            channel = ScriptApi.parse(Channel.class, "channel", form.channel());
        } catch (ValidationException e) {
            errors.addAll(e);
        }
        if (!errors.any()) {
            try {
                Promise p = promises.create(new Promises.NewPromise(form.customerCode(), null, null, channel, amount, promisedDate, madeOn,
                        form.notes()));
                redirect.addFlashAttribute("flash", messages.getMessage("promises.saved", new Object[] {p.customerCode()}, locale));
                return "redirect:/promises?customer=" + UriUtils.encodeQueryParam(p.customerCode(), StandardCharsets.UTF_8);
            } catch (ValidationException e) {
                errors.addAll(e);
            }
        }
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return page(null, null, model, locale);
    }

    @PostMapping("/promises/evaluate")
    String evaluate(Locale locale, RedirectAttributes redirect) {
        Promises.Evaluation e = promises.evaluate(LocalDate.now(clock));
        redirect.addFlashAttribute("flash", messages.getMessage("promises.evaluated", new Object[] {e.kept(), e.partlyKept(), e.broken()}, locale));
        return "redirect:/promises";
    }

    @GetMapping("/customers/{code}/promises")
    String box(@PathVariable String code, Model model) {
        model.addAttribute("customerCode", code);
        model.addAttribute("keeping", promises.keeping(code));
        model.addAttribute("promises", promises.search(null, code, 0, 10).items());
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("soon", LocalDate.now(clock).plusDays(SOON_DAYS));
        return "worklist/promises :: customer-box";
    }

    private String page(String status, String customer, Model model, Locale locale) {
        FormErrors filterErrors = new FormErrors(messages, locale);
        List<Promise> list = List.of();
        long total = 0;
        try {
            var result = promises.search(PromiseApi.status(status), customer, 0, 500);
            list = result.items();
            total = result.total();
        } catch (ValidationException e) {
            filterErrors.addAll(e);
        }
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("promises", list);
        model.addAttribute("total", total);
        model.addAttribute("status", status == null ? "" : status.trim().toUpperCase(Locale.ROOT));
        model.addAttribute("customer", customer == null ? "" : customer);
        model.addAttribute("filterErrors", filterErrors);
        model.addAttribute("statuses", PromiseStatus.values());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("today", today);
        model.addAttribute("soon", today.plusDays(SOON_DAYS));
        model.addAttribute("graceDays", promises.graceDays());
        model.addAttribute("mayEvaluate", CurrentUser.get().isManager());
        model.addAttribute("mayRecord", CurrentUser.get().has(Role.COLLECTOR) || CurrentUser.get().isManager()
                || CurrentUser.get().has(Role.FINANCE));
        return "worklist/promises";
    }
}
