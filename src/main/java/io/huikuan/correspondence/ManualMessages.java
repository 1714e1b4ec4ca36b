package io.huikuan.correspondence;

import io.huikuan.common.NotFoundException;
import io.huikuan.common.ValidationException;
import io.huikuan.common.ValidationException.FieldError;
import io.huikuan.customer.CustomerRef;
import io.huikuan.customer.CustomerService;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import io.huikuan.worklist.Tone;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user writes to a customer by hand: an e-mail or SMS from a template (any code, tone and language) with the
 * customer's current figures, optionally with its issued documents attached (a statement, a letter), previewed
 * first, then queued in the outbox like every other message (delivered, retried, never doubled).
 */
@Service
public class ManualMessages {

    /**
     * What the user asks for: template code, channel EMAIL or SMS (default EMAIL), tone (default GENTLE), locale
     * (zh-CN or en), recipient (default: the contact's e-mail or mobile), documents to attach (e-mail only) and an
     * idempotency key (a client retrying the same request sends the same key and gets the same message).
     */
    public record Draft(String template, String channel, String tone, String locale, String to, List<Long> documentIds, String idempotencyKey) {
    }

    /** The message as it would go out. */
    public record Preview(OutboxChannel channel, String to, String subject, String text, String html, List<String> attachments,
            long templateVersionId) {
    }

    private final TemplateDataBuilder data;
    private final Templates templates;
    private final Documents documents;
    private final Outbox outbox;
    private final CustomerService customers;
    private final Clock clock;

    ManualMessages(TemplateDataBuilder data, Templates templates, Documents documents, Outbox outbox, CustomerService customers, Clock clock) {
        this.data = data;
        this.templates = templates;
        this.documents = documents;
        this.outbox = outbox;
        this.customers = customers;
        this.clock = clock;
    }

    /** Renders the message for the customer without queueing it (a {@code {{portal.link}}} in it is made or reused, in this transaction). */
    @Transactional
    public Preview preview(String customerCode, Draft d) {
        CurrentUser.require("write to customers", Role.COLLECTOR, Role.FINANCE, Role.MANAGER, Role.LEGAL);
        return render(customerCode, d);
    }

    /** Queues the message in the outbox; returns the message id (the same for the same idempotency key). */
    @Transactional
    public long send(String customerCode, Draft d) {
        CurrentUser user = CurrentUser.require("write to customers", Role.COLLECTOR, Role.FINANCE, Role.MANAGER, Role.LEGAL);
        Preview p = render(customerCode, d);
        CustomerRef ref = customers.ref(customerCode);
        String key = d.idempotencyKey() == null || d.idempotencyKey().isBlank() ? "manual-" + UUID.randomUUID() : "manual-" + d.idempotencyKey().trim();
        try {
            return outbox.enqueue(new OutgoingMessage(key, p.channel(), ref.id(), p.to(), p.subject(), p.text(), p.html(),
                    d.documentIds() == null ? List.of() : d.documentIds(), null, user.username()));
        } catch (ValidationException e) {
            // the outbox names the recipient "recipient"; this request calls it "to"
            throw new ValidationException(e.errors().stream()
                    .map(f -> "recipient".equals(f.field()) ? new FieldError("to", f.value(), f.message(), f.code(), f.args()) : f).toList());
        }
    }

    private Preview render(String customerCode, Draft d) {
        List<FieldError> errors = new ArrayList<>();
        OutboxChannel channel = OutboxChannel.EMAIL;
        if (d.channel() != null && !d.channel().isBlank()) {
            try {
                channel = OutboxChannel.valueOf(d.channel().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                channel = null;
            }
            if (channel == null || channel == OutboxChannel.CHAT) {
                errors.add(FieldError.coded("channel", d.channel(), "manual.channel", "must be EMAIL or SMS"));
                channel = OutboxChannel.EMAIL;
            }
        }
        Tone tone = Tone.GENTLE;
        if (d.tone() != null && !d.tone().isBlank()) {
            try {
                tone = Tone.valueOf(d.tone().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(FieldError.coded("tone", d.tone(), "letter.tone", "must be one of " + Arrays.toString(Tone.values())));
            }
        }
        Locale locale = Locale.SIMPLIFIED_CHINESE;
        if (d.locale() != null && d.locale().trim().equalsIgnoreCase("en")) {
            locale = Locale.ENGLISH;
        } else if (d.locale() != null && !d.locale().isBlank() && !d.locale().trim().equalsIgnoreCase("zh-CN")) {
            errors.add(FieldError.coded("locale", d.locale(), "letter.locale", "must be zh-CN or en"));
        }
        if (d.template() == null || d.template().isBlank()) {
            errors.add(FieldError.coded("template", null, "required", "is required (a template code, e.g. reminder)"));
        }
        TemplateChannel templateChannel = channel.templateChannel();
        List<Long> docs = d.documentIds() == null ? List.of() : d.documentIds();
        if (channel != OutboxChannel.EMAIL && !docs.isEmpty()) {
            errors.add(FieldError.coded("documentIds", docs, "manual.attachSms", "only an e-mail can carry documents"));
        }
        TemplateData td = data.forCustomer(customerCode, LocalDate.now(clock));
        List<String> attachments = new ArrayList<>();
        for (Long id : docs) {
            try {
                Documents.Document doc = documents.get(id);
                if (!doc.customerCode().equals(td.customer().code())) {
                    errors.add(FieldError.coded("documentIds", id, "manual.foreignDocument", "document " + id + " belongs to another customer", id));
                } else {
                    attachments.add(doc.number());
                }
            } catch (NotFoundException e) {
                errors.add(FieldError.coded("documentIds", id, "manual.unknownDocument", "no document " + id, id));
            }
        }
        String to = d.to() != null && !d.to().isBlank() ? d.to().trim()
                : td.contact() == null ? null : channel == OutboxChannel.EMAIL ? td.contact().email() : td.contact().phone();
        if (to == null || to.isBlank()) {
            errors.add(FieldError.coded("to", null, "manual.noRecipient", "the customer's contact has no "
                    + (channel == OutboxChannel.EMAIL ? "e-mail address" : "mobile number") + ": enter one"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        if (templates.list(new Templates.Filter(d.template().trim(), templateChannel, null, null)).isEmpty()) {
            throw ValidationException.coded("template", d.template(), "manual.template", "there is no " + templateChannel + " template " + d.template(),
                    d.template(), templateChannel.name());
        }
        TemplateData withNumbers = attachments.isEmpty() ? td : td.withDocumentNumber(String.join(", ", attachments));
        RenderedMessage m = templates.render(d.template().trim(), templateChannel, locale, tone, withNumbers);
        return new Preview(channel, to, m.subject(), m.text(), channel == OutboxChannel.EMAIL ? m.html() : null, attachments, m.templateVersionId());
    }
}
