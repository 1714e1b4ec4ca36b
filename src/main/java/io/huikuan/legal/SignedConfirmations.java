package io.huikuan.legal;

import io.huikuan.common.InputRules;
import io.huikuan.common.NotFoundException;
import io.huikuan.common.ValidationException;
import io.huikuan.correspondence.Documents;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The debtor's signed reply to a balance confirmation (对账确认函): issuing the confirmation is no demand and no
 * acknowledgement; the signed reply is the debtor's acknowledgement of the debt (Civil Code art. 195 (2); after the
 * period has run, a new acknowledgement, SPC limitation rules art. 19). Recorded once per confirmation as ACKNOWLEDGED
 * (source CONFIRMATION) for every invoice of the customer open on the day it was signed.
 */
@Service
public class SignedConfirmations {

    private final Documents documents;
    private final LimitationEvents events;
    private final java.time.Clock clock;

    SignedConfirmations(Documents documents, LimitationEvents events, java.time.Clock clock) {
        this.documents = documents;
        this.events = events;
        this.clock = clock;
    }

    /** The customer's issued balance confirmations, newest first. */
    public List<Documents.Document> confirmations(String customerCode) {
        return documents.forCustomer(customerCode).stream().filter(d -> "BALANCE_CONFIRMATION".equals(d.kind()) && !d.draft()).toList();
    }

    /** Whether the signed reply of the confirmation was recorded already. */
    public boolean recorded(long documentId) {
        return events.findBySource("CONFIRMATION", String.valueOf(documentId)).isPresent();
    }

    /** Records the signed reply; legal, managers and admins. Errors name signedOn, evidence or documentId. */
    @Transactional
    public long record(String customerCode, long documentId, LocalDate signedOn, String evidence) {
        CurrentUser user = CurrentUser.require("record signed confirmations", Role.LEGAL, Role.MANAGER);
        Documents.Document doc = confirmations(customerCode).stream().filter(d -> d.id() == documentId).findFirst()
                .orElseThrow(() -> new NotFoundException("balance confirmation", String.valueOf(documentId)));
        if (signedOn == null) {
            throw new ValidationException("signedOn", null, "is required: the day the debtor signed the reply");
        }
        InputRules.checkDate("signedOn", signedOn);
        LocalDate issued = LocalDate.ofInstant(doc.createdAt(), clock.getZone());
        LocalDate today = LocalDate.now(clock);
        if (signedOn.isBefore(issued)) {
            throw new ValidationException("signedOn", signedOn, "must not be before the confirmation was issued (" + issued + ")");
        }
        if (signedOn.isAfter(today)) {
            throw new ValidationException("signedOn", signedOn, "must be today (" + today + ") or earlier");
        }
        InputRules.textRule("evidence", evidence).ifPresent(e -> {
            throw new ValidationException(List.of(e));
        });
        if (recorded(documentId)) {
            throw new ValidationException("documentId", documentId, "its signed reply is already recorded");
        }
        String what = "signed reply to balance confirmation " + doc.number() + " (sha256:" + doc.sha256() + ")"
                + (evidence == null || evidence.isBlank() ? "" : ": " + evidence.strip());
        return events.record(new LimitationEvents.NewEvent(doc.customerCode(), List.of(), signedOn, LimitationEventKind.ACKNOWLEDGED,
                what.length() > 1000 ? what.substring(0, 1000) : what, "CONFIRMATION", String.valueOf(documentId), null), user.username());
    }
}
