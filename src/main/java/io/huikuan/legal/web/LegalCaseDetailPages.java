package io.huikuan.legal.web;

import io.huikuan.common.ConflictException;
import io.huikuan.common.ValidationException;
import io.huikuan.common.web.FormErrors;
import io.huikuan.identity.CurrentUser;
import io.huikuan.legal.AttachmentCategory;
import io.huikuan.legal.Attachments;
import io.huikuan.legal.CaseOutcome;
import io.huikuan.legal.ClaimEstimates;
import io.huikuan.legal.EvidencePacks;
import io.huikuan.legal.internal.AttachmentFiles;
import io.huikuan.legal.CaseStage;
import io.huikuan.legal.LegalCase;
import io.huikuan.legal.LegalCaseMoney;
import io.huikuan.legal.LegalCaseRules;
import io.huikuan.legal.LegalCaseStages;
import io.huikuan.legal.LegalCases;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The case page: claim vs recovered vs costs, invoices, the stages as a timeline, the deadlines with days left and their
 * tasks, hearings, costs and recoveries, and for legal and managers the forms that record a stage, a cost, a recovery and
 * close the case. A form with errors comes back with them beside its fields; the others keep their empty state.
 */
@Controller
class LegalCaseDetailPages {

    record StageForm(String stage, String date, String time, String place, String servedOn, String performBy, String note) {

        static StageForm empty() {
            return new StageForm("", "", "", "", "", "", "");
        }
    }

    record MoneyForm(String category, String date, String amount, String note) {

        static MoneyForm empty() {
            return new MoneyForm("", "", "", "");
        }
    }

    record CloseForm(String date, String outcome, String note) {

        static CloseForm empty() {
            return new CloseForm("", "", "");
        }
    }

    private final LegalCases cases;
    private final LegalCaseStages stages;
    private final LegalCaseMoney money;
    private final Attachments attachments;
    private final MessageSource messages;

    LegalCaseDetailPages(LegalCases cases, LegalCaseStages stages, LegalCaseMoney money, Attachments attachments, MessageSource messages) {
        this.attachments = attachments;
        this.cases = cases;
        this.stages = stages;
        this.money = money;
        this.messages = messages;
    }

    @GetMapping("/legal/cases/{id}")
    String show(@PathVariable long id, Model model) {
        return page(cases.get(id), model);
    }

    @PostMapping("/legal/cases/{id}/stages")
    String stage(@PathVariable long id, @ModelAttribute("stageForm") StageForm form, Model model, Locale locale, RedirectAttributes redirect) {
        FormErrors errors = new FormErrors(messages, locale);
        LocalDate date = errors.date("date", form.date(), true);
        LocalDate servedOn = errors.date("servedOn", form.servedOn(), false);
        LocalDate performBy = errors.date("performBy", form.performBy(), false);
        return act(id, errors, "stageErrors", model, locale, redirect, () -> stages.add(id, new LegalCaseStages.NewStage(
                LegalCaseRules.parse(CaseStage.class, "stage", form.stage()), date, form.time(), form.place(), servedOn, performBy, form.note())));
    }

    @PostMapping("/legal/cases/{id}/costs")
    String cost(@PathVariable long id, @ModelAttribute("costForm") MoneyForm form, Model model, Locale locale, RedirectAttributes redirect) {
        FormErrors errors = new FormErrors(messages, locale);
        LocalDate date = errors.date("date", form.date(), true);
        BigDecimal amount = errors.amount("amount", form.amount(), true);
        return act(id, errors, "costErrors", model, locale, redirect, () -> money.addCost(id, new LegalCaseMoney.Entry(
                LegalCaseRules.parse(LegalCaseMoney.CostCategory.class, "category", form.category()), date, amount, form.note())));
    }

    @PostMapping("/legal/cases/{id}/recoveries")
    String recovery(@PathVariable long id, @ModelAttribute("recoveryForm") MoneyForm form, Model model, Locale locale, RedirectAttributes redirect) {
        FormErrors errors = new FormErrors(messages, locale);
        LocalDate date = errors.date("date", form.date(), true);
        BigDecimal amount = errors.amount("amount", form.amount(), true);
        return act(id, errors, "recoveryErrors", model, locale, redirect, () -> money.addRecovery(id, new LegalCaseMoney.Entry(null, date, amount,
                form.note())));
    }

