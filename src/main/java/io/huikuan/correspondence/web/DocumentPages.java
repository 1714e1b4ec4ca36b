package io.huikuan.correspondence.web;

import io.huikuan.common.ValidationException;
import io.huikuan.common.web.FormErrors;
import io.huikuan.correspondence.DocumentKind;
import io.huikuan.correspondence.Documents;
import io.huikuan.correspondence.Letters;
import io.huikuan.correspondence.ManualMessages;
import io.huikuan.correspondence.TemplateChannel;
import io.huikuan.correspondence.Templates;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/** The customer page's documents panel (loaded with htmx): issued documents and the statement form; a document's PDF. */
@Controller
class DocumentPages {

    private final Documents documents;
    private final Letters letters;
    private final ManualMessages manual;
    private final Templates templates;
    private final MessageSource messages;
    private final Clock clock;

    DocumentPages(Documents documents, Letters letters, ManualMessages manual, Templates templates, MessageSource messages, Clock clock) {
        this.documents = documents;
        this.letters = letters;
        this.manual = manual;
        this.templates = templates;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/customers/{code}/documents")
    String panel(@PathVariable String code, Model model) {
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("code", code);
        model.addAttribute("documents", documents.forCustomer(code));
        model.addAttribute("defaultFrom", today.withDayOfYear(1));
        model.addAttribute("defaultTo", today);
        io.huikuan.identity.CurrentUser me = io.huikuan.identity.CurrentUser.get();
        model.addAttribute("letterKinds", java.util.stream.Stream.of(DocumentKind.PAYMENT_REMINDER, DocumentKind.DEMAND_LETTER,
                DocumentKind.BALANCE_CONFIRMATION, DocumentKind.LAWYER_LETTER).filter(k -> Letters.mayIssue(me, k)).toList());
        model.addAttribute("tones", io.huikuan.worklist.Tone.values());
        model.addAttribute("formKey", java.util.UUID.randomUUID().toString());
        model.addAttribute("templateCodes", templates.list(new Templates.Filter(null, null, null, null)).stream()
                .filter(t -> t.channel() != TemplateChannel.LETTER).map(t -> t.code()).distinct().toList());
        return "correspondence/documents :: panel";
    }

    @PostMapping("/customers/{code}/statements")
    String issue(@PathVariable String code, @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(name = "locale", required = false) String language, Locale locale, RedirectAttributes redirect) {
        FormErrors errors = new FormErrors(messages, locale);
        LocalDate start = errors.date("from", from, true);
        LocalDate end = errors.date("to", to, false);
        if (!errors.any()) {
            try {
                Documents.Document d = documents.issueStatement(code, start, end,
                        language == null || language.isBlank() ? locale : LetterParams.locale(language));
                redirect.addFlashAttribute("flash", issued(d, locale));
            } catch (ValidationException e) {
                errors.addAll(e);
            }
        }
        if (errors.any()) {
            redirect.addFlashAttribute("flashError", String.join("; ", errors.all()));
        }
        return "redirect:/customers/" + UriUtils.encodePathSegment(code, StandardCharsets.UTF_8) + "#documents";
    }

    @PostMapping("/customers/{code}/letters")
    String issueLetter(@PathVariable String code, @RequestParam(required = false) String kind, @RequestParam(required = false) String tone,
            @RequestParam(required = false) String locale, Locale userLocale, RedirectAttributes redirect) {
        try {
            Documents.Document d = letters.issue(code, LetterParams.kind(kind), LetterParams.tone(tone), LetterParams.locale(locale), null);
            redirect.addFlashAttribute("flash", issued(d, userLocale));
        } catch (ValidationException e) {
            redirect.addFlashAttribute("flashError", String.join("; ", new FormErrors(messages, userLocale).addAll(e).all()));
        }
        return "redirect:/customers/" + UriUtils.encodePathSegment(code, StandardCharsets.UTF_8) + "#documents";
    }

    /** "已出具催款函 DL-2026-000009。": the kind of document that was issued, and its number. */
    private String issued(Documents.Document d, Locale locale) {
        String kind = messages.getMessage("document.kind." + d.kind(), null, d.kind(), locale);
        return messages.getMessage("documents.issued", new Object[] {kind, d.number()}, locale);
    }

    /** A POST (the form's CSRF token stays out of the address) that answers with the PDF, opened in a new tab. */
    @PostMapping("/customers/{code}/letters/preview")
    ResponseEntity<byte[]> previewLetter(@PathVariable String code, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String tone, @RequestParam(required = false) String locale) {
        Letters.Draft d = letters.preview(code, LetterParams.kind(kind), LetterParams.tone(tone), LetterParams.locale(locale));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename("letter-preview.pdf").build().toString())
                .body(d.pdf());
    }

    @PostMapping("/customers/{code}/messages")
    String send(@PathVariable String code, @ModelAttribute ManualMessages.Draft draft, Locale userLocale, RedirectAttributes redirect) {
        try {
            long id = manual.send(code, draft);
            redirect.addFlashAttribute("flash", messages.getMessage("manual.queued", new Object[] {id}, userLocale));
        } catch (ValidationException e) {
            redirect.addFlashAttribute("flashError", String.join("; ", new FormErrors(messages, userLocale).addAll(e).all()));
        }
        return "redirect:/customers/" + UriUtils.encodePathSegment(code, StandardCharsets.UTF_8) + "#documents";
    }

    /** The message as it would go out, on a page of its own (opened in a new tab by the panel's preview button). */
    @PostMapping("/customers/{code}/messages/preview")
    String preview(@PathVariable String code, @ModelAttribute ManualMessages.Draft draft, Locale userLocale, Model model) {
        model.addAttribute("code", code);
        try {
            model.addAttribute("preview", manual.preview(code, draft));
        } catch (ValidationException e) {
            model.addAttribute("errors", new FormErrors(messages, userLocale).addAll(e).all());
        }
        return "correspondence/message-preview";
    }

    @GetMapping("/documents/{id}")
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        Documents.Content c = documents.content(id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(c.number() + ".pdf").build().toString())
                .body(c.bytes());
    }
}
