package io.huikuan.correspondence.web;

import io.huikuan.common.ValidationException;
import io.huikuan.correspondence.Approvals;
import io.huikuan.correspondence.MessageEdit;
import io.huikuan.correspondence.StepDispatcher;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import io.huikuan.worklist.StepTask;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The strategy steps that write to customers: produce the due ones, the approval queue, preview and approve. */
@RestController
@Tag(name = "Step messages")
class StepMessageApi {

    /** Why a step's message or letter is not sent. */
    record Rejection(String reason) {
    }

    private final StepDispatcher dispatcher;
    private final Approvals approvals;
    private final Clock clock;

    StepMessageApi(StepDispatcher dispatcher, Approvals approvals, Clock clock) {
        this.dispatcher = dispatcher;
        this.approvals = approvals;
        this.clock = clock;
    }

    @PostMapping("/api/step-messages/dispatch")
    @Operation(summary = "Produce the messages and letters of every due e-mail, SMS, message and letter step (MANAGER or ADMIN; the daily run "
            + "does this by itself afterwards): e-mails and SMS are queued in the outbox, letters issued; each once")
    StepDispatcher.Result dispatch(@RequestParam(required = false) String asOf) {
        CurrentUser.require("produce step messages", Role.MANAGER);
        LocalDate date = asOf == null || asOf.isBlank() ? LocalDate.now(clock) : parse(asOf);
        if (date.isAfter(LocalDate.now(clock))) {
            throw ValidationException.coded("asOf", asOf, "run.future", "must not be after today", LocalDate.now(clock));
        }
        return dispatcher.dispatchDue(date);
    }

    @GetMapping("/api/step-messages/approvals")
    @Operation(summary = "Steps whose message or letter waits for a manager's approval (MANAGER or ADMIN)")
    List<StepTask> approvals() {
        return dispatcher.awaitingApproval();
    }

    @PostMapping("/api/step-messages/{taskId}/approve")
    @Operation(summary = "Approve a step's message or letter (MANAGER or ADMIN): it is produced at once. An e-mail, SMS or instant message "
            + "may be approved with the manager's own wording, body {subject (e-mails), text}: that is what is sent")
    StepTask approve(@PathVariable long taskId, @RequestBody(required = false) MessageEdit edit) {
        return approvals.approve(taskId, edit);
    }

    @PostMapping("/api/step-messages/{taskId}/reject")
    @Operation(summary = "Reject a step's message or letter waiting for approval (MANAGER or ADMIN), body {reason} (required, at most 200 "
            + "characters): nothing is sent, the task is cancelled with who and why in its dispatchNote (rejected|user|reason)")
    StepTask reject(@PathVariable long taskId, @RequestBody(required = false) Rejection rejection) {
        return approvals.reject(taskId, rejection == null ? null : rejection.reason());
    }

    @GetMapping("/api/step-messages/{taskId}/preview")
    @Operation(summary = "What the step would send now: the e-mail or SMS as JSON (recipient, subject, text, html), a letter as PDF")
    ResponseEntity<?> preview(@PathVariable long taskId) {
        CurrentUser.require("preview step messages", Role.MANAGER, Role.COLLECTOR, Role.FINANCE, Role.LEGAL);
        StepDispatcher.Preview p = dispatcher.preview(taskId);
        if (p.letter() != null) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename("letter-preview.pdf").build().toString())
                    .body(p.letter().pdf());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("taskId", taskId);
        body.put("channel", p.task().channel());
        body.put("recipient", p.recipient());
        body.put("subject", p.message().subject());
        body.put("text", p.message().text());
        body.put("html", p.message().html());
        body.put("templateVersionId", p.message().templateVersionId());
        return ResponseEntity.ok(body);
    }

    private static LocalDate parse(String value) {
        try {
            return io.huikuan.common.InputRules.checkDate("asOf", LocalDate.parse(value.trim()));
        } catch (DateTimeParseException e) {
            throw ValidationException.coded("asOf", value, "date.format", "must be a date YYYY-MM-DD");
        }
    }
}
