package io.huikuan.legal.web;

import io.huikuan.common.ConflictException;
import io.huikuan.common.ValidationException;
import io.huikuan.common.web.FormErrors;
import io.huikuan.customer.CustomerService;
import io.huikuan.identity.CurrentUser;
import io.huikuan.legal.AttachmentCategory;
import io.huikuan.legal.Attachments;
import io.huikuan.legal.EvidencePacks;
import io.huikuan.legal.internal.AttachmentFiles;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.UriUtils;

/**
 * The customer's documents and evidence page: the uploaded attachments (download, delete), the upload form and the
 * evidence pack button. (The customer page's "documents" panel at {@code /customers/{code}/documents} lists the documents
 * Huikuan issued; this page holds what people upload.)
 */
@Controller
class AttachmentPages {

    private final Attachments attachments;
    private final EvidencePacks packs;
    private final CustomerService customers;
    private final MessageSource messages;
    private final Clock clock;

    AttachmentPages(Attachments attachments, EvidencePacks packs, CustomerService customers, MessageSource messages, Clock clock) {
        this.attachments = attachments;
        this.packs = packs;
        this.customers = customers;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/customers/{code}/attachments")
    String page(@PathVariable String code, Model model) {
        CurrentUser me = CurrentUser.get();
        model.addAttribute("customer", customers.ref(code));
        model.addAttribute("attachments", attachments.forCustomer(code));
        model.addAttribute("categories", me.portfolioOnly()
                ? Arrays.stream(AttachmentCategory.values()).filter(Attachments.COLLECTOR_CATEGORIES::contains).toList()
                : Arrays.asList(AttachmentCategory.values()));
        model.addAttribute("mayUpload", Attachments.mayUpload(me));
        model.addAttribute("mayDelete", Attachments.mayDelete(me));
        model.addAttribute("mayPack", EvidencePacks.mayMake(me));
        model.addAttribute("allowed", AttachmentFiles.ALLOWED);
        model.addAttribute("accept", "." + AttachmentFiles.ALLOWED.replace(", ", ",."));
        model.addAttribute("maxSize", attachments.maxSizeText());
        model.addAttribute("today", LocalDate.now(clock));
        return "legal/attachments";
    }

    @PostMapping("/customers/{code}/attachments")
    String upload(@PathVariable String code, @RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String category,
            @RequestParam(required = false) String invoiceNos, @RequestParam(required = false) String description,
            @RequestParam(required = false) String documentDate, Locale locale, RedirectAttributes redirect) throws IOException {
        try {
            Attachments.Attachment a = attachments.upload(code, file == null ? null : file.getOriginalFilename(),
                    file == null ? 0 : file.getSize(), file == null ? () -> null : file::getBytes, new Attachments.Upload(category, invoiceNos, description, null, null,
                            documentDate));
            redirect.addFlashAttribute("flash", messages.getMessage("attachments.uploaded", new Object[] {a.fileName()}, locale));
        } catch (ValidationException e) {
            redirect.addFlashAttribute("flashError", String.join("; ", new FormErrors(messages, locale).addAll(e).all()));
        }
        return back(code);
    }

    @PostMapping("/attachments/{id}/delete")
    String delete(@PathVariable long id, Locale locale, RedirectAttributes redirect) {
        Attachments.Attachment a = attachments.get(id);
        try {
            attachments.delete(id);
            redirect.addFlashAttribute("flash", messages.getMessage("attachments.deleted", new Object[] {a.fileName()}, locale));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flashError", messages.getMessage("attachments.referenced", new Object[] {a.fileName()}, locale));
        }
        return back(a.customerCode());
    }

    @GetMapping("/attachments/{id}")
    ResponseEntity<byte[]> download(@PathVariable long id) {
        Attachments.Content c = attachments.content(id);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(c.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(c.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(c.bytes());
    }

    @GetMapping("/customers/{code}/evidence-pack")
    void pack(@PathVariable String code, @RequestParam(required = false) String asOf, @RequestParam(required = false) String invoiceNos,
            @RequestParam(name = "locale", required = false) String lang, Locale locale, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Set<String> numbers = EvidencePacks.invoiceList(invoiceNos);
        LocalDate date;
        Locale language;
        try {
            date = packs.check(code, numbers, EvidencePackApi.parse(asOf));
            language = lang == null || lang.isBlank() ? locale : EvidencePackApi.language(lang);
        } catch (ValidationException e) {
            // the response is this method's to write (it streams the ZIP), so the redirect with its message is made here
            String target = "/customers/" + UriUtils.encodePathSegment(code, StandardCharsets.UTF_8) + "/attachments";
            RequestContextUtils.getOutputFlashMap(request).put("flashError", String.join("; ", new FormErrors(messages, locale).addAll(e).all()));
            RequestContextUtils.saveOutputFlashMap(target, request, response);
            response.sendRedirect(request.getContextPath() + target);
            return;
        }
        response.setContentType("application/zip");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(EvidencePacks.fileName(code, date), StandardCharsets.UTF_8).build().toString());
        OutputStream out = response.getOutputStream();
        packs.write(code, numbers, date, language, out);
        out.flush();
    }

    private static String back(String code) {
        return "redirect:/customers/" + UriUtils.encodePathSegment(code, StandardCharsets.UTF_8) + "/attachments";
    }
}
