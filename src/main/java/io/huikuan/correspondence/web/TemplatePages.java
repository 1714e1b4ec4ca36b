package io.huikuan.correspondence.web;

import io.huikuan.common.ConflictException;
import io.huikuan.common.NotFoundException;
import io.huikuan.common.ValidationException;
import io.huikuan.common.web.FormErrors;
import io.huikuan.correspondence.TemplateChannel;
import io.huikuan.correspondence.TemplateVariables;
import io.huikuan.correspondence.TemplateVersion;
import io.huikuan.correspondence.Templates;
import io.huikuan.identity.CurrentUser;
import io.huikuan.worklist.Tone;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Templates in the UI: the list grouped by code, and the editor with the variables to click in, a live preview
 * (htmx, as the manager types) showing the rendered message or the errors in the user's language, save with a
 * change note, and the version history with view and restore. Everyone reads; managers and administrators edit.
 */
@Controller
class TemplatePages {

    /** The editor's fields as typed. */
    record EditForm(String subject, String body, String note, String customerCode) {
    }

    private final Templates templates;
    private final MessageSource messages;

    private final io.huikuan.correspondence.TemplateNames names;

    TemplatePages(Templates templates, MessageSource messages, io.huikuan.correspondence.TemplateNames names) {
        this.templates = templates;
        this.messages = messages;
        this.names = names;
    }

    /** Names a template code in Chinese and English (managers), shown wherever the code would be (issue 12, item 13). */
    @PostMapping("/templates/{code}/name")
    String rename(@PathVariable String code, @RequestParam(required = false) String nameZh, @RequestParam(required = false) String nameEn,
            Locale userLocale, RedirectAttributes redirect) {
        try {
            names.rename(code, nameZh, nameEn);
            redirect.addFlashAttribute("flash", messages.getMessage("templates.renamed", new Object[] {code}, userLocale));
        } catch (ValidationException e) {
            redirect.addFlashAttribute("flashError", String.join("; ", new FormErrors(messages, userLocale).addAll(e).all()));
        }
        return "redirect:/templates";
    }

    @GetMapping("/templates")
    String list(Model model) {
        Map<String, List<TemplateVersion>> groups = new LinkedHashMap<>();
        for (TemplateVersion v : templates.list(null)) {
            groups.computeIfAbsent(v.code(), c -> new java.util.ArrayList<>()).add(v);
        }
        model.addAttribute("groups", groups);
        model.addAttribute("mayEdit", CurrentUser.get().isManager());
        model.addAttribute("channels", TemplateChannel.values());
        model.addAttribute("tones", Tone.values());
        model.addAttribute("locales", Templates.LOCALES);
        return "correspondence/templates";
    }

    /** Opens the editor of a (possibly new) template from the list page's "new" form. */
    @GetMapping("/templates/open")
    String open(@RequestParam String code, @RequestParam String channel, @RequestParam String locale, @RequestParam String tone,
            RedirectAttributes redirect, Locale userLocale) {
        try {
            TemplateChannel ch = TemplateApi.required(TemplateChannel.class, "channel", channel);
            Tone t = TemplateApi.required(Tone.class, "tone", tone);
            String loc = Templates.locale(locale);
            return "redirect:/templates/" + Templates.code(code == null ? null : code.trim()) + "/" + ch + "/" + loc + "/" + t;
        } catch (ValidationException e) {
            redirect.addFlashAttribute("flashError", String.join("; ", new FormErrors(messages, userLocale).addAll(e).all()));
            return "redirect:/templates";
        }
    }

    @GetMapping("/templates/{code}/{channel}/{locale}/{tone}")
    String editor(@PathVariable String code, @PathVariable String channel, @PathVariable String locale, @PathVariable String tone,
            @RequestParam(required = false) Integer version, @RequestParam(required = false) String customerCode, Model model, Locale userLocale) {
        TemplateChannel ch = TemplateApi.required(TemplateChannel.class, "channel", channel);
        Tone t = TemplateApi.required(Tone.class, "tone", tone);
        String loc = Templates.locale(locale);
        TemplateVersion latest = templates.find(code, ch, loc, t).orElse(null);
        if (latest == null && !CurrentUser.get().isManager()) {
            throw new NotFoundException("template", code + "/" + ch + "/" + loc + "/" + t);
        }
        TemplateVersion viewing = version == null ? null : templates.version(code, ch, loc, t, version);
        EditForm form = new EditForm(latest == null ? "" : latest.subject(), latest == null ? "" : latest.body(), "", customerCode);
        return page(code, ch, loc, t, latest, viewing, form, FormErrors.none(), model, userLocale);
    }

