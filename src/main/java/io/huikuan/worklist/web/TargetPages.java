package io.huikuan.worklist.web;

import io.huikuan.common.NotFoundException;
import io.huikuan.common.ValidationException;
import io.huikuan.common.web.FormErrors;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import io.huikuan.worklist.Channel;
import io.huikuan.worklist.CollectionPlans;
import io.huikuan.worklist.Targets;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Plans and targets in the UI: a month's progress of the logged-in collector, the teams and the collectors
 * (leaderboard), the month-end evaluation of a past month, the targets (managers set them) and the customers'
 * collection plans (collectors plan their own customers).
 */
@Controller
class TargetPages {

    /** The set-a-target form as typed. */
    record TargetForm(String month, String scope, String key, String amount) {
    }

    /** The plan form as typed. */
    record PlanForm(String customerCode, String month, String expectedAmount, String channel, String owner, String notes) {
    }

    private final Targets targets;
    private final CollectionPlans plans;
    private final MessageSource messages;

    TargetPages(Targets targets, CollectionPlans plans, MessageSource messages) {
        this.targets = targets;
        this.plans = plans;
        this.messages = messages;
    }

    @GetMapping("/targets")
    String page(@RequestParam(required = false) String month, Model model, Locale locale) {
        YearMonth m;
        FormErrors monthErrors = new FormErrors(messages, locale);
        try {
            m = targets.month("month", month);
        } catch (ValidationException e) {
            monthErrors.addAll(e);
            m = targets.month("month", null);
        }
        model.addAttribute("monthErrors", monthErrors);
        if (!model.containsAttribute("targetForm")) {
            model.addAttribute("targetForm", new TargetForm(m.toString(), "USER", "", ""));
            model.addAttribute("targetErrors", FormErrors.none());
        }
        if (!model.containsAttribute("planForm")) {
            model.addAttribute("planForm", new PlanForm("", m.toString(), "", "", "", ""));
            model.addAttribute("planErrors", FormErrors.none());
        }
        return fill(m, model);
    }

    @PostMapping("/targets")
    String setTarget(@ModelAttribute("targetForm") TargetForm form, Model model, Locale locale, RedirectAttributes redirect) {
        FormErrors errors = new FormErrors(messages, locale);
        BigDecimal amount = errors.amount("amount", form.amount(), true);
        if (!errors.any()) {
            try {
                Targets.Target t = targets.set(form.month(), form.scope(), form.key(), amount);
                redirect.addFlashAttribute("flash", messages.getMessage("targets.saved", new Object[] {t.key(), t.month()}, locale));
                return "redirect:/targets?month=" + t.month();
            } catch (ValidationException e) {
                errors.addAll(e);
            }
        }
        model.addAttribute("targetErrors", errors);
        model.addAttribute("planForm", new PlanForm("", form.month(), "", "", "", ""));
        model.addAttribute("planErrors", FormErrors.none());
        model.addAttribute("monthErrors", FormErrors.none());
        return fill(safeMonth(form.month()), model);
    }

    @PostMapping("/targets/plans")
    String setPlan(@ModelAttribute("planForm") PlanForm form, Model model, Locale locale, RedirectAttributes redirect) {
        FormErrors errors = new FormErrors(messages, locale);
        BigDecimal amount = errors.amount("expectedAmount", form.expectedAmount(), true);
        Channel channel = null;
        try {
            channel = ScriptApi.parse(Channel.class, "channel", form.channel());
        } catch (ValidationException e) {
            errors.addAll(e);
        }
        if (!errors.any()) {
            try {
                CollectionPlans.Plan p = plans.set(new CollectionPlans.NewPlan(form.customerCode(), form.month(), amount, channel, form.owner(),
                        form.notes()));
                redirect.addFlashAttribute("flash", messages.getMessage("plans.saved", new Object[] {p.customerCode(), p.month()}, locale));
                return "redirect:/targets?month=" + p.month();
            } catch (ValidationException e) {
                errors.addAll(e);
            } catch (NotFoundException e) {
                errors.add("customerCode", messages.getMessage("error.unknownCustomer", null, locale));
            }
        }
        model.addAttribute("planErrors", errors);
        model.addAttribute("targetForm", new TargetForm(form.month(), "USER", "", ""));
        model.addAttribute("targetErrors", FormErrors.none());
        model.addAttribute("monthErrors", FormErrors.none());
        return fill(safeMonth(form.month()), model);
    }

    private YearMonth safeMonth(String month) {
        try {
            return targets.month("month", month);
        } catch (ValidationException e) {
            return targets.month("month", null);
        }
    }

    private String fill(YearMonth month, Model model) {
        CurrentUser me = CurrentUser.get();
        boolean overseer = me.isManager() || me.has(Role.FINANCE);
        Targets.Progress mine = targets.progress(me.username(), month);
        boolean closed = mine.closed();
        model.addAttribute("month", month.toString());
        model.addAttribute("previousMonth", month.minusMonths(1).toString());
        model.addAttribute("nextMonth", month.plusMonths(1).toString());
        model.addAttribute("closed", closed);
        model.addAttribute("progress", me.has(Role.COLLECTOR) || !overseer ? mine : null);
        model.addAttribute("overseer", overseer);
        model.addAttribute("mayTarget", me.isManager());
        model.addAttribute("mayPlan", me.isManager() || me.has(Role.COLLECTOR));
        model.addAttribute("targets", targets.targets(month));
        model.addAttribute("teams", overseer ? targets.teams(month) : List.of());
        model.addAttribute("leaderboard", overseer ? targets.leaderboard(month) : List.of());
        model.addAttribute("plans", plans.list(month, null));
        model.addAttribute("channels", Channel.values());
        model.addAttribute("scopes", Targets.Scope.values());
        return "worklist/targets";
    }
}
