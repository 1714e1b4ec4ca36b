package io.huikuan.legal;

import io.huikuan.common.NotFoundException;
import io.huikuan.common.ValidationException;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The evidence of a limitation event: an uploaded document (a courier receipt, the signed confirmation, the recording
 * or written confirmation of a promise) linked to the event and kept in the document store with its SHA-256, so the
 * evidence pack shows what proves each interruption. An oral promise recorded without counting (it counts only with
 * evidence, {@code huikuan.legal.limitation.oral-promises-with-evidence}) counts from its date once evidence is attached:
 * the debtor's agreement to perform (SPC limitation rules art. 14) is then proven.
 */
@Service
public class LimitationEvidence {

    /** The categories a file attached to an event may have. */
    static final Set<AttachmentCategory> CATEGORIES = Set.of(AttachmentCategory.COURIER_RECEIPT, AttachmentCategory.SIGNED_CONFIRMATION,
            AttachmentCategory.JUDGMENT, AttachmentCategory.BANK_RECEIPT, AttachmentCategory.OTHER);

    static final String ORAL_WAITING = "oral promise: counts only";

    private final JdbcClient jdbc;
    private final LimitationEvents events;
    private final Attachments attachments;

    LimitationEvidence(JdbcClient jdbc, LimitationEvents events, Attachments attachments) {
        this.jdbc = jdbc;
        this.events = events;
        this.attachments = attachments;
    }

    /**
     * Stores {@code fileName} as the evidence of event {@code eventId} (category null: a courier receipt for a letter,
     * a signed confirmation for an acknowledgement, other papers otherwise) and links it; answers the event.
     */
    @Transactional
    public LimitationEvents.Event upload(long eventId, String fileName, long size, Attachments.FileContent content, String category) {
        CurrentUser user = CurrentUser.require("attach evidence to limitation events", Role.LEGAL, Role.MANAGER, Role.FINANCE);
        LimitationEvents.Event event = event(eventId);
        String cat = category == null || category.isBlank() ? defaultCategory(event).name() : category.strip();
        if (CATEGORIES.stream().noneMatch(c -> c.name().equals(cat))) {
            throw new ValidationException("category", category, "must be one of " + CATEGORIES.stream().map(Enum::name).sorted().toList());
        }
        Attachments.Attachment a = attachments.upload(event.customerCode(), fileName, size, content,
                new Attachments.Upload(cat, String.join(",", event.invoiceNos()), "limitation event " + eventId, "LIMITATION_EVENT",
                        String.valueOf(eventId), event.date().toString()));
        return link(event, a, user.username());
    }

    /** Links an attachment already uploaded for the event's customer as the event's evidence; answers the event. */
    @Transactional
    public LimitationEvents.Event attach(long eventId, long attachmentId) {
        CurrentUser user = CurrentUser.require("attach evidence to limitation events", Role.LEGAL, Role.MANAGER, Role.FINANCE);
        LimitationEvents.Event event = event(eventId);
        Attachments.Attachment a;
        try {
            a = attachments.get(attachmentId);
        } catch (NotFoundException e) {
            throw new ValidationException("attachmentId", attachmentId, "is not a stored document");
        }
        if (!a.customerCode().equals(event.customerCode())) {
            throw new ValidationException("attachmentId", attachmentId, "is a document of another customer");
        }
        return link(event, a, user.username());
    }

    private LimitationEvents.Event event(long eventId) {
        LimitationEvents.Event event = events.find(eventId).orElseThrow(() -> new NotFoundException("limitation event", String.valueOf(eventId)));
        // a collector outside the customer's portfolio gets a 404 from the customer lookup in the attachments
        return event;
    }

    private LimitationEvents.Event link(LimitationEvents.Event event, Attachments.Attachment a, String by) {
        boolean oralWaiting = !event.counts() && "PROMISE".equals(event.source()) && event.note() != null && event.note().startsWith(ORAL_WAITING);
        String evidence = cut(event.evidence() + "; evidence " + a.fileName() + " sha256:" + a.sha256() + " (attached by " + by + ")", 1000);
        if (oralWaiting) {
            jdbc.sql("UPDATE limitation_event SET attachment_id = ?, evidence = ?, counts = TRUE, note = ? WHERE id = ?")
                    .params(a.id(), evidence, "oral promise: counts from its date, evidence attached", event.id()).update();
            jdbc.sql("UPDATE limitation_event_invoice SET counts = TRUE WHERE event_id = ?").param(event.id()).update();
        } else {
            jdbc.sql("UPDATE limitation_event SET attachment_id = ?, evidence = ? WHERE id = ?").params(a.id(), evidence, event.id()).update();
        }
        return events.find(event.id()).orElseThrow();
    }

    private static AttachmentCategory defaultCategory(LimitationEvents.Event e) {
        if ("DOCUMENT".equals(e.source())) {
            return AttachmentCategory.COURIER_RECEIPT;
        }
        return e.kind() == LimitationEventKind.ACKNOWLEDGED && !"PROMISE".equals(e.source()) ? AttachmentCategory.SIGNED_CONFIRMATION
                : AttachmentCategory.OTHER;
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
