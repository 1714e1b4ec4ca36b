package io.huikuan.aging.web;

import io.huikuan.aging.AgingBucketSet;
import io.huikuan.aging.AgingBucketSets;
import io.huikuan.common.ValidationException;
import io.huikuan.common.web.FormErrors;
import io.huikuan.identity.CurrentUser;
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
 * The named aging bucket sets: everyone sees them and may run the aging report with one;
 * managers and administrators define (name and bounds such as "30,60,90") and delete them. The
 * rules are {@link AgingBucketSets}'; its field errors show next to the inputs.
 */
@Controller
class BucketSetPages {

    record BucketSetForm(String name, String buckets) {
    }

    /** A set as listed: its buckets' labels in the user's language and the link to the report with it. */
    record Line(AgingBucketSet set, List<String> labels, String reportHref) {
    }

    private final AgingBucketSets bucketSets;
    private final MessageSource messages;

    BucketSetPages(AgingBucketSets bucketSets, MessageSource messages) {
        this.bucketSets = bucketSets;
        this.messages = messages;
    }

    @GetMapping("/aging/bucket-sets")
    String list(Model model, Locale locale) {
        return page(model, locale, new BucketSetForm("", "30,60,90"), FormErrors.none());
    }

    @PostMapping("/aging/bucket-sets")
    String create(@ModelAttribute("form") BucketSetForm form, Model model, Locale locale, RedirectAttributes redirect) {
        try {
            AgingBucketSet set = bucketSets.create(form.name(), form.buckets() == null ? "" : form.buckets());
            redirect.addFlashAttribute("flash", messages.getMessage("bucketSets.created", new Object[] {set.name()}, locale));
            return "redirect:/aging/bucket-sets";
        } catch (ValidationException e) {
            return page(model, locale, form, new FormErrors(messages, locale).addAll(e));
        }
    }

    @PostMapping("/aging/bucket-sets/{name}/delete")
    String delete(@PathVariable String name, Locale locale, RedirectAttributes redirect) {
        bucketSets.delete(name);
        redirect.addFlashAttribute("flash", messages.getMessage("bucketSets.deleted", new Object[] {name}, locale));
        return "redirect:/aging/bucket-sets";
    }

    private String page(Model model, Locale locale, BucketSetForm form, FormErrors errors) {
        List<Line> lines = bucketSets.list().stream().map(set -> new Line(set,
                set.ranges().stream().map(b -> AgingLabels.bucket(messages, b, locale)).toList(),
                "/aging?bucketSet=" + UriUtils.encodeQueryParam(set.name(), java.nio.charset.StandardCharsets.UTF_8))).toList();
        model.addAttribute("sets", lines);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("mayChange", CurrentUser.get().isManager());
        return "aging/bucket-sets";
    }
}
