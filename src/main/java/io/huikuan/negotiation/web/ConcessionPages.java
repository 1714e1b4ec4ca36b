package io.huikuan.negotiation.web;

import io.huikuan.common.ConflictException;
import io.huikuan.common.NotFoundException;
import io.huikuan.common.Page;
import io.huikuan.common.ValidationException;
import io.huikuan.common.web.FormErrors;
import io.huikuan.common.web.ListLinks;
import io.huikuan.customer.CustomerRef;
import io.huikuan.customer.CustomerService;
import io.huikuan.ledger.LedgerQueries;
import io.huikuan.negotiation.Concession;
import io.huikuan.negotiation.ConcessionKind;
import io.huikuan.negotiation.ConcessionStatus;
import io.huikuan.negotiation.Concessions;
import io.huikuan.negotiation.NewConcession;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * /concessions: the list with filters and the queue of concessions awaiting the user's approval; /concessions/new the
 * proposal form for a customer's open invoices; /concessions/{id} a concession with its approvals and the
 * approve/reject/cancel buttons the user's role allows.
 */
@Controller
class ConcessionPages {

    private static final String[] FIELDS = {"customerCode", "kind", "invoiceNos*", "amount", "percent", "payBy", "payAmount", "reason", "planId",
        "activityId"};

    private final Concessions concessions;
    private final CustomerService customers;
    private final LedgerQueries ledger;
    private final MessageSource messages;
    private final Clock clock;

