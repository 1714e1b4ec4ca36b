package io.huikuan.negotiation.web;

import io.huikuan.common.ConflictException;
import io.huikuan.common.InputRules;
import io.huikuan.common.ValidationException;
import io.huikuan.common.web.FormErrors;
import io.huikuan.customer.CustomerRef;
import io.huikuan.customer.CustomerService;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import io.huikuan.negotiation.HoldStatus;
import io.huikuan.negotiation.SupplyHold;
import io.huikuan.negotiation.SupplyHoldQueries;
import io.huikuan.negotiation.SupplyHoldRules;
import io.huikuan.negotiation.SupplyHolds;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
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
 * The supply hold on the customer page (a badge in the header and a panel, both loaded with htmx), its forms, and
 * /holds: customers on hold and proposed holds, with approve/reject and the rules a manager edits.
 */
@Controller
class SupplyHoldPages {

    private final SupplyHolds holds;
    private final SupplyHoldQueries queries;
    private final SupplyHoldRules rules;
    private final CustomerService customers;
    private final MessageSource messages;
    private final Clock clock;

    SupplyHoldPages(SupplyHolds holds, SupplyHoldQueries queries, SupplyHoldRules rules, CustomerService customers, MessageSource messages,
            Clock clock) {
        this.holds = holds;
        this.queries = queries;
        this.rules = rules;
        this.customers = customers;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/customers/{code}/supply-badge")
    String badge(@PathVariable String code, Model model) {
        model.addAttribute("status", holds.status(code, null));
        return "negotiation/holds :: badge";
    }

    @GetMapping("/customers/{code}/supply-hold")
    String panel(@PathVariable String code, Model model) {
        CustomerRef ref = customers.ref(code);
        model.addAttribute("customerCode", ref.code());
        model.addAttribute("status", holds.status(code, null));
        model.addAttribute("history", queries.history(ref.id()));
        model.addAttribute("mayDecide", SupplyHolds.mayDecide());
        model.addAttribute("mayPropose", SupplyHolds.mayPropose());
        model.addAttribute("today", LocalDate.now(clock));
        return "negotiation/holds :: panel";
    }

    @PostMapping("/customers/{code}/supply-hold")
    String place(@PathVariable String code, @RequestParam(required = false) String reason, @RequestParam(required = false) String since,
            Locale locale, RedirectAttributes redirect) {
        return act(redirect, locale, customerPage(code), () -> {
            SupplyHold h = holds.place(code, new SupplyHolds.NewHold(reason, InputRules.date("since", since)));
            return h.status() == HoldStatus.PROPOSED ? "holds.proposed" : "holds.placed";
        });
    }

    @PostMapping("/customers/{code}/supply-hold/release")
    String release(@PathVariable String code, @RequestParam(required = false) String reason, @RequestParam(required = false) String releasedOn,
            Locale locale, RedirectAttributes redirect) {
        return act(redirect, locale, customerPage(code), () -> {
            holds.release(code, reason, InputRules.date("releasedOn", releasedOn));
            return "holds.released";
        });
    }

    @GetMapping("/holds")
    String list(@RequestParam(required = false) String status, Model model, Locale locale) {
        HoldStatus s = null;
        try {
            s = SupplyHoldApi.status(status);
        } catch (ValidationException e) {
            model.addAttribute("flashError", new FormErrors(messages, locale).text(e.errors().getFirst()));
        }
        CurrentUser me = CurrentUser.get();
        model.addAttribute("holds", queries.list(s, me.portfolioOnly() ? me.username() : null, 500));
        model.addAttribute("status", s == null ? "" : s.name());
        model.addAttribute("statuses", HoldStatus.values());
        model.addAttribute("mayDecide", SupplyHolds.mayDecide());
        model.addAttribute("mayEditRules", me.isManager());
        model.addAttribute("rules", rules.settings());
        return "negotiation/holds";
    }

    @PostMapping("/holds/{id}/approve")
    String approve(@PathVariable long id, @RequestParam(required = false) String note, Locale locale, RedirectAttributes redirect) {
        return act(redirect, locale, "redirect:/holds", () -> {
            holds.approve(id, note);
            return "holds.approved";
        });
    }

    @PostMapping("/holds/{id}/reject")
    String reject(@PathVariable long id, @RequestParam(required = false) String reason, Locale locale, RedirectAttributes redirect) {
        return act(redirect, locale, "redirect:/holds", () -> {
            holds.reject(id, reason);
            return "holds.rejected";
        });
    }

    @PostMapping("/holds/rules")
    String saveRules(@RequestParam(defaultValue = "false") boolean overdueOn, @RequestParam(required = false) String overdueDays,
            @RequestParam(defaultValue = "false") boolean promiseBrokenOn, @RequestParam(defaultValue = "false") boolean planBrokenOn,
            @RequestParam(defaultValue = "false") boolean autoHold, Locale locale, RedirectAttributes redirect) {
        CurrentUser.require("change the supply hold rules", Role.MANAGER);
        return act(redirect, locale, "redirect:/holds", () -> {
            Integer days = SupplyHoldRules.days(overdueDays);
            rules.update(overdueOn, days, promiseBrokenOn, planBrokenOn, autoHold);
            return "holds.rulesSaved";
        });
    }

    private interface Action {
        String run();
    }

    private String act(RedirectAttributes redirect, Locale locale, String target, Action action) {
        try {
            redirect.addFlashAttribute("flash", messages.getMessage(action.run(), null, locale));
        } catch (ValidationException e) {
            redirect.addFlashAttribute("flashError", new FormErrors(messages, locale).summary(e, "holds.field."));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flashError", messages.getMessage("holds.conflict", new Object[] {e.getMessage()}, locale));
        }
        return target;
    }

    private static String customerPage(String code) {
        return "redirect:/customers/" + UriUtils.encodePathSegment(code, StandardCharsets.UTF_8);
    }
}