    @PostMapping("/legal/cases/{id}/close")
    String close(@PathVariable long id, @ModelAttribute("closeForm") CloseForm form, Model model, Locale locale, RedirectAttributes redirect) {
        FormErrors errors = new FormErrors(messages, locale);
        LocalDate date = errors.date("date", form.date(), true);
        return act(id, errors, "closeErrors", model, locale, redirect, () -> stages.close(id, new LegalCaseStages.Closing(date,
                LegalCaseRules.parse(CaseOutcome.class, "outcome", form.outcome()), form.note())));
    }

    /** Runs a change unless the form already has errors; redirects with a flash, or shows the page with the form's errors. */
    private String act(long id, FormErrors errors, String errorsName, Model model, Locale locale, RedirectAttributes redirect,
            java.util.function.Supplier<LegalCase> change) {
        if (!errors.any()) {
            try {
                change.get();
                redirect.addFlashAttribute("flash", messages.getMessage("legal.case.saved", null, locale));
                return "redirect:/legal/cases/" + id;
            } catch (ValidationException e) {
                errors.addAll(e);
            } catch (ConflictException e) {
                errors.add(e.field() == null ? "" : e.field(), messages.getMessage("legal.case.conflict", null, locale));
            }
        }
        model.addAttribute(errorsName, errors);
        return page(cases.get(id), model);
    }

    private String page(LegalCase c, Model model) {
        model.addAttribute("c", c);
        model.addAttribute("today", cases.today());
        model.addAttribute("mayWrite", LegalCasePages.mayWrite() && c.open());
        model.addAttribute("stageChoices", Arrays.stream(CaseStage.values()).filter(s -> s != CaseStage.CLOSED).toList());
        model.addAttribute("costCategories", LegalCaseMoney.CostCategory.values());
        model.addAttribute("outcomes", CaseOutcome.values());
        model.addAttribute("hearings", c.stages().stream().filter(s -> s.stage() == CaseStage.HEARING).toList());
        claim(c, model);
        CurrentUser me = CurrentUser.get();
        model.addAttribute("caseDocuments", attachments.forCustomer(c.customerCode()).stream()
                .filter(a -> "CASE".equals(a.ownerKind()) && String.valueOf(c.id()).equals(a.ownerId())).toList());
        model.addAttribute("mayUploadDocs", Attachments.mayUpload(me) && !me.portfolioOnly());
        model.addAttribute("mayPack", EvidencePacks.mayMake(me));
        model.addAttribute("docCategories", List.of(AttachmentCategory.JUDGMENT, AttachmentCategory.OTHER, AttachmentCategory.CONTRACT,
                AttachmentCategory.INVOICE, AttachmentCategory.DELIVERY, AttachmentCategory.ACCEPTANCE, AttachmentCategory.COURIER_RECEIPT,
                AttachmentCategory.SIGNED_CONFIRMATION, AttachmentCategory.BANK_RECEIPT));
        model.addAttribute("accept", "." + AttachmentFiles.ALLOWED.replace(", ", ",."));
        for (String name : List.of("stageErrors", "costErrors", "recoveryErrors", "closeErrors")) {
            if (!model.containsAttribute(name)) {
                model.addAttribute(name, FormErrors.none());
            }
        }
        if (!model.containsAttribute("stageForm")) {
            model.addAttribute("stageForm", StageForm.empty());
        }
        if (!model.containsAttribute("costForm")) {
            model.addAttribute("costForm", MoneyForm.empty());
        }
        if (!model.containsAttribute("recoveryForm")) {
            model.addAttribute("recoveryForm", MoneyForm.empty());
        }
        if (!model.containsAttribute("closeForm")) {
            model.addAttribute("closeForm", CloseForm.empty());
        }
        return "legal/case";
    }

    /** How the interest was computed, as kept when the case was opened (nothing when it was entered by hand). */
    private void claim(LegalCase c, Model model) {
        LegalCase.InterestComputation m = c.interestMethod();
        if (m == null) {
            return;
        }
        BigDecimal principal = m.lines().stream().map(io.huikuan.legal.internal.InvoiceInterest.Line::open).reduce(BigDecimal.ZERO.setScale(2),
                BigDecimal::add);
        BigDecimal interest = m.lines().stream().map(io.huikuan.legal.internal.InvoiceInterest.Line::interest)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        model.addAttribute("claimEstimate", new ClaimEstimates.Estimate(c.customerCode(), m.asOf(), c.kind(), c.procedure(), null, m.basis(),
                m.rate(), m.markup(), principal, interest, m.lines(), m.courtFee() == null ? null : ClaimEstimates.courtProcedure(c.kind(),
                c.procedure()), m.courtFee(), m.courtFeeNote(), principal.add(interest).add(m.courtFee() == null ? BigDecimal.ZERO : m.courtFee())));
    }
}
