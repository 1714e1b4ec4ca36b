package io.huikuan.legal.web;

import io.huikuan.common.ConflictException;
import io.huikuan.common.ValidationException;
import io.huikuan.common.web.FormErrors;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import io.huikuan.legal.LprRates;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The LPR table page (/admin/lpr): finance, legal and managers read it; administrators add a date's rate or correct one. */
@Controller
class LprPages {

    private final LprRates rates;
    private final MessageSource messages;

    LprPages(LprRates rates, MessageSource messages) {
        this.rates = rates;
        this.messages = messages;
    }

    @GetMapping("/admin/lpr")
    String page(Model model) {
        model.addAttribute("rates", rates.list().reversed());
        model.addAttribute("mayEdit", CurrentUser.get().has(Role.ADMIN));
        if (!model.containsAttribute("values")) {
            model.addAttribute("values", Map.of());
        }
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", FormErrors.none());
        }
        return "legal/lpr";
    }

    /** Adds ({@code mode=add}) or corrects ({@code mode=correct}) the rate of a date. */
    @PostMapping("/admin/lpr")
    String save(@RequestParam(required = false) String effectiveFrom, @RequestParam(required = false) String rate,
            @RequestParam(required = false) String source, @RequestParam(defaultValue = "add") String mode, Locale locale, RedirectAttributes redirect) {
        FormErrors errors = new FormErrors(messages, locale);
        LocalDate date = errors.date("effectiveFrom", effectiveFrom, true);
        BigDecimal value = errors.amount("rate", rate, true);
        try {
            if (!errors.any()) {
                LprRates.Entry entry = new LprRates.Entry(date, value, source);
                LprRates.LprRate saved = "correct".equals(mode) ? rates.correct(entry) : rates.add(entry);
                redirect.addFlashAttribute("flash", messages.getMessage("lpr.saved", new Object[] {saved.effectiveFrom().toString()}, locale));
                return "redirect:/admin/lpr";
            }
        } catch (ValidationException e) {
            errors.addAll(e);
        } catch (io.huikuan.common.NotFoundException e) {
            errors.add("effectiveFrom", messages.getMessage("lpr.unknownDate", new Object[] {String.valueOf(date)}, locale));
        } catch (ConflictException e) {
            errors.add(e.field(), messages.getMessage("lpr.duplicate", new Object[] {String.valueOf(date)}, locale));
        }
        Map<String, String> values = new HashMap<>();
        values.put("effectiveFrom", effectiveFrom);
        values.put("rate", rate);
        values.put("source", source);
        values.put("mode", mode);
        redirect.addFlashAttribute("values", values);
        redirect.addFlashAttribute("errors", errors);
        redirect.addFlashAttribute("flashError", messages.getMessage("lpr.invalid", null, locale));
        return "redirect:/admin/lpr";
    }
}
