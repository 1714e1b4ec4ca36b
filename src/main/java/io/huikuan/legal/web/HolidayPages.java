package io.huikuan.legal.web;

import io.huikuan.common.ValidationException;
import io.huikuan.common.web.FormErrors;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import io.huikuan.legal.HolidayCalendar;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators load the statutory holiday calendar a year at a time by pasting CSV lines. */
@Controller
class HolidayPages {

    private final HolidayCalendar calendar;
    private final MessageSource messages;
    private final Clock clock;

    HolidayPages(HolidayCalendar calendar, MessageSource messages, Clock clock) {
        this.calendar = calendar;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/legal/holidays")
    String page(@RequestParam(required = false) Integer year, Model model, Locale locale) {
        CurrentUser.require("load the holiday calendar", Role.ADMIN);
        int y = year == null ? LocalDate.now(clock).getYear() : year;
        model.addAttribute("years", calendar.years());
        model.addAttribute("year", y);
        model.addAttribute("csv", calendar.days(y).stream().map(d -> d.date() + "," + d.kind() + "," + d.name()).collect(Collectors.joining("\n")));
        model.addAttribute("errors", new FormErrors(messages, locale));
        return "legal/holidays";
    }

    @PostMapping("/legal/holidays")
    String load(@RequestParam(required = false) Integer year, @RequestParam(required = false) String csv, Model model, Locale locale,
            RedirectAttributes flash, HttpServletResponse response) {
        CurrentUser.require("load the holiday calendar", Role.ADMIN);
        FormErrors errors = new FormErrors(messages, locale);
        try {
            if (year == null) {
                throw new ValidationException("year", null, "required");
            }
            int days = calendar.load(year, csv).size();
            flash.addFlashAttribute("flash", messages.getMessage("holidays.saved", new Object[] {String.valueOf(year), days}, locale));
            return "redirect:/legal/holidays?year=" + year;
        } catch (ValidationException e) {
            e.errors().forEach(f -> errors.add(f.field(), f.field() + ": " + errors.text(f)));
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("years", calendar.years());
        model.addAttribute("year", year);
        model.addAttribute("csv", csv);
        model.addAttribute("errors", errors);
        return "legal/holidays";
    }
}
