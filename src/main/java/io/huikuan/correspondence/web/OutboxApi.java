package io.huikuan.correspondence.web;

import io.huikuan.common.Page;
import io.huikuan.correspondence.Outbox;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The outbox: e-mails, SMS and chat messages with their delivery state; managers requeue failed or unconfirmed ones. */
@RestController
@Tag(name = "Outbox")
class OutboxApi {

    private final Outbox outbox;

    OutboxApi(Outbox outbox) {
        this.outbox = outbox;
    }

    @GetMapping("/api/outbox")
    @Operation(summary = "Messages newest first, by status (QUEUED, SENDING, SENT, FAILED, UNCONFIRMED, or PROBLEMS = the failures list: "
            + "failed, unconfirmed and long-queued; PENDING = everything not sent yet) and customer code; collectors see their own customers' messages")
    Page<Outbox.MessageView> list(@RequestParam(required = false) String status, @RequestParam(required = false) String customer,
            @RequestParam(defaultValue = "0") int page, @RequestParam(required = false) Integer size) {
        return outbox.search(status, customer, page, Page.clampSize(size));
    }

    @GetMapping("/api/outbox/{id}")
    @Operation(summary = "A message with its delivery state, last error and the requeue decisions made on it")
    Outbox.MessageView get(@PathVariable long id) {
        return outbox.get(id);
    }

    @PostMapping("/api/outbox/{id}/retry")
    @Operation(summary = "Requeue a FAILED or UNCONFIRMED message (managers; the reason is recorded). An UNCONFIRMED message may "
            + "already have arrived: check with the recipient first")
    Outbox.MessageView retry(@PathVariable long id, @RequestParam(required = false) String reason) {
        return outbox.retry(id, reason);
    }

    @GetMapping("/api/customers/{code}/messages")
    @Operation(summary = "The customer's messages, newest first, with their delivery state: queued, sent, failed (reason)")
    List<Outbox.MessageView> forCustomer(@PathVariable String code) {
        return outbox.forCustomer(code);
    }
}