    @PostMapping("/templates/{code}/{channel}/{locale}/{tone}")
    String save(@PathVariable String code, @PathVariable String channel, @PathVariable String locale, @PathVariable String tone, EditForm form,
            Model model, Locale userLocale, RedirectAttributes redirect) {
        TemplateChannel ch = TemplateApi.required(TemplateChannel.class, "channel", channel);
        Tone t = TemplateApi.required(Tone.class, "tone", tone);
        String loc = Templates.locale(locale);
        FormErrors errors = new FormErrors(messages, userLocale);
        try {
            TemplateVersion saved = templates.save(code, ch, loc, t, form.subject(), form.body(), form.note());
            redirect.addFlashAttribute("flash", messages.getMessage("templates.saved", new Object[] {saved.version()}, userLocale));
            return "redirect:" + path(saved);
        } catch (ValidationException e) {
            errors.addAll(e);
        } catch (ConflictException e) {
            errors.add(e.field(), e.getMessage());
        }
        return page(code, ch, loc, t, templates.find(code, ch, loc, t).orElse(null), null, form, errors, model, userLocale);
    }

    @PostMapping("/templates/{code}/{channel}/{locale}/{tone}/versions/{version}/restore")
    String restore(@PathVariable String code, @PathVariable String channel, @PathVariable String locale, @PathVariable String tone,
            @PathVariable int version, Locale userLocale, RedirectAttributes redirect) {
        TemplateVersion saved = templates.restore(code, TemplateApi.required(TemplateChannel.class, "channel", channel), locale,
                TemplateApi.required(Tone.class, "tone", tone), version);
        redirect.addFlashAttribute("flash", messages.getMessage("templates.restored", new Object[] {version, saved.version()}, userLocale));
        return "redirect:" + path(saved);
    }

    /** The live preview (an htmx fragment): the rendered message or the errors in the user's language. */
    @PostMapping("/templates/preview")
    String preview(@RequestParam(required = false) String channel, @RequestParam(required = false) String locale, EditForm form, Model model,
            Locale userLocale) {
        model.addAttribute("preview", preview(channel, locale, form, userLocale));
        return "correspondence/template-editor :: preview";
    }

    private TemplateApi.PreviewResponse preview(String channel, String locale, EditForm form, Locale userLocale) {
        try {
            TemplateChannel ch = TemplateApi.required(TemplateChannel.class, "channel", channel);
            return TemplateApi.response(templates.preview(ch, locale, form.subject(), form.body(), form.customerCode()), messages, userLocale);
        } catch (ValidationException e) {
            return TemplateApi.response(new Templates.Preview(null, e.errors()), messages, userLocale);
        } catch (NotFoundException e) {
            String m = messages.getMessage("templates.customerNotFound", new Object[] {form.customerCode()}, userLocale);
            return new TemplateApi.PreviewResponse(null, null, null, List.of(new TemplateApi.PreviewError("customerCode", null, m, List.of())));
        }
    }

    private String page(String code, TemplateChannel ch, String loc, Tone t, TemplateVersion latest, TemplateVersion viewing, EditForm form,
            FormErrors errors, Model model, Locale userLocale) {
        model.addAttribute("code", code);
        model.addAttribute("channel", ch);
        model.addAttribute("locale", loc);
        model.addAttribute("tone", t);
        model.addAttribute("latest", latest);
        model.addAttribute("viewing", viewing);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("versions", latest == null ? List.of() : templates.versions(code, ch, loc, t));
        model.addAttribute("variables", TemplateVariables.all());
        model.addAttribute("mayEdit", CurrentUser.get().isManager());
        model.addAttribute("base", "/templates/" + code + "/" + ch + "/" + loc + "/" + t);
        model.addAttribute("preview", preview(ch.name(), loc, form, userLocale));
        return "correspondence/template-editor";
    }

    private static String path(TemplateVersion v) {
        return "/templates/" + v.code() + "/" + v.channel() + "/" + v.locale() + "/" + v.tone();
    }
}
