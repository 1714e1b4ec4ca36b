package io.huikuan.legal.web;

import io.huikuan.common.ValidationException;
import io.huikuan.common.web.FormErrors;
import io.huikuan.legal.Attachments;
import io.huikuan.legal.EvidencePacks;
import io.huikuan.legal.LegalCase;
import io.huikuan.legal.LegalCases;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The case page's documents (judgments, filings: uploaded with ownerKind CASE and the case id) and its evidence pack
 * download. The list and the forms are on the case page ({@link LegalCaseDetailPages}).
 */
@Controller
class CaseDocumentPages {

    private final LegalCases cases;
    private final Attachments attachments;
    private final EvidencePacks packs;
    private final MessageSource messages;

    CaseDocumentPages(LegalCases cases, Attachments attachments, EvidencePacks packs, MessageSource messages) {
        this.cases = cases;
        this.attachments = attachments;
        this.packs = packs;
        this.messages = messages;
    }

    @PostMapping("/legal/cases/{id}/documents")
    String upload(@PathVariable long id, @RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String category,
            @RequestParam(required = false) String invoiceNos, @RequestParam(required = false) String description,
            @RequestParam(required = false) String documentDate, Locale locale, RedirectAttributes redirect) {
        LegalCase c = cases.get(id);
        try {
            Attachments.Attachment a = attachments.upload(c.customerCode(), file == null ? null : file.getOriginalFilename(),
                    file == null ? 0 : file.getSize(), file == null ? () -> null : file::getBytes,
                    new Attachments.Upload(category, invoiceNos, description, "CASE", String.valueOf(id), documentDate));
            redirect.addFlashAttribute("flash", messages.getMessage("legal.docs.uploaded", new Object[] {a.fileName()}, locale));
        } catch (ValidationException e) {
            redirect.addFlashAttribute("flashError", String.join("; ", new FormErrors(messages, locale).addAll(e).all()));
        }
        return "redirect:/legal/cases/" + id + "#case-documents";
    }

    @GetMapping("/legal/cases/{id}/evidence-pack")
    void pack(@PathVariable long id, @RequestParam(required = false) String asOf, @RequestParam(name = "locale", required = false) String lang,
            Locale locale, HttpServletRequest request, HttpServletResponse response) throws IOException {
        LocalDate date;
        Locale language;
        try {
            LocalDate requested = EvidencePackApi.parse(asOf);
            packs.checkCase(id, requested);
            date = requested == null ? packs.today() : requested;
            language = lang == null || lang.isBlank() ? locale : EvidencePackApi.language(lang);
        } catch (ValidationException e) {
            // the response is this method's to write (it streams the ZIP), so the redirect with its message is made here
            String target = "/legal/cases/" + id;
            RequestContextUtils.getOutputFlashMap(request).put("flashError", String.join("; ", new FormErrors(messages, locale).addAll(e).all()));
            RequestContextUtils.saveOutputFlashMap(target, request, response);
            response.sendRedirect(request.getContextPath() + target);
            return;
        }
        response.setContentType("application/zip");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(EvidencePacks.caseFileName(id, date), StandardCharsets.UTF_8).build().toString());
        OutputStream out = response.getOutputStream();
        packs.writeCase(id, date, language, out);
        out.flush();
    }
}
