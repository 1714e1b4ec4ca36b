package io.huikuan.correspondence.web;

import io.huikuan.common.ValidationException;
import io.huikuan.common.web.FormErrors;
import io.huikuan.correspondence.StepDispatcher;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The approval queue (/approvals): strategy-step messages and letters waiting for a manager, with preview and approve. */
@Controller
class StepMessagePages {

    private final StepDispatcher dispatcher;
    private final MessageSource messages;

    StepMessagePages(StepDispatcher dispatcher, MessageSource messages) {
        this.dispatcher = dispatcher;
        this.messages = messages;
    }

    @GetMapping("/approvals")
    String page(Model model) {
        model.addAttribute("tasks", dispatcher.awaitingApproval());
        return "correspondence/approvals";
    }

    @PostMapping("/approvals/{taskId}")
    String approve(@PathVariable long taskId, Locale locale, RedirectAttributes redirect) {
        try {
            var t = dispatcher.approve(taskId);
            redirect.addFlashAttribute("flash", messages.getMessage("approvals.approved",
                    new Object[] {t.customerCode(), t.dispatchNote() == null ? "" : t.dispatchNote()}, locale));
        } catch (ValidationException e) {
            redirect.addFlashAttribute("flashError", String.join("; ", new FormErrors(messages, locale).addAll(e).all()));
        }
        return "redirect:/approvals";
    }
}
