package io.huikuan.legal.web;

import io.huikuan.common.ValidationException;
import io.huikuan.legal.LimitationEvents;
import io.huikuan.legal.LimitationEvidence;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Evidence for a limitation event: {@code POST /api/limitation-events/{id}/evidence} (multipart {@code file} and
 * {@code category}, or {@code attachmentId} of a document already uploaded for the customer) and the same from the
 * customer's limitation page ({@link LimitationEvidencePages}).
 */
@RestController
class LimitationEvidenceApi {

    private final LimitationEvidence evidence;

    LimitationEvidenceApi(LimitationEvidence evidence) {
        this.evidence = evidence;
    }

    @PostMapping("/api/limitation-events/{id}/evidence")
    @Operation(summary = "Attaches evidence to a limitation event (a file, or attachmentId of the customer's stored document); an oral "
            + "promise then counts from its date. Legal, managers, finance.")
    LimitationEvents.Event attach(@PathVariable long id, @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String category, @RequestParam(required = false) Long attachmentId) {
        return store(evidence, id, file, category, attachmentId);
    }

    static LimitationEvents.Event store(LimitationEvidence evidence, long id, MultipartFile file, String category, Long attachmentId) {
        if (attachmentId != null) {
            return evidence.attach(id, attachmentId);
        }
        if (file == null || file.isEmpty()) {
            throw new ValidationException("file", null, "is required: the document that proves the event (or attachmentId)");
        }
        return evidence.upload(id, file.getOriginalFilename(), file.getSize(), file::getBytes, category);
    }
}
