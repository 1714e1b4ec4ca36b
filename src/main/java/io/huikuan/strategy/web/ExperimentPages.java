package io.huikuan.strategy.web;

import io.huikuan.common.ValidationException;
import io.huikuan.common.web.FormErrors;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import io.huikuan.strategy.Experiment;
import io.huikuan.strategy.ExperimentResults;
import io.huikuan.strategy.Experiments;
import io.huikuan.strategy.Segments;
import io.huikuan.strategy.Strategies;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A segment's champion/challenger page ({@code /segments/{code}/experiment}, managers): start, compare, promote. */
@Controller
class ExperimentPages {

    private final Experiments experiments;
    private final ExperimentResults results;
    private final Segments segments;
    private final Strategies strategies;
    private final MessageSource messages;

    ExperimentPages(Experiments experiments, ExperimentResults results, Segments segments, Strategies strategies, MessageSource messages) {
        this.experiments = experiments;
        this.results = results;
        this.segments = segments;
        this.strategies = strategies;
        this.messages = messages;
    }

    @GetMapping("/segments/{code}/experiment")
    String page(@PathVariable String code, Model model) {
        CurrentUser.require("see experiments", Role.MANAGER);
        model.addAttribute("segment", segments.get(code));
        List<Experiment> all = experiments.of(code);
        Experiment active = all.stream().filter(Experiment::active).findFirst().orElse(null);
        model.addAttribute("active", active);
        model.addAttribute("comparison", active == null ? null : results.compare(active.id(), null));
        model.addAttribute("past", all.stream().filter(e -> !e.active()).map(e -> results.compare(e.id(), e.endedOn())).toList());
        model.addAttribute("strategies", strategies.list());
        return "strategy/experiment";
    }

    @PostMapping("/segments/{code}/experiment")
    String start(@PathVariable String code, @RequestParam(required = false) String challengerStrategy,
            @RequestParam(required = false) String challengerVersion, @RequestParam(required = false) String championVersion,
            @RequestParam(required = false) String challengerPercent, RedirectAttributes redirect, Locale locale) {
        try {
            Integer percent = null;
            if (challengerPercent != null && !challengerPercent.isBlank()) {
                try {
                    percent = Integer.valueOf(challengerPercent.strip());
                } catch (NumberFormatException e) {
                    throw ValidationException.coded("challengerPercent", challengerPercent, "integer", "a whole number from 1 to 50");
                }
            }
            experiments.start(code, challengerStrategy, number("challengerVersion", challengerVersion), number("championVersion", championVersion),
                    percent);
            redirect.addFlashAttribute("flash", messages.getMessage("experiment.started", null, locale));
        } catch (ValidationException e) {
            redirect.addFlashAttribute("flashError", new FormErrors(messages, locale).summary(e, "experiment.field."));
        } catch (io.huikuan.common.ConflictException e) {
            redirect.addFlashAttribute("flashError", messages.getMessage("experiment.runningAlready", null, locale));
        }
        return "redirect:/segments/" + code + "/experiment";
    }

    private static Integer number(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            throw ValidationException.coded(field, raw, "integer", "a whole number");
        }
    }

    @PostMapping("/segments/{code}/experiment/end")
    String end(@PathVariable String code, @RequestParam(required = false) String winner, RedirectAttributes redirect, Locale locale) {
        try {
            experiments.end(code, winner);
            redirect.addFlashAttribute("flash", messages.getMessage("experiment.ended." + winner, null, locale));
        } catch (ValidationException e) {
            redirect.addFlashAttribute("flashError", new FormErrors(messages, locale).summary(e, "experiment.field."));
        }
        return "redirect:/segments/" + code + "/experiment";
    }
}
