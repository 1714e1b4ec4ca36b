package io.huikuan.portal.web;

import io.huikuan.common.ValidationException;
import io.huikuan.common.web.FormErrors;
import io.huikuan.correspondence.TemplateData;
import io.huikuan.correspondence.TemplateDataBuilder;
import io.huikuan.identity.CurrentUser;
import io.huikuan.ledger.DisputeCategory;
import io.huikuan.portal.PortalVisitor;
import io.huikuan.portal.internal.DebtorActions;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The debtor's actions (issue 16, item 2): the page {@code /portal/{token}/actions} with its forms (dispute an invoice,
 * promise a payment, propose a plan of installments, "we paid" with the bank receipt, a message to the collector) and their POSTs, each redirecting back
 * with a flash message (done, or the first error in the visitor's language).
 */
@Controller
class PortalActionPages {

    private final DebtorActions actions;
    private final TemplateDataBuilder data;
    private final MessageSource messages;
    private final Clock clock;

    PortalActionPages(DebtorActions actions, TemplateDataBuilder data, MessageSource messages, Clock clock) {
        this.actions = actions;
        this.data = data;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/portal/{token}/actions")
    String page(@PathVariable String token, PortalVisitor visitor, @RequestParam(required = false) String invoice, Model model) {
        TemplateData d = CurrentUser.asSystem(() -> data.forCustomer(visitor.customerCode(), LocalDate.now(clock)));
        List<String> invoices = new ArrayList<>();
        d.invoices().forEach(r -> invoices.add(r.number()));
        d.upcoming().forEach(r -> invoices.add(r.number()));
        if (invoice != null && !invoice.isBlank()) {
            model.addAttribute("selectedOpen", actions.openAmount(visitor, invoice.strip()));
        }
        model.addAttribute("token", token);
        model.addAttribute("customer", d.customer());
        model.addAttribute("company", d.company());
        model.addAttribute("invoices", invoices);
        model.addAttribute("selected", invoice == null ? null : invoice.strip());
        model.addAttribute("categories", DisputeCategory.values());
        model.addAttribute("today", d.today());
        model.addAttribute("maxInstallments", DebtorActions.MAX_INSTALLMENTS);
        return "portal/actions";
    }

    @PostMapping("/portal/{token}/disputes")
    String dispute(@PathVariable String token, PortalVisitor visitor, @RequestParam String invoiceNo, @RequestParam(required = false) String category,
            @RequestParam(required = false) String amount, @RequestParam(required = false) String text,
            @RequestParam(required = false) List<MultipartFile> files, HttpServletRequest request, Locale locale, RedirectAttributes flash) {
        actions.openAmount(visitor, invoiceNo);
        return done(token, flash, locale, "portal.done.dispute", () -> {
            List<DebtorActions.Upload> uploads = new ArrayList<>();
            if (files != null) {
                files.forEach(f -> uploads.add(upload(f)));
            }
            actions.dispute(visitor, request.getRemoteAddr(), invoiceNo, category, money("amount", amount), text, uploads);
        });
    }

    @PostMapping("/portal/{token}/promises")
    String promise(@PathVariable String token, PortalVisitor visitor, @RequestParam(required = false) String amount,
            @RequestParam(required = false) String date, @RequestParam(required = false) String note, HttpServletRequest request, Locale locale,
            RedirectAttributes flash) {
        return done(token, flash, locale, "portal.done.promise",
                () -> actions.promise(visitor, request.getRemoteAddr(), money("amount", amount), date("promisedDate", date), note));
    }

    @PostMapping("/portal/{token}/receipts")
    String receipt(@PathVariable String token, PortalVisitor visitor, @RequestParam(required = false) String amount,
            @RequestParam(required = false) String paidOn, @RequestParam(required = false) String note,
            @RequestParam(required = false) MultipartFile file, HttpServletRequest request, Locale locale, RedirectAttributes flash) {
        return done(token, flash, locale, "portal.done.receipt", () -> actions.paid(visitor, request.getRemoteAddr(), money("amount", amount),
                date("paidOn", paidOn), note, file == null ? null : upload(file)));
    }

    @PostMapping("/portal/{token}/plans")
    String plan(@PathVariable String token, PortalVisitor visitor, @RequestParam(required = false) String installments,
            @RequestParam(required = false) String firstDate, @RequestParam(required = false) String note, HttpServletRequest request, Locale locale,
            RedirectAttributes flash) {
        return done(token, flash, locale, "portal.done.plan",
                () -> actions.plan(visitor, request.getRemoteAddr(), count(installments), date("firstDate", firstDate), note));
    }

    @PostMapping("/portal/{token}/messages")
    String message(@PathVariable String token, PortalVisitor visitor, @RequestParam(required = false) String text, HttpServletRequest request,
            Locale locale, RedirectAttributes flash) {
        return done(token, flash, locale, "portal.done.message", () -> actions.message(visitor, request.getRemoteAddr(), text));
    }

    private String done(String token, RedirectAttributes flash, Locale locale, String doneKey, Runnable work) {
        try {
            work.run();
            flash.addFlashAttribute("portalDone", messages.getMessage(doneKey, null, locale));
        } catch (ValidationException e) {
            flash.addFlashAttribute("portalError", new FormErrors(messages, locale).text(e.errors().getFirst()));
        } catch (io.huikuan.common.ConflictException e) {
            flash.addFlashAttribute("portalError", e.getMessage());
        }
        return "redirect:/portal/" + token + "/actions" + (Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? "?lang=en" : "");
    }

    private static DebtorActions.Upload upload(MultipartFile f) {
        return new DebtorActions.Upload(f.getOriginalFilename(), f.getSize(), f::getBytes);
    }

    private static BigDecimal money(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(raw.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            throw ValidationException.coded(field, raw, "number", "a number such as 1234.50");
        }
    }

    private static Integer count(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            throw ValidationException.coded("installments", raw, "number", "a whole number");
        }
    }

    private static LocalDate date(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw ValidationException.coded(field, raw, "date", "a date yyyy-MM-dd");
        }
    }
}
