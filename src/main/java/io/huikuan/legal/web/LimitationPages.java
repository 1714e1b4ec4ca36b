package io.huikuan.legal.web;

import io.huikuan.common.Page;
import io.huikuan.common.ValidationException;
import io.huikuan.common.web.FormErrors;
import io.huikuan.common.web.ListLinks;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import io.huikuan.legal.LimitationClock;
import io.huikuan.legal.LimitationEventKind;
import io.huikuan.legal.LimitationEvents;
import io.huikuan.legal.LimitationItem;
import io.huikuan.legal.LimitationStatus;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
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
 * The limitation report (诉讼时效): open amounts by the month their period ends, the invoices with their clocks
 * (filters status and customer, paged), and a form to record an event (legal, managers, admins); one customer's
 * view with the timeline of events and the courier receipts of its letters. Everyone logged in may read it;
 * collectors see their own customers.
 */
@Controller
class LimitationPages {

    static final int PAGE_SIZE = 50;

    /** The record-an-event form as typed. */
    record EventForm(String customerCode, String invoiceNos, String date, String kind, String evidence) {
    }

    private final LimitationClock limitation;
    private final LimitationEvents events;
    private final io.huikuan.legal.SignedConfirmations confirmations;
    private final MessageSource messages;
    private final Clock clock;

