package io.huikuan.worklist.web;

import io.huikuan.common.web.FormErrors;
import io.huikuan.customer.CustomerRef;
import io.huikuan.customer.CustomerService;
import io.huikuan.worklist.Activities;
import io.huikuan.worklist.Task;
import io.huikuan.worklist.Tasks;
import java.nio.charset.StandardCharsets;
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
import org.springframework.web.util.UriUtils;

/**
 * The collection panel of the customer page (loaded there with htmx): the next step (the open task with the
 * highest priority) with suggested scripts, the activities and the log-activity form. A refused form is shown
 * again with its errors on a page of its own.
 */
@Controller
class CustomerCollectionPages {

    private final CustomerService customers;
    private final Tasks tasks;
    private final Activities activities;
    private final ActivityFormModel formModel;
    private final WorklistPages worklist;
    private final MessageSource messages;

    CustomerCollectionPages(CustomerService customers, Tasks tasks, Activities activities, ActivityFormModel formModel, WorklistPages worklist,
            MessageSource messages) {
        this.customers = customers;
        this.tasks = tasks;
        this.activities = activities;
        this.formModel = formModel;
        this.worklist = worklist;
        this.messages = messages;
    }

    @GetMapping("/customers/{code}/collection")
    String panel(@PathVariable String code, Model model, Locale locale) {
        fill(code, null, FormErrors.none(), model, locale);
        return "worklist/worklist-fragments :: collection";
    }

    @PostMapping("/customers/{code}/activities")
    String log(@PathVariable String code, @ModelAttribute ActivityForm form, Model model, Locale locale, RedirectAttributes redirect) {
        customers.ref(code);
        FormErrors errors = new FormErrors(messages, locale);
        if (worklist.save(form, code, errors)) {
            redirect.addFlashAttribute("flash", messages.getMessage("activity.saved", null, locale));
            return "redirect:/customers/" + UriUtils.encodePathSegment(code, StandardCharsets.UTF_8) + "#collection";
        }
        fill(code, form, errors, model, locale);
        return "worklist/worklist-customer";
    }

    private void fill(String code, ActivityForm form, FormErrors errors, Model model, Locale locale) {
        CustomerRef ref = customers.ref(code);
        List<Task> open = tasks.openTasks(ref.id());
        TaskTexts texts = new TaskTexts(messages);
        Task next = open.isEmpty() ? null : open.getFirst();
        if (form == null) {
            Task mine = open.stream().filter(tasks::mayAct).findFirst().orElse(null);
            form = mine == null ? ActivityForm.empty(null, null) : ActivityForm.empty(mine.taskId(), mine.channel().name());
        }
        model.addAttribute("customer", ref);
        model.addAttribute("next", next == null ? null : texts.row(next, locale));
        model.addAttribute("openTasks", open.stream().filter(tasks::mayAct).map(t -> texts.row(t, locale)).toList());
        model.addAttribute("activities", activities.forCustomer(code, 50));
        formModel.add(model, code, next, form, errors, "/customers/" + UriUtils.encodePathSegment(code, StandardCharsets.UTF_8), true);
        model.addAttribute("action", "/customers/" + UriUtils.encodePathSegment(code, StandardCharsets.UTF_8) + "/activities");
    }
}
