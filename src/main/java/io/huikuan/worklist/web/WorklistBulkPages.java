package io.huikuan.worklist.web;

import io.huikuan.common.ConflictException;
import io.huikuan.common.ValidationException;
import io.huikuan.common.web.FieldLabels;
import io.huikuan.common.web.FormErrors;
import io.huikuan.worklist.BulkSnooze;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Snoozing the tasks selected on the worklist to one date (issue 12, item 12): all or nothing, then back to the list
 * with "已延后 5 项任务至 2026-12-10"; a refusal names the field in the user's language. Reassigning the selection is
 * {@code /worklist/reassign} (managers).
 */
@Controller
class WorklistBulkPages {

    private final BulkSnooze bulk;
    private final MessageSource messages;

    WorklistBulkPages(BulkSnooze bulk, MessageSource messages) {
        this.bulk = bulk;
        this.messages = messages;
    }

    @PostMapping("/worklist/bulk/snooze")
    String snooze(@RequestParam(required = false) List<Long> taskIds, @RequestParam(required = false) String until,
            @RequestParam(required = false) String reason, @RequestParam(required = false) String back, Locale locale,
            RedirectAttributes redirect) {
        FormErrors errors = new FormErrors(messages, locale);
        LocalDate date = errors.date("until", until, true);
        if (!errors.any()) {
            try {
                int n = bulk.snooze(taskIds, date, reason);
                redirect.addFlashAttribute("flash", messages.getMessage("bulk.snoozed", new Object[] {n, date.toString()}, locale));
            } catch (ValidationException e) {
                errors.addAll(e);
            } catch (ConflictException e) {
                errors.add("taskIds", messages.getMessage("bulk.tasksClosed", null, locale));
            }
        }
        if (errors.any()) {
            redirect.addFlashAttribute("flashError", FieldLabels.lines(errors, messages, locale, "bulk.field.", "taskIds", "until", "reason"));
        }
        return "redirect:" + WorklistPages.safeBack(back);
    }
}
