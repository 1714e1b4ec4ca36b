package io.huikuan.correspondence.web;

import io.huikuan.common.ValidationException;
import io.huikuan.common.web.FormErrors;
import io.huikuan.correspondence.Approvals;
import io.huikuan.correspondence.MessageEdit;
import io.huikuan.worklist.StepTask;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The approval queue (/approvals) and each step's approval page (/approvals/{id}): the message as the recipient will
 * see it (a letter as PDF), the recipient, the customer and the invoices; approve, edit then approve, reject with a
 * reason; approve the selected or all. The flash says in words what happened.
 */
@Controller
class StepMessagePages {

    private final Approvals approvals;
    private final MessageSource messages;

    StepMessagePages(Approvals approvals, MessageSource messages) {
        this.approvals = approvals;
        this.messages = messages;
    }

    @GetMapping("/approvals")
    String page(Model model) {
        model.addAttribute("tasks", approvals.waiting());
        model.addAttribute("notConfigured", approvals.notConfigured());
        return "correspondence/approvals";
    }

    @GetMapping("/approvals/{taskId}")
    String preview(@PathVariable long taskId, Model model, Locale locale) {
        return show(taskId, null, null, null, FormErrors.none(), model, locale);
    }

    @GetMapping("/approvals/{taskId}/letter.pdf")
    ResponseEntity<byte[]> letter(@PathVariable long taskId) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename("letter-preview-" + taskId + ".pdf").build().toString())
                .body(approvals.letterPdf(taskId));
    }

    @PostMapping("/approvals/{taskId}")
    String approve(@PathVariable long taskId, Locale locale, RedirectAttributes redirect) {
        ApprovalTexts texts = new ApprovalTexts(messages, locale);
        try {
            flash(redirect, texts.approved(approvals.approve(taskId, null), approvals.notConfigured()));
        } catch (ValidationException e) {
            redirect.addFlashAttribute("flashError", String.join("; ", labelled(new FormErrors(messages, locale).addAll(e), locale).all()));
        }
        return "redirect:/approvals";
    }

    @PostMapping("/approvals/{taskId}/edit")
    String editThenApprove(@PathVariable long taskId, @RequestParam(required = false) String subject, @RequestParam(required = false) String text,
            Locale locale, Model model, RedirectAttributes redirect) {
        ApprovalTexts texts = new ApprovalTexts(messages, locale);
        try {
            flash(redirect, texts.approved(approvals.approve(taskId, new MessageEdit(subject, text)), approvals.notConfigured()));
            return "redirect:/approvals";
        } catch (ValidationException e) {
            FormErrors errors = new FormErrors(messages, locale).addAll(e);
            return show(taskId, subject, text, null, labelled(errors, locale), model, locale);
        }
    }

    @PostMapping("/approvals/{taskId}/reject")
    String reject(@PathVariable long taskId, @RequestParam(required = false) String reason, Locale locale, Model model,
            RedirectAttributes redirect) {
        try {
            StepTask t = approvals.reject(taskId, reason);
            flash(redirect, new ApprovalTexts(messages, locale).rejected(t, reason));
            return "redirect:/approvals";
        } catch (ValidationException e) {
            FormErrors errors = new FormErrors(messages, locale).addAll(e);
            return show(taskId, null, null, reason, labelled(errors, locale), model, locale);
        }
    }

    @PostMapping("/approvals/approve-selected")
    String approveSelected(@RequestParam(name = "ids", required = false) List<Long> ids, Locale locale, RedirectAttributes redirect) {
        if (ids == null || ids.isEmpty()) {
            redirect.addFlashAttribute("flashError", messages.getMessage("approvals.noneSelected", null, locale));
            return "redirect:/approvals";
        }
        flash(redirect, new ApprovalTexts(messages, locale).round(approvals.approveAll(ids), approvals.notConfigured()));
        return "redirect:/approvals";
    }

    @PostMapping("/approvals/approve-all")
    String approveAll(Locale locale, RedirectAttributes redirect) {
        List<Long> ids = approvals.waiting().stream().map(StepTask::taskId).toList();
        if (ids.isEmpty()) {
            redirect.addFlashAttribute("flashError", messages.getMessage("approvals.none", null, locale));
            return "redirect:/approvals";
        }
        flash(redirect, new ApprovalTexts(messages, locale).round(approvals.approveAll(ids), approvals.notConfigured()));
        return "redirect:/approvals";
    }

    private String show(long taskId, String subject, String text, String reason, FormErrors errors, Model model, Locale locale) {
        Approvals.View view = approvals.view(taskId);
        model.addAttribute("view", view);
        model.addAttribute("task", view.task());
        model.addAttribute("subject", subject != null ? subject : view.message() == null ? "" : view.message().subject());
        model.addAttribute("text", text != null ? text : view.message() == null ? "" : view.message().text());
        model.addAttribute("reason", reason == null ? "" : reason);
        model.addAttribute("errors", errors);
        ApprovalTexts texts = new ApprovalTexts(messages, locale);
        model.addAttribute("what", texts.what(view.task()));
        model.addAttribute("waitingChannel", view.letter() ? null : texts.waiting(view.task(), approvals.notConfigured()));
        return "correspondence/approval";
    }

    /** The field errors as sentences naming the field in the user's language (never its key), for the summary and the flash. */
    private FormErrors labelled(FormErrors errors, Locale locale) {
        FormErrors out = new FormErrors(messages, locale);
        for (String field : List.of("subject", "text", "reason", "taskId")) {
            if (errors.has(field)) {
                out.add("", messages.getMessage("approvals.fieldError", new Object[] {messages.getMessage("approvals.field." + field, null, locale),
                        errors.get(field)}, locale));
            }
        }
        return out;
    }

    private static void flash(RedirectAttributes redirect, ApprovalTexts.Flash f) {
        redirect.addFlashAttribute(f.ok() ? "flash" : "flashError", f.text());
    }
}
