package io.huikuan.strategy.web;

import io.huikuan.common.ConflictException;
import io.huikuan.common.ValidationException;
import io.huikuan.common.web.FormErrors;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import io.huikuan.strategy.CollectionRun;
import io.huikuan.strategy.CollectionRuns;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The daily collection run in the UI: "run now" for an as-of date (managers), the list of runs with
 * their summaries and one run's detail (tasks by step, segment and kind, pauses, cancellations,
 * duration). A run refused because another holds the lock says where it is running.
 */
@Controller
class CollectionRunPages {

    static final int LIST_LIMIT = 50;
    private static final Pattern HOLDER = Pattern.compile("\\(on (.*?)\\)");

    private final CollectionRuns runs;
    private final MessageSource messages;
    private final Clock clock;

    CollectionRunPages(CollectionRuns runs, MessageSource messages, Clock clock) {
        this.runs = runs;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/collection-runs")
    String list(Model model) {
        return page(model, LocalDate.now(clock).toString(), FormErrors.none());
    }

    @PostMapping("/collection-runs")
    String run(@RequestParam(required = false) String asOf, Model model, Locale locale, RedirectAttributes redirect) {
        CurrentUser.require("start the collection run", Role.MANAGER);
        FormErrors errors = new FormErrors(messages, locale);
        LocalDate date = errors.date("asOf", asOf, true);
        if (!errors.any()) {
            try {
                CollectionRun run = runs.run(date, "UI");
                redirect.addFlashAttribute("flash", messages.getMessage("runs.done", new Object[] {run.runId(), run.tasksCreated()}, locale));
                return "redirect:/collection-runs/" + run.runId();
            } catch (ValidationException e) {
                errors.addAll(e);
            } catch (ConflictException e) {
                Matcher m = HOLDER.matcher(String.valueOf(e.getMessage()));
                errors.add("asOf", messages.getMessage("runs.inProgress", new Object[] {m.find() ? m.group(1) : "?"}, locale));
            }
        }
        return page(model, asOf, errors);
    }

    @GetMapping("/collection-runs/{id}")
    String show(@PathVariable long id, Model model) {
        model.addAttribute("run", runs.get(id));
        return "strategy/run";
    }

    private String page(Model model, String asOf, FormErrors errors) {
        model.addAttribute("runs", runs.list(LIST_LIMIT));
        model.addAttribute("asOf", asOf);
        model.addAttribute("errors", errors);
        model.addAttribute("mayRun", CurrentUser.get().isManager());
        return "strategy/runs";
    }
}