    LimitationPages(LimitationClock limitation, LimitationEvents events, io.huikuan.legal.SignedConfirmations confirmations,
            MessageSource messages, Clock clock) {
        this.confirmations = confirmations;
        this.limitation = limitation;
        this.events = events;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/legal/limitation")
    String report(@RequestParam(required = false) String asOf, @RequestParam(required = false) String status,
            @RequestParam(required = false) String customer, @RequestParam(required = false) String page, Model model, Locale locale,
            HttpServletResponse response) {
        FormErrors errors = new FormErrors(messages, locale);
        LocalDate date = asOf == null || asOf.isBlank() ? LocalDate.now(clock) : errors.date("asOf", asOf, false);
        date = date == null ? LocalDate.now(clock) : date;
        LimitationStatus s = null;
        try {
            s = LimitationApi.status(status);
        } catch (ValidationException e) {
            errors.addCode("status", "limitation.error.status");
        }
        int p = 0;
        try {
            p = LimitationApi.number("page", page, 0, 0, 1_000_000, "");
        } catch (ValidationException e) {
            errors.addCode("page", "limitation.error.page");
        }
        String code = customer == null || customer.isBlank() ? null : customer.strip();
        model.addAttribute("asOf", date);
        model.addAttribute("asOfRaw", asOf == null ? "" : asOf);
        model.addAttribute("status", s == null ? "" : s.name());
        model.addAttribute("customer", code == null ? "" : code);
        model.addAttribute("statuses", Arrays.asList(LimitationStatus.values()));
        model.addAttribute("kinds", Arrays.asList(LimitationEventKind.values()));
        model.addAttribute("mayRecord", mayRecord());
        model.addAttribute("mayLoadHolidays", CurrentUser.get().has(Role.ADMIN));
        model.addAttribute("errors", errors);
        model.addAttribute("settings", limitation.settings());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new EventForm(code == null ? "" : code, "", LocalDate.now(clock).toString(), "DEMAND_DELIVERED", ""));
        }
        if (errors.any()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("months", List.of());
            model.addAttribute("result", new Page<LimitationItem>(List.of(), 0, 0, PAGE_SIZE));
            model.addAttribute("links", new ListLinks("/legal/limitation", null, false));
            return "legal/limitation";
        }
        model.addAttribute("months", limitation.byExpiryMonth(date, code, 24));
        Page<LimitationItem> result = limitation.items(date, code, s, p, PAGE_SIZE);
        model.addAttribute("result", result);
        model.addAttribute("links", new ListLinks("/legal/limitation", null, false).filter("asOf", asOf).filter("status", s == null ? null : s.name())
                .filter("customer", code));
        return "legal/limitation";
    }

    @GetMapping("/legal/limitation/customers/{code}")
    String customer(@PathVariable String code, @RequestParam(required = false) String asOf, Model model, Locale locale,
            HttpServletResponse response) {
        FormErrors errors = new FormErrors(messages, locale);
        LocalDate date = asOf == null || asOf.isBlank() ? null : errors.date("asOf", asOf, false);
        date = date == null ? LocalDate.now(clock) : date;
        model.addAttribute("code", code);
        model.addAttribute("asOf", date);
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", Arrays.asList(LimitationEventKind.values()));
        model.addAttribute("mayRecord", mayRecord());
        model.addAttribute("mayEnterReceipt", mayRecord() || CurrentUser.get().has(Role.FINANCE));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("items", limitation.items(date, code, null, 0, 1000));
        model.addAttribute("timeline", events.timeline(code, date));
        model.addAttribute("form", new EventForm(code, "", LocalDate.now(clock).toString(), "ACKNOWLEDGED", ""));
        var confirmationList = confirmations.confirmations(code);
        model.addAttribute("confirmations", confirmationList);
        model.addAttribute("confirmationRecorded", confirmationList.stream()
                .collect(java.util.stream.Collectors.toMap(d -> d.id(), d -> confirmations.recorded(d.id()))));
        if (errors.any()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        return "legal/limitation-customer";
    }

    @PostMapping("/legal/limitation/events")
    String record(@RequestParam(required = false) String customerCode, @RequestParam(required = false) String invoiceNos,
            @RequestParam(required = false) String date, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String evidence, Model model, Locale locale, RedirectAttributes flash,
            HttpServletResponse response) {
        CurrentUser user = CurrentUser.require("record limitation events", Role.LEGAL, Role.MANAGER);
        FormErrors errors = new FormErrors(messages, locale);
        LocalDate day = errors.date("date", date, true);
        LimitationEventKind k = null;
        try {
            k = kind == null || kind.isBlank() ? null : LimitationEventKind.valueOf(kind.strip());
        } catch (IllegalArgumentException e) {
            errors.addCode("kind", "limitation.error.kind");
        }
        List<String> nos = invoiceNos == null || invoiceNos.isBlank() ? List.of()
                : Arrays.stream(invoiceNos.split("[,，\\s]+")).filter(s -> !s.isBlank()).toList();
        if (!errors.any()) {
            try {
                long id = events.record(new LimitationEvents.NewEvent(customerCode, nos, day, k, evidence, "MANUAL", null, null), user.username());
                LimitationEvents.Event e = events.find(id).orElseThrow();
                flash.addFlashAttribute("flash", messages.getMessage(e.counts() ? "limitation.recorded" : "limitation.recordedNotCounting",
                        new Object[] {e.invoiceNos().size()}, locale));
                return "redirect:/legal/limitation/customers/" + org.springframework.web.util.UriUtils.encodePathSegment(e.customerCode(),
                        java.nio.charset.StandardCharsets.UTF_8);
            } catch (ValidationException e) {
                errors.addAll(e);
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("form", new EventForm(customerCode, invoiceNos, date, kind, evidence));
        report(null, null, null, null, model, locale, response);
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("errors", errors);
        return "legal/limitation";
    }

    @PostMapping("/legal/limitation/events/{id}/courier-receipt")
    String courierReceipt(@PathVariable long id, @RequestParam(required = false) String courierNo,
            @RequestParam(required = false) String deliveredOn, Locale locale, RedirectAttributes flash) {
        CurrentUser user = CurrentUser.require("enter courier receipts", Role.LEGAL, Role.MANAGER, Role.FINANCE);
        LimitationEvents.Event event = events.find(id).orElseThrow(() -> new io.huikuan.common.NotFoundException("limitation event", String.valueOf(id)));
        FormErrors errors = new FormErrors(messages, locale);
        LocalDate day = errors.date("deliveredOn", deliveredOn, true);
        try {
            if (!errors.any()) {
                events.enterCourierReceipt(id, courierNo, day, user.username());
                flash.addFlashAttribute("flash", messages.getMessage("limitation.receiptEntered", new Object[] {courierNo}, locale));
            }
        } catch (ValidationException e) {
            errors.addAll(e);
        }
        if (errors.any()) {
            flash.addFlashAttribute("flashError", String.join("; ", errors.all()));
        }
        return "redirect:/legal/limitation/customers/" + org.springframework.web.util.UriUtils.encodePathSegment(event.customerCode(),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    @PostMapping("/legal/limitation/customers/{code}/confirmations/{id}/signed")
    String signedConfirmation(@PathVariable String code, @PathVariable long id, @RequestParam(required = false) String signedOn,
            @RequestParam(required = false) String evidence, Locale locale, RedirectAttributes flash) {
        FormErrors errors = new FormErrors(messages, locale);
        LocalDate day = errors.date("signedOn", signedOn, true);
        try {
            if (!errors.any()) {
                confirmations.record(code, id, day, evidence);
                flash.addFlashAttribute("flash", messages.getMessage("limitation.signedRecorded", null, locale));
            }
        } catch (ValidationException e) {
            errors.addAll(e);
        }
        if (errors.any()) {
            flash.addFlashAttribute("flashError", String.join("; ", errors.all()));
        }
        return "redirect:/legal/limitation/customers/" + org.springframework.web.util.UriUtils.encodePathSegment(code,
                java.nio.charset.StandardCharsets.UTF_8);
    }

    @GetMapping("/legal/help/limitation")
    String help(Model model) {
        model.addAttribute("settings", limitation.settings());
        return "legal/help-limitation";
    }

    private static boolean mayRecord() {
        CurrentUser u = CurrentUser.get();
        return u.has(Role.ADMIN) || u.has(Role.MANAGER) || u.has(Role.LEGAL);
    }
}
