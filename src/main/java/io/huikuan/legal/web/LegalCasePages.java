package io.huikuan.legal.web;

import io.huikuan.common.NotFoundException;
import io.huikuan.common.ValidationException;
import io.huikuan.common.web.FormErrors;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import io.huikuan.identity.UserAccount;
import io.huikuan.identity.UserDirectory;
import io.huikuan.legal.CaseOutcome;
import io.huikuan.legal.ClaimEstimates;
import io.huikuan.legal.LawsuitProcedure;
import io.huikuan.legal.LegalCase;
import io.huikuan.legal.LegalCaseKind;
import io.huikuan.legal.LegalCaseRules;
import io.huikuan.legal.LegalCases;
import io.huikuan.legal.PaymentOrderCheck;
import io.huikuan.legal.internal.LegalCaseQueries.OpenInvoice;
import java.math.BigDecimal;
import java.time.LocalDate;
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
 * Legal cases in the UI: the list (customer and status filters; claim, recovered, next deadline), the form that opens a
 * case from a customer (its open invoices listed, the overdue ones ticked; for a payment order the 支付令 check answered
 * condition by condition), and the hearings calendar. The case page is {@link LegalCaseDetailPages}.
 */
@Controller
class LegalCasePages {

    /** The open-a-case form as typed; {@code debtorInMainland} is "", "true" or "false". */
    record CaseForm(String customerCode, List<String> invoiceNos, String kind, String procedure, String court, String caseNo, String lawyer,
            String principal, String interest, String penalty, String costs, String owner, Boolean counterObligation, String debtorInMainland,
            String interestBasis, String interestRate, String interestMarkup) {

        /** The same form with the computed figures filled in. */
        CaseForm withClaim(ClaimEstimates.Estimate e) {
            return new CaseForm(customerCode, invoiceNos, kind, procedure, court, caseNo, lawyer, e.principal().toPlainString(),
                    e.interest().toPlainString(), penalty, e.courtFee() == null ? costs : e.courtFee().toPlainString(), owner, counterObligation,
                    debtorInMainland, e.basis().name(), e.rate() == null ? "" : e.rate().stripTrailingZeros().toPlainString(),
                    e.markup() == null ? "" : e.markup().stripTrailingZeros().toPlainString());
        }

        /** The form as typed, with the defaults of a sent form (no invoice ticked: none; the check's answers). */
        CaseForm sent() {
            return new CaseForm(customerCode, invoiceNos == null ? List.of() : invoiceNos, kind, procedure, court, caseNo, lawyer, principal, interest,
                    penalty, costs, owner, Boolean.TRUE.equals(counterObligation), debtorInMainland == null ? "" : debtorInMainland, interestBasis,
                    interestRate, interestMarkup);
        }
    }

    private final LegalCases cases;
    private final PaymentOrderCheck check;
    private final ClaimEstimates estimates;
    private final UserDirectory users;
    private final MessageSource messages;

    LegalCasePages(LegalCases cases, PaymentOrderCheck check, ClaimEstimates estimates, UserDirectory users, MessageSource messages) {
        this.estimates = estimates;
        this.cases = cases;
        this.check = check;
        this.users = users;
        this.messages = messages;
    }