    ConcessionPages(Concessions concessions, CustomerService customers, LedgerQueries ledger, MessageSource messages, Clock clock) {
        this.concessions = concessions;
        this.customers = customers;
        this.ledger = ledger;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/concessions")
    String list(@RequestParam(required = false) String customer, @RequestParam(required = false) String status,
            @RequestParam(required = false) Integer page, Model model, Locale locale) {
        ConcessionStatus s = null;
        try {
            s = ConcessionApi.status(status);
        } catch (ValidationException e) {
            model.addAttribute("flashError", new FormErrors(messages, locale).text(e.errors().getFirst()));
        }
        String code = customer == null || customer.isBlank() ? null : customer.strip();
        Page<Concession> result;
        try {
            result = concessions.list(code, s, page == null || page < 0 ? 0 : page, 50);
        } catch (NotFoundException e) {
            model.addAttribute("flashError", messages.getMessage("error.unknownCustomer", null, locale));
            result = new Page<>(List.of(), 0, 0, 50);
        }
        model.addAttribute("result", result);
        model.addAttribute("links", new ListLinks("/concessions", null, false).filter("customer", code).filter("status", s == null ? null : s.name()));
        model.addAttribute("awaiting", concessions.awaitingMe());
        model.addAttribute("customer", code == null ? "" : code);
        model.addAttribute("status", s == null ? "" : s.name());
        model.addAttribute("statuses", ConcessionStatus.values());
        model.addAttribute("mayPropose", Concessions.mayPropose());
        return "negotiation/concessions";
    }

    /** The concessions part of the customer's negotiation panel (an htmx fragment the customer page may load). */
    @GetMapping("/customers/{code}/concessions")
    String panel(@PathVariable String code, Model model) {
        model.addAttribute("summary", concessions.forCustomer(code));
        model.addAttribute("mayPropose", Concessions.mayPropose());
        return "negotiation/concessions :: panel";
    }

    @GetMapping("/concessions/new")
    String form(@RequestParam(required = false) String customer, Model model) {
        return form(customer, new HashMap<>(), List.of(), FormErrors.none(), model);
    }

    @PostMapping("/concessions")
    String propose(@RequestParam(required = false) String customerCode, @RequestParam(required = false) String kind,
            @RequestParam(required = false) List<String> invoiceNos, @RequestParam(required = false) String amount,
            @RequestParam(required = false) String percent, @RequestParam(required = false) String payBy,
            @RequestParam(required = false) String payAmount, @RequestParam(required = false) String reason,
            @RequestParam(required = false) String planId, @RequestParam(required = false) String activityId, Model model, Locale locale,
            RedirectAttributes redirect) {
        FormErrors errors = new FormErrors(messages, locale);
        Map<String, String> values = new HashMap<>();
        values.put("kind", kind);
        values.put("amount", amount);
        values.put("percent", percent);
        values.put("payBy", payBy);
        values.put("payAmount", payAmount);
        values.put("reason", reason);
        values.put("planId", planId);
        values.put("activityId", activityId);
        List<String> chosen = invoiceNos == null ? List.of() : invoiceNos;
        BigDecimal a = errors.amount("amount", amount, false);
        BigDecimal p = errors.amount("percent", percent, false);
        LocalDate by = errors.date("payBy", payBy, false);
        BigDecimal pa = errors.amount("payAmount", payAmount, false);
        Integer plan = errors.integer("planId", planId);
        Integer activity = errors.integer("activityId", activityId);
        if (!errors.any()) {
            try {
                Concession c = concessions.propose(new NewConcession(customerCode, kind, chosen, a, p, by, pa, reason,
                        plan == null ? null : plan.longValue(), activity == null ? null : activity.longValue()));
                redirect.addFlashAttribute("flash", messages.getMessage("concession.proposed." + c.status().name(), null, locale));
                return "redirect:/concessions/" + c.id();
            } catch (ValidationException e) {
                errors.addAll(e);
            } catch (ConflictException e) {
                model.addAttribute("flashError", messages.getMessage("concession.conflict", new Object[] {e.getMessage()}, locale));
            }
        }
        return form(customerCode, values, chosen, errors, model);
    }

    private String form(String customer, Map<String, String> values, List<String> chosen, FormErrors errors, Model model) {
        String code = customer == null || customer.isBlank() ? null : customer.strip();
        CustomerRef ref = code == null ? null : customers.ref(code);
        model.addAttribute("customer", ref);
        model.addAttribute("invoices", ref == null ? List.of() : ledger.openInvoices(ref.id()));
        model.addAttribute("kinds", ConcessionKind.values());
        model.addAttribute("values", values);
        model.addAttribute("chosen", chosen);
        model.addAttribute("errors", errors);
        model.addAttribute("otherErrors", errors.others(FIELDS));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("mayPropose", Concessions.mayPropose());
        return "negotiation/concession-form";
    }

    @GetMapping("/concessions/{id}")
    String detail(@PathVariable long id, Model model) {
        Concession c = concessions.get(id);
        model.addAttribute("c", c);
        model.addAttribute("mayDecide", concessions.mayDecide(c));
        model.addAttribute("mayCancel", concessions.mayCancel(c));
        return "negotiation/concession";
    }

    @PostMapping("/concessions/{id}/approve")
    String approve(@PathVariable long id, Locale locale, RedirectAttributes redirect) {
        return act(id, locale, redirect, () -> "concession.done." + concessions.approve(id).status().name());
    }

    @PostMapping("/concessions/{id}/reject")
    String reject(@PathVariable long id, @RequestParam(required = false) String reason, Locale locale, RedirectAttributes redirect) {
        return act(id, locale, redirect, () -> "concession.done." + concessions.reject(id, reason).status().name());
    }

    @PostMapping("/concessions/{id}/cancel")
    String cancel(@PathVariable long id, @RequestParam(required = false) String reason, Locale locale, RedirectAttributes redirect) {
        return act(id, locale, redirect, () -> "concession.done." + concessions.cancel(id, reason).status().name());
    }

    private interface Action {
        String run();
    }

    private String act(long id, Locale locale, RedirectAttributes redirect, Action action) {
        try {
            redirect.addFlashAttribute("flash", messages.getMessage(action.run(), null, locale));
        } catch (ValidationException e) {
            redirect.addFlashAttribute("flashError", String.join("; ", new FormErrors(messages, locale).addAll(e).all()));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flashError", messages.getMessage("concession.conflict", new Object[] {e.getMessage()}, locale));
        }
        return "redirect:/concessions/" + id;
    }
}
