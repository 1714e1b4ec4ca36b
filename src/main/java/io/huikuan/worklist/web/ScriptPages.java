package io.huikuan.worklist.web;

import io.huikuan.common.ConflictException;
import io.huikuan.common.ValidationException;
import io.huikuan.common.web.FormErrors;
import io.huikuan.identity.CurrentUser;
import io.huikuan.worklist.Excuse;
import io.huikuan.customer.PersonalityType;
import io.huikuan.worklist.Script;
import io.huikuan.worklist.ScriptLibrary;
import io.huikuan.worklist.ScriptMethod;
import io.huikuan.worklist.ScriptStage;
import io.huikuan.worklist.Tone;
import java.util.List;
import java.util.Locale;
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
 * The script library in the UI: everyone filters it by stage, excuse, personality type, tone,
 * method and words, in their language; managers add and edit scripts (the conduct check's errors
 * show next to the field).
 */
@Controller
class ScriptPages {

    /** The filter as the user set it, shown again above the list. */
    record FilterForm(String stage, String excuse, String personality, String tone, String method, String q) {

        static final FilterForm NONE = new FilterForm(null, null, null, null, null, null);
    }

    private final ScriptLibrary library;
    private final MessageSource messages;

    ScriptPages(ScriptLibrary library, MessageSource messages) {
        this.library = library;
        this.messages = messages;
    }

    @GetMapping("/scripts")
    String list(@RequestParam(required = false) String stage, @RequestParam(required = false) String excuse,
            @RequestParam(required = false) String personality, @RequestParam(required = false) String tone,
            @RequestParam(required = false) String method, @RequestParam(required = false) String q,
            @RequestParam(required = false) String edit, Model model, Locale locale) {
        FormErrors filterErrors = new FormErrors(messages, locale);
        List<Script> scripts = List.of();
        try {
            scripts = library.list(new ScriptLibrary.Filter(ScriptApi.parse(ScriptStage.class, "stage", stage),
                    ScriptApi.parse(Excuse.class, "excuse", excuse), ScriptApi.parse(PersonalityType.class, "personality", personality),
                    ScriptApi.parse(Tone.class, "tone", tone), ScriptApi.parse(ScriptMethod.class, "method", method), q));
        } catch (ValidationException e) {
            filterErrors.addAll(e);
        }
        model.addAttribute("scripts", scripts);
        model.addAttribute("filterErrors", filterErrors);
        model.addAttribute("f", new FilterForm(stage, excuse, personality, tone, method, q));
        if (!model.containsAttribute("form")) {
            Script editing = edit == null ? null : library.find(edit).orElse(null);
            model.addAttribute("form", editing == null ? empty() : form(editing));
            model.addAttribute("editing", editing != null);
            model.addAttribute("errors", FormErrors.none());
        }
        return page(model);
    }

    @PostMapping("/scripts")
    String save(@ModelAttribute("form") ScriptApi.ScriptRequest form, @RequestParam(defaultValue = "false") boolean editing, Model model,
            Locale locale, RedirectAttributes redirect) {
        FormErrors errors = new FormErrors(messages, locale);
        try {
            Script s = ScriptApi.script(form.code(), form);
            Script saved = editing ? library.update(form.code(), s) : library.create(s);
            redirect.addFlashAttribute("flash", messages.getMessage("scripts.saved", new Object[] {saved.code()}, locale));
            return "redirect:/scripts";
        } catch (ValidationException e) {
            errors.addAll(e);
        } catch (ConflictException e) {
            errors.add(e.field(), e.getMessage());
        }
        model.addAttribute("form", form);
        model.addAttribute("editing", editing);
        model.addAttribute("errors", errors);
        model.addAttribute("scripts", library.list(new ScriptLibrary.Filter(null, null, null, null, null, null)));
        model.addAttribute("filterErrors", FormErrors.none());
        model.addAttribute("f", FilterForm.NONE);
        return page(model);
    }

    @PostMapping("/scripts/{code}/delete")
    String delete(@PathVariable String code) {
        library.delete(code);
        return "redirect:/scripts";
    }

    private String page(Model model) {
        model.addAttribute("stages", ScriptStage.values());
        model.addAttribute("excuses", Excuse.values());
        model.addAttribute("personalities", PersonalityType.values());
        model.addAttribute("tones", Tone.values());
        model.addAttribute("methods", ScriptMethod.values());
        model.addAttribute("mayEdit", CurrentUser.get().isManager());
        model.addAttribute("placeholders", ScriptWords.LISTED);
        return "worklist/scripts";
    }

    private static ScriptApi.ScriptRequest empty() {
        return new ScriptApi.ScriptRequest("", "FOLLOW_UP", "", "", "GENTLE", "DIRECT", "", "", "", "", "", "");
    }

    private static ScriptApi.ScriptRequest form(Script s) {
        return new ScriptApi.ScriptRequest(s.code(), s.stage().name(), s.excuse() == null ? "" : s.excuse().name(),
                s.personality() == null ? "" : s.personality().name(), s.tone().name(), s.method().name(), s.titleZh(), s.titleEn(),
                s.textZh(), s.textEn(), s.whenZh(), s.whenEn());
    }
}
