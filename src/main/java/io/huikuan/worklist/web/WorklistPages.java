package io.huikuan.worklist.web;

import io.huikuan.common.ConflictException;
import io.huikuan.common.Page;
import io.huikuan.common.ValidationException;
import io.huikuan.common.web.FormErrors;
import io.huikuan.common.web.ListLinks;
import io.huikuan.customer.Contact;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import io.huikuan.identity.UserAccount;
import io.huikuan.identity.UserDirectory;
import io.huikuan.ledger.InvoiceExpiries;
import io.huikuan.worklist.Activities;
import io.huikuan.worklist.Channel;
import io.huikuan.worklist.NewActivity;
import io.huikuan.worklist.Task;
import io.huikuan.worklist.TaskKind;
import io.huikuan.worklist.Targets;
import io.huikuan.worklist.Tasks;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The worklist page (today's tasks ranked, filters, paging, reassignment for managers), a task's page with
 * what the call needs ({@link CallSheet}: contacts, open invoices, promises), the log-activity and snooze forms, and the script suggestions fragment the forms refresh with htmx. The
 * customer page's collection panel is {@link CustomerCollectionPages}.
 */
@Controller
class WorklistPages {

    /** The list filter as typed. */
    record FilterForm(String date, String owner, String channel, String kind, String segment, String customer, String minAmount,
            String limitation) {
    }

    private final Tasks tasks;
    private final Targets targets;
    private final Activities activities;
    private final ActivityFormModel formModel;
    private final CallSheet callSheet;
    private final UserDirectory users;
    private final MessageSource messages;
    private final Clock clock;
    private final ObjectProvider<InvoiceExpiries> expiries;

    WorklistPages(Tasks tasks, Targets targets, Activities activities, ActivityFormModel formModel, CallSheet callSheet, UserDirectory users,
            MessageSource messages, Clock clock, ObjectProvider<InvoiceExpiries> expiries) {
        this.expiries = expiries;
        this.tasks = tasks;
        this.targets = targets;
        this.activities = activities;
        this.formModel = formModel;
        this.callSheet = callSheet;
        this.users = users;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/worklist")
    String list(@ModelAttribute("f") FilterForm f, @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
            Model model, Locale locale) {
        FormErrors filterErrors = new FormErrors(messages, locale);
        LocalDate date = filterErrors.date("date", f.date(), false);
        BigDecimal minAmount = filterErrors.amount("minAmount", f.minAmount(), false);
        Channel channel = null;
        TaskKind kind = null;
        InvoiceExpiries.Filter limitation = null;
        InvoiceExpiries clocks = expiries.getIfAvailable();
        try {
            channel = WorklistApi.parse(Channel.class, "channel", f.channel());
            kind = WorklistApi.parse(TaskKind.class, "kind", f.kind());
            limitation = clocks == null ? null : InvoiceExpiries.Filter.parse(f.limitation());
        } catch (ValidationException e) {
            filterErrors.addAll(e);
        }
        int pageSize = Math.clamp(size, 5, 200);
        Page<Task> result = tasks.list(new Tasks.Query(date, f.owner(), channel, kind, f.segment(), f.customer(), minAmount, Math.max(page, 0),
                pageSize, limitation));
        if (result.beyondEnd()) {
            // a page after the last: show the last
            result = tasks.list(new Tasks.Query(date, f.owner(), channel, kind, f.segment(), f.customer(), minAmount, result.lastPage(), pageSize,
                    limitation));
        }
        LocalDate asOf = date == null ? tasks.today() : date;
        // the limitation column: per task the customer's open invoice whose period ends first, one query for the page
        model.addAttribute("limits", clocks == null || result.items().isEmpty() ? java.util.Map.of()
                : clocks.earliestOfCustomers(result.items().stream().map(Task::customerCode).toList(), asOf));
        model.addAttribute("showLimitation", clocks != null);
        TaskTexts texts = new TaskTexts(messages);
        ListLinks links = new ListLinks("/worklist", null, false).filter("date", f.date()).filter("owner", f.owner())
                .filter("channel", f.channel()).filter("kind", f.kind()).filter("segment", f.segment()).filter("customer", f.customer())
                .filter("minAmount", f.minAmount()).filter("limitation", f.limitation());
        if (pageSize != 50) {
            links.filter("size", pageSize);
        }
        model.addAttribute("result", result);
        model.addAttribute("rows", result.items().stream().map(t -> texts.row(t, locale)).toList());
        model.addAttribute("links", links);
        model.addAttribute("back", links.page(result.page()));
        model.addAttribute("filterErrors", filterErrors);
        model.addAttribute("shownDate", date == null ? tasks.today() : date);
        model.addAttribute("channels", Channel.values());
        model.addAttribute("kinds", TaskKind.values());
        model.addAttribute("mayReassign", CurrentUser.get().isManager());
        model.addAttribute("showProgress", CurrentUser.get().has(Role.COLLECTOR));
        model.addAttribute("assignees", CurrentUser.get().isManager()
                ? users.all().stream().filter(UserAccount::enabled).map(UserAccount::username).toList() : List.of());
        return "worklist/worklist";
    }

    @GetMapping("/worklist/tasks/{id}")
    String task(@PathVariable long id, @RequestParam(required = false) String back, Model model, Locale locale) {
        Task t = tasks.get(id);
        return renderTask(t, firstForm(t), FormErrors.none(), null, null, FormErrors.none(), back, model, locale);
    }

    /** A task's form as it opens: the customer's main contact chosen (the one the call is for, whom the scripts address). */
    private ActivityForm firstForm(Task t) {
        Contact main = CallFacts.mainContact(activities.contacts(t.customerCode()));
        return ActivityForm.empty(t.taskId(), t.channel().name()).withContact(main == null ? null : main.id());
    }

    /** The log-activity form of one task, loaded into the worklist row when it is opened. */
    @GetMapping("/worklist/tasks/{id}/form")
    String taskForm(@PathVariable long id, @RequestParam(required = false) String back, Model model) {
        Task t = tasks.get(id);
        formModel.add(model, t.customerCode(), t, firstForm(t), FormErrors.none(), safeBack(back), false);
        model.addAttribute("action", "/worklist/tasks/" + id + "/activity");
        return "worklist/worklist-fragments :: logForm";
    }

    @PostMapping("/worklist/tasks/{id}/activity")
    String logActivity(@PathVariable long id, @ModelAttribute ActivityForm form, Model model, Locale locale, RedirectAttributes redirect) {
        Task t = tasks.get(id);
        FormErrors errors = new FormErrors(messages, locale);
        ActivityForm withTask = new ActivityForm(String.valueOf(id), form.contactId(), form.channel(), form.occurredAt(), form.appointmentAt(),
                form.outcome(), form.excuse(), form.notes(), form.nextFollowUp(), form.promiseAmount(), form.promiseDate(),
                form.overrideReason(), form.followUpChannel(), form.back(), form.direction(), form.script());
        if (save(withTask, t.customerCode(), errors)) {
            redirect.addFlashAttribute("flash", messages.getMessage("activity.saved", null, locale));
            return "redirect:" + safeBack(form.back());
        }
        return renderTask(t, withTask, errors, null, null, FormErrors.none(), form.back(), model, locale);
    }

    @PostMapping("/worklist/tasks/{id}/snooze")
    String snooze(@PathVariable long id, @RequestParam(required = false) String until, @RequestParam(required = false) String reason,
            @RequestParam(required = false) String back, Model model, Locale locale, RedirectAttributes redirect) {
        Task t = tasks.get(id);
        FormErrors errors = new FormErrors(messages, locale);
        LocalDate date = errors.date("until", until, true);
        if (!errors.any()) {
            try {
                tasks.snooze(id, date, reason);
                redirect.addFlashAttribute("flash", messages.getMessage("worklist.snoozed", new Object[] {until}, locale));
                return "redirect:" + safeBack(back);
            } catch (ValidationException e) {
                errors.addAll(e);
            } catch (ConflictException e) {
                errors.add(e.field(), e.getMessage());
            }
        }
        return renderTask(t, ActivityForm.empty(id, t.channel().name()), FormErrors.none(), until, reason, errors, back, model, locale);
    }

    @PostMapping("/worklist/reassign")
    String reassign(@RequestParam(required = false) List<Long> taskIds, @RequestParam(required = false) String assignee,
            @RequestParam(required = false) String back, Locale locale, RedirectAttributes redirect) {
        try {
            int n = tasks.reassign(taskIds, assignee);
            redirect.addFlashAttribute("flash", messages.getMessage("worklist.reassigned", new Object[] {n, assignee}, locale));
        } catch (ValidationException e) {
            FormErrors errors = new FormErrors(messages, locale).addAll(e);
            redirect.addFlashAttribute("flashError", String.join("; ", errors.all()));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flashError", e.getMessage());
        }
        return "redirect:" + safeBack(back);
    }

    /** The collector's month against the target, loaded into the worklist page with htmx (the list itself stays one query). */
    @GetMapping("/worklist/progress")
    String progress(Model model) {
        CurrentUser me = CurrentUser.get();
        model.addAttribute("progress", targets.progress(me.username(), YearMonth.from(tasks.today())));
        return "worklist/worklist-fragments :: progressBox";
    }

    /** Suggested scripts for the excuse and the contact's personality type chosen in a form (an htmx fragment). */
    @GetMapping("/worklist/scripts")
    String scripts(@RequestParam(required = false) String customerCode, @RequestParam(required = false) String contactId,
            @RequestParam(required = false) String excuse, @RequestParam(required = false) String taskId, Model model) {
        formModel.addScripts(model, customerCode, contactId, excuse, taskId);
        return "worklist/worklist-fragments :: scripts";
    }

    /** Logs the activity; false with the errors filled when it was refused. */
    boolean save(ActivityForm form, String customerCode, FormErrors errors) {
        NewActivity.Draft draft = form.draft(customerCode, errors);
        if (errors.any()) {
            return false;
        }
        try {
            activities.log(NewActivity.parse(draft, clock.getZone()));
            return true;
        } catch (ValidationException e) {
            errors.addAll(e);
        } catch (ConflictException e) {
            errors.add(e.field(), e.getMessage());
        }
        return false;
    }

    private String renderTask(Task t, ActivityForm form, FormErrors errors, String until, String reason, FormErrors snoozeErrors, String back,
            Model model, Locale locale) {
        String target = safeBack(back);
        model.addAttribute("row", new TaskTexts(messages).row(t, locale));
        formModel.add(model, t.customerCode(), t, form, errors, target, false);
        model.addAttribute("action", "/worklist/tasks/" + t.taskId() + "/activity");
        model.addAttribute("until", until);
        CurrentUser me = CurrentUser.get();
        // a demand letter (催款函) is issued by managers and legal (the letters' rule); others are told whom to ask
        model.addAttribute("mayIssueDemand", me.has(Role.MANAGER) || me.has(Role.LEGAL) || me.has(Role.ADMIN));
        model.addAttribute("snoozeReason", reason);
        model.addAttribute("snoozeErrors", snoozeErrors);
        model.addAttribute("minUntil", tasks.today().plusDays(1));
        model.addAttribute("maxUntil", tasks.today().plusDays(30));
        model.addAttribute("recent", activities.forCustomer(t.customerCode(), 5));
        callSheet.add(model, t.customerCode(), activities.contacts(t.customerCode()));
        return "worklist/worklist-task";
    }

    /** Only a path of this application (never another site). */
    static String safeBack(String back) {
        return io.huikuan.common.web.BackLinks.within(back, "/", "/worklist");
    }
}
