package io.huikuan.legal.web;

import io.huikuan.common.NotFoundException;
import io.huikuan.common.ValidationException;
import io.huikuan.common.web.FormErrors;
import io.huikuan.legal.LimitationEvents;
import io.huikuan.legal.LimitationEvidence;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/** Attaching evidence to a limitation event from the customer's limitation page; back to that page with the outcome. */
@Controller
class LimitationEvidencePages {

    private final LimitationEvidence evidence;
    private final LimitationEvents events;
    private final MessageSource messages;

    LimitationEvidencePages(LimitationEvidence evidence, LimitationEvents events, MessageSource messages) {
        this.evidence = evidence;
        this.events = events;
        this.messages = messages;
    }

    @PostMapping("/legal/limitation/events/{id}/evidence")
    String attach(@PathVariable long id, @RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String category,
            Locale locale, RedirectAttributes flash) {
        String code = events.find(id).map(LimitationEvents.Event::customerCode)
                .orElseThrow(() -> new NotFoundException("limitation event", String.valueOf(id)));
        try {
            LimitationEvents.Event e = LimitationEvidenceApi.store(evidence, id, file, category, null);
            flash.addFlashAttribute("flash", messages.getMessage("limitation.evidenceAttached", new Object[] {e.id()}, locale));
        } catch (ValidationException e) {
            flash.addFlashAttribute("flashError", String.join("; ", new FormErrors(messages, locale).addAll(e).all()));
        }
        return "redirect:/legal/limitation/customers/" + UriUtils.encodePathSegment(code, StandardCharsets.UTF_8);
    }
}