    @GetMapping("/legal/cases")
    String list(@RequestParam(required = false) String customer, @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "0") int page, Model model, Locale locale) {
        FormErrors errors = new FormErrors(messages, locale);
        try {
            model.addAttribute("result", cases.list(customer, status, page, 100));
        } catch (ValidationException e) {
            errors.addAll(e);
            model.addAttribute("result", cases.list(customer, null, page, 100));
        }
        model.addAttribute("customer", customer == null ? "" : customer);
        model.addAttribute("status", status == null ? "" : status.trim().toUpperCase(Locale.ROOT));
        model.addAttribute("filterErrors", errors);
        model.addAttribute("today", cases.today());
        model.addAttribute("mayWrite", mayWrite());
        return "legal/cases";
    }

    @GetMapping("/legal/cases/new")
    String form(@RequestParam(required = false) String customer, @ModelAttribute CaseForm typed, Model model, Locale locale) {
        LegalCaseRules.requireWriteForPages();
        String code = customer != null ? customer : typed.customerCode();
        boolean firstOpen = typed.kind() == null;
        List<OpenInvoice> open = code == null || code.isBlank() ? List.of() : invoices(code);
        LocalDate today = cases.today();
        List<String> chosen = firstOpen || typed.invoiceNos() == null
                ? open.stream().filter(i -> i.dueDate().isBefore(today)).map(OpenInvoice::invoiceNo).toList() : typed.invoiceNos();
        CaseForm form = new CaseForm(code == null ? "" : code, chosen, firstOpen ? "LAWSUIT" : typed.kind(), typed.procedure(), typed.court(),
                typed.caseNo(), typed.lawyer(), typed.principal(), typed.interest(), typed.penalty(), typed.costs(),
                typed.owner() == null ? CurrentUser.get().username() : typed.owner(), Boolean.TRUE.equals(typed.counterObligation()),
                typed.debtorInMainland() == null ? "" : typed.debtorInMainland(), typed.interestBasis(), typed.interestRate(), typed.interestMarkup());
        return page(form, open, FormErrors.none(), model, locale);
    }

    /** The form sent back to answer the 支付令 check for the invoices and answers as ticked (nothing is saved). */
    @PostMapping("/legal/cases/new")
    String checkPaymentOrder(@ModelAttribute CaseForm typed, Model model, Locale locale) {
        LegalCaseRules.requireWriteForPages();
        List<OpenInvoice> open = typed.customerCode() == null || typed.customerCode().isBlank() ? List.of() : invoices(typed.customerCode());
        model.addAttribute("checkAsked", true);
        return page(typed.sent(), open, FormErrors.none(), model, locale);
    }

    /**
     * The form sent back with the claim computed from the calculators for the ticked invoices as of today (principal,
     * interest, court fee), its breakdown shown; the user may still edit the figures. Nothing is saved.
     */
    @PostMapping("/legal/cases/new/claim")
    String computeClaim(@ModelAttribute CaseForm typed, Model model, Locale locale) {
        LegalCaseRules.requireWriteForPages();
        CaseForm form = typed.sent();
        List<OpenInvoice> open = form.customerCode() == null || form.customerCode().isBlank() ? List.of() : invoices(form.customerCode());
        FormErrors errors = new FormErrors(messages, locale);
        try {
            ClaimEstimates.Estimate e = estimates.estimate(CalculatorParams.claim(form.customerCode(), String.join(",", form.invoiceNos()),
                    form.kind(), "LAWSUIT".equalsIgnoreCase(form.kind()) ? form.procedure() : null, null,
                    blankToNull(form.interestBasis()), blankToNull(form.interestRate()), blankToNull(form.interestMarkup())));
            model.addAttribute("estimate", e);
            form = form.withClaim(e);
        } catch (ValidationException e) {
            errors.addAll(e);
        }
        return page(form, open, errors, model, locale);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    @PostMapping("/legal/cases")
    String create(@ModelAttribute CaseForm form, Model model, Locale locale, RedirectAttributes redirect) {
        FormErrors errors = new FormErrors(messages, locale);
        BigDecimal principal = errors.amount("principal", form.principal(), false);
        BigDecimal interest = errors.amount("interest", form.interest(), false);
        BigDecimal penalty = errors.amount("penalty", form.penalty(), false);
        BigDecimal costs = errors.amount("costs", form.costs(), false);
        LegalCaseKind kind = null;
        LawsuitProcedure procedure = null;
        try {
            kind = LegalCaseRules.parse(LegalCaseKind.class, "kind", form.kind());
            procedure = kind == LegalCaseKind.LAWSUIT ? LegalCaseRules.parse(LawsuitProcedure.class, "procedure", form.procedure()) : null;
        } catch (ValidationException e) {
            errors.addAll(e);
        }
        if (!errors.any()) {
            try {
                LegalCase c = cases.open(new LegalCases.NewCase(form.customerCode(), form.invoiceNos() == null ? List.of() : form.invoiceNos(), kind,
                        procedure, form.court(), form.caseNo(), form.lawyer(), principal, interest, penalty, costs, form.owner(),
                        Boolean.TRUE.equals(form.counterObligation()),
                        mainland(form.debtorInMainland())), method(form));
                redirect.addFlashAttribute("flash", messages.getMessage("legal.case.opened", new Object[] {c.id()}, locale));
                return "redirect:/legal/cases/" + c.id();
            } catch (ValidationException e) {
                errors.addAll(e);
            }
        }
        List<OpenInvoice> open = form.customerCode() == null || form.customerCode().isBlank() ? List.of() : invoices(form.customerCode());
        return page(form, open, errors, model, locale);
    }

    /** The interest method of a form whose claim was computed (a basis is set), else null: the figures are as entered. */
    private static LegalCases.InterestMethod method(CaseForm form) {
        if (form.interestBasis() == null || form.interestBasis().isBlank()) {
            return null;
        }
        ClaimEstimates.Request r = CalculatorParams.claim(form.customerCode(), null, form.kind(), null, null, form.interestBasis(),
                blankToNull(form.interestRate()), blankToNull(form.interestMarkup()));
        return new LegalCases.InterestMethod(r.basis(), r.rate(), r.markup(), null);
    }

    private List<OpenInvoice> invoices(String code) {
        try {
            return cases.openInvoices(code.trim());
        } catch (NotFoundException e) {
            return List.of();
        }
    }

    private String page(CaseForm form, List<OpenInvoice> open, FormErrors errors, Model model, Locale locale) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("openInvoices", open);
        model.addAttribute("today", cases.today());
        model.addAttribute("kinds", LegalCaseKind.values());
        model.addAttribute("procedures", LawsuitProcedure.values());
        model.addAttribute("bases", io.huikuan.legal.InterestBasis.values());
        model.addAttribute("owners", users.all().stream().filter(UserAccount::enabled).filter(u -> u.roles().contains(Role.LEGAL))
                .map(UserAccount::username).toList());
        PaymentOrderCheck.Result result = null;
        FormErrors checkErrors = new FormErrors(messages, locale);
        if (("PAYMENT_ORDER".equals(form.kind()) || model.containsAttribute("checkAsked")) && !open.isEmpty()) {
            try {
                result = check.check(form.customerCode(), form.invoiceNos(), Boolean.TRUE.equals(form.counterObligation()),
                        mainland(form.debtorInMainland()));
            } catch (ValidationException e) {
                checkErrors.addAll(e);
            }
        }
        model.addAttribute("check", result);
        model.addAttribute("checkErrors", checkErrors);
        return "legal/case-new";
    }

    private static Boolean mainland(String value) {
        return value == null || value.isBlank() ? null : Boolean.valueOf(value);
    }

    @GetMapping("/legal/hearings")
    String hearings(@RequestParam(required = false) String from, Model model, Locale locale) {
        FormErrors errors = new FormErrors(messages, locale);
        LocalDate date = errors.date("from", from, false);
        model.addAttribute("hearings", cases.hearings(date));
        model.addAttribute("from", date == null ? cases.today() : date);
        model.addAttribute("filterErrors", errors);
        return "legal/hearings";
    }

    static boolean mayWrite() {
        CurrentUser me = CurrentUser.get();
        return me.isManager() || me.has(Role.LEGAL);
    }

    static List<CaseOutcome> outcomes() {
        return List.of(CaseOutcome.values());
    }
}
