package io.huikuan.aging.web;

import io.huikuan.aging.AgingBucket;
import io.huikuan.aging.MonthEnds;
import io.huikuan.common.ConflictException;
import io.huikuan.common.ValidationException;
import io.huikuan.common.web.FormErrors;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import java.time.Clock;
import java.time.LocalDate;
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

/**
 * Month-end closes in the UI: the closed months with their stored receivables, closing a month
 * (managers and finance), reopening one (managers, with a reason), and each month's
 * stored-versus-recomputed report. The rules are {@link MonthEnds}'.
 */
@Controller
class MonthEndPages {

    private final MonthEnds monthEnds;
    private final MessageSource messages;
    private final Clock clock;

    MonthEndPages(MonthEnds monthEnds, MessageSource messages, Clock clock) {
        this.monthEnds = monthEnds;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/month-ends")
    String list(Model model, Locale locale) {
        return page(model, MonthEnds.lastCompleteMonth(LocalDate.now(clock)).toString(), FormErrors.none());
    }

    @PostMapping("/month-ends")
    String close(@RequestParam(required = false) String month, Model model, Locale locale, RedirectAttributes redirect) {
        FormErrors errors = new FormErrors(messages, locale);
        try {
            MonthEnds.Close close = monthEnds.close(MeasureApi.month("month", month));
            redirect.addFlashAttribute("flash", messages.getMessage("monthEnds.closed", new Object[] {close.month()}, locale));
            return "redirect:/month-ends";
        } catch (ValidationException e) {
            errors.addAll(e);
        } catch (ConflictException e) {
            errors.add("month", e.getMessage());
        }
        return page(model, month, errors);
    }

    @PostMapping("/month-ends/{month}/reopen")
    String reopen(@PathVariable String month, @RequestParam(required = false) String reason, Locale locale, RedirectAttributes redirect) {
        try {
            monthEnds.reopen(MeasureApi.month("month", month), reason);
            redirect.addFlashAttribute("flash", messages.getMessage("monthEnds.reopened", new Object[] {month}, locale));
        } catch (ValidationException e) {
            redirect.addFlashAttribute("flashError", messages.getMessage("monthEnds.notReopened", new Object[] {e.getMessage()}, locale));
        }
        return "redirect:/month-ends";
    }

    @GetMapping("/month-ends/{month}")
    String comparison(@PathVariable String month, Model model, Locale locale) {
        MonthEnds.Comparison c = monthEnds.compare(MeasureApi.month("month", month));
        model.addAttribute("c", c);
        java.time.YearMonth ym = java.time.YearMonth.parse(c.month());
        java.time.LocalDate today = java.time.LocalDate.now(clock);
        // the monthly review (定期评估) opens what worked in the month's actions
        model.addAttribute("monthFrom", ym.atDay(1));
        model.addAttribute("monthTo", ym.atEndOfMonth().isAfter(today) ? today : ym.atEndOfMonth());
        model.addAttribute("labels", c.buckets().stream().map(b -> AgingLabels.bucket(messages, b, locale)).toList());
        model.addAttribute("bucketCount", AgingBucket.DEFAULTS.size());
        return "aging/month-end";
    }

    private String page(Model model, String month, FormErrors errors) {
        List<MonthEnds.Close> closes = monthEnds.list();
        CurrentUser user = CurrentUser.get();
        model.addAttribute("closes", closes);
        model.addAttribute("month", month);
        model.addAttribute("errors", errors);
        model.addAttribute("mayClose", user.has(Role.ADMIN) || user.has(Role.MANAGER) || user.has(Role.FINANCE));
        model.addAttribute("mayReopen", user.has(Role.ADMIN) || user.has(Role.MANAGER));
        return "aging/month-ends";
    }
}
