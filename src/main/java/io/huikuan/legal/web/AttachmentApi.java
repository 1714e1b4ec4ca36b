package io.huikuan.legal.web;

import io.huikuan.legal.Attachments;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The document store: attachments of a customer (upload, list, download, delete). */
@RestController
@Tag(name = "Attachments")
class AttachmentApi {

    private final Attachments attachments;

    AttachmentApi(Attachments attachments) {
        this.attachments = attachments;
    }

    @PostMapping(value = "/api/customers/{code}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload a document for the customer (multipart: file; category CONTRACT|INVOICE|DELIVERY|ACCEPTANCE|COURIER_RECEIPT|"
            + "SIGNED_CONFIRMATION|JUDGMENT|BANK_RECEIPT|OTHER; invoiceNos comma list; description; ownerKind + ownerId e.g. LIMITATION_EVENT 12; "
            + "documentDate YYYY-MM-DD, default today). Accepted types: PDF, images, Office documents, text/CSV/.eml; at most "
            + "huikuan.legal.documents.max-size (20MB). Legal, managers, finance; collectors for their own customers (delivery documents and "
            + "receipts). Answers 201 with the id, SHA-256 and size")
    ResponseEntity<Attachments.Attachment> upload(@PathVariable String code, @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String category, @RequestParam(required = false) String invoiceNos,
            @RequestParam(required = false) String description, @RequestParam(required = false) String ownerKind,
            @RequestParam(required = false) String ownerId, @RequestParam(required = false) String documentDate) throws IOException {
        Attachments.Attachment a = attachments.upload(code, file == null ? null : file.getOriginalFilename(),
                file == null ? 0 : file.getSize(), file == null ? () -> null : file::getBytes,
                new Attachments.Upload(category, invoiceNos, description, ownerKind, ownerId, documentDate));
        return ResponseEntity.created(URI.create("/api/attachments/" + a.id())).body(a);
    }

    @GetMapping("/api/customers/{code}/attachments")
    @Operation(summary = "The customer's attachments, newest first")
    List<Attachments.Attachment> list(@PathVariable String code) {
        return attachments.forCustomer(code);
    }

    @GetMapping("/api/attachments/{id}")
    @Operation(summary = "Download an attachment; its SHA-256 is checked first (409 when the stored file was changed or lost)")
    ResponseEntity<byte[]> download(@PathVariable long id) {
        Attachments.Content c = attachments.content(id);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(c.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(c.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(c.bytes());
    }

    @DeleteMapping("/api/attachments/{id}")
    @Operation(summary = "Delete an attachment (LEGAL or ADMIN); 409 when a limitation event names it as its evidence")
    ResponseEntity<Void> delete(@PathVariable long id) {
        attachments.delete(id);
        return ResponseEntity.noContent().build();
    }
}
