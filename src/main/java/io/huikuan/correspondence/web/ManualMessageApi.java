package io.huikuan.correspondence.web;

import io.huikuan.correspondence.ManualMessages;
import io.huikuan.correspondence.Outbox;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Writing to a customer by hand: an e-mail (with documents attached) or an SMS from a template, previewed, then queued. */
@RestController
@Tag(name = "Outbox")
class ManualMessageApi {

    private final ManualMessages manual;
    private final Outbox outbox;

    ManualMessageApi(ManualMessages manual, Outbox outbox) {
        this.manual = manual;
        this.outbox = outbox;
    }

    @PostMapping("/api/customers/{code}/messages/preview")
    @Operation(summary = "Render an e-mail or SMS for the customer from a template without sending it: body {template, channel EMAIL|SMS, "
            + "tone, locale zh-CN|en, to (default: the contact), documentIds}")
    ManualMessages.Preview preview(@PathVariable String code, @RequestBody ManualMessages.Draft draft) {
        return manual.preview(code, draft);
    }

    @PostMapping("/api/customers/{code}/messages")
    @Operation(summary = "Send an e-mail (documents attached) or SMS to the customer through the outbox; idempotencyKey makes a retried request "
            + "return the same message")
    ResponseEntity<Outbox.MessageView> send(@PathVariable String code, @RequestBody ManualMessages.Draft draft) {
        long id = manual.send(code, draft);
        return ResponseEntity.created(URI.create("/api/outbox/" + id)).body(outbox.get(id));
    }
}
