package io.huikuan.worklist.web;

import io.huikuan.common.NotFoundException;
import io.huikuan.common.web.FormErrors;
import io.huikuan.customer.Contact;
import io.huikuan.customer.CustomerService;
import io.huikuan.customer.PersonalityType;
import io.huikuan.identity.CurrentUser;
import io.huikuan.worklist.Activities;
import io.huikuan.worklist.Channel;
import io.huikuan.worklist.Excuse;
import io.huikuan.worklist.Outcome;
import io.huikuan.worklist.Script;
import io.huikuan.worklist.ScriptLibrary;
import io.huikuan.worklist.ScriptStage;
import io.huikuan.worklist.Task;
import io.huikuan.worklist.Tasks;
import java.util.List;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the log-activity form needs: choices, the customer's contacts with personality types, suggested scripts for the
 * stage of the collection (the task's, else the customer's oldest overdue invoice's), the excuse and the contact's
 * personality, with every placeholder filled for this customer and contact.
 */
@Component
class ActivityFormModel {

    static final int SUGGESTIONS = 3;

    /** A suggested script as the form shows it: title and text in the user's language, placeholders filled. */
    record Suggestion(String code, String title, String text, Script script) {
    }

    private final Activities activities;
    private final Tasks tasks;
    private final ScriptLibrary library;
    private final CustomerService customers;
    private final CallFacts facts;

    ActivityFormModel(Activities activities, Tasks tasks, ScriptLibrary library, CustomerService customers, CallFacts facts) {
        this.activities = activities;
        this.tasks = tasks;
        this.library = library;
        this.customers = customers;
        this.facts = facts;
    }

    void add(Model model, String customerCode, Task task, ActivityForm form, FormErrors errors, String back, boolean chooseTask) {
        List<Contact> contacts = activities.contacts(customerCode);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("back", back);
        model.addAttribute("customerCode", customerCode);
        model.addAttribute("contacts", contacts);
        model.addAttribute("task", task);
        model.addAttribute("chooseTask", chooseTask);
        model.addAttribute("channels", Channel.values());
        model.addAttribute("outcomes", Outcome.values());
        model.addAttribute("excuses", Excuse.values());
        model.addAttribute("scriptChoices", library.list(new ScriptLibrary.Filter(null, null, null, null, null, null)));
        model.addAttribute("mayOverride", CurrentUser.get().isManager());
        model.addAttribute("formId", task == null ? "log-" + customerCode.hashCode() : "log-" + task.taskId());
        addScripts(model, customerCode, form.contactId(), form.excuse(), task == null ? null : String.valueOf(task.taskId()), contacts);
    }

    void addScripts(Model model, String customerCode, String contactId, String excuse, String taskId) {
        addScripts(model, customerCode, contactId, excuse, taskId, customerCode == null ? List.of() : activities.contacts(customerCode));
    }

    private void addScripts(Model model, String customerCode, String contactId, String excuse, String taskId, List<Contact> contacts) {
        Excuse e = parse(Excuse.class, excuse);
        Contact spoken = contacts.stream().filter(c -> String.valueOf(c.id()).equals(contactId)).findFirst()
                .orElseGet(() -> CallFacts.mainContact(contacts));
        PersonalityType personality = spoken == null ? null : spoken.personalityType();
        Task task = null;
        if (taskId != null && !taskId.isBlank()) {
            try {
                task = tasks.get(Long.parseLong(taskId.trim()));
            } catch (NotFoundException | NumberFormatException ignored) {
                // no task: the stage comes from the ledger
            }
        }
        Locale locale = LocaleContextHolder.getLocale();
        boolean en = "en".equals(locale.getLanguage());
        CallFacts.Call call = customerCode == null || customerCode.isBlank() ? null
                : facts.of(customers.ref(customerCode), contacts, contactId, task, locale);
        ScriptStage stage = call != null ? call.stage() : task == null ? null : task.stage();
        model.addAttribute("scripts", library.suggest(e, personality, stage, SUGGESTIONS).stream()
                .map(s -> new Suggestion(s.code(), en ? s.titleEn() : s.titleZh(),
                        call == null ? (en ? s.textEn() : s.textZh()) : ScriptWords.fill(en ? s.textEn() : s.textZh(), call.facts()), s))
                .toList());
        model.addAttribute("scriptExcuse", e);
        model.addAttribute("scriptPersonality", personality);
        model.addAttribute("scriptStage", stage);
    }

    static <E extends Enum<E>> E parse(Class<E> type, String raw) {
        try {
            return raw == null || raw.isBlank() ? null : Enum.valueOf(type, raw.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
