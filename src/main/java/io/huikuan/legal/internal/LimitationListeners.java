package io.huikuan.legal.internal;

import io.huikuan.correspondence.DemandIssued;
import io.huikuan.identity.CurrentUser;
import io.huikuan.legal.LimitationEventKind;
import io.huikuan.legal.LimitationEvents;
import io.huikuan.legal.LimitationProperties;
import io.huikuan.worklist.PromiseMade;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Limitation events from what Huikuan already records, each once per source (source, source_ref):
 * <ul>
 * <li>a delivered message that demands payment (e-mail, SMS, chat): DEMAND_DELIVERED on the day the server
 * accepted it (SPC limitation rules art. 8: a data message reaching the system the debtor designated is delivered),
 * if the settings count that channel;</li>
 * <li>an issued PDF letter that demands payment: recorded not counting until its courier receipt is entered (then
 * it counts from the delivery day, art. 8: a letter is delivered when it reached the debtor);</li>
 * <li>a promise to pay: ACKNOWLEDGED for every invoice of the customer open that day (art. 14: asking for time and
 * promising to pay are agreement to perform), counting when made in writing; an oral one is recorded not
 * counting (it counts once legal records it with evidence attached).</li>
 * </ul>
 * A statement or a balance confirmation is not a demand; the debtor's signed confirmation is recorded by hand as
 * ACKNOWLEDGED.
 */
@Component
class LimitationListeners {

    private static final Logger log = LoggerFactory.getLogger(LimitationListeners.class);

    static final String LETTER_WAITS = "counts once the courier receipt is entered";

    private final LimitationEvents events;
    private final LimitationProperties settings;
    private final JdbcClient jdbc;

    LimitationListeners(LimitationEvents events, LimitationProperties settings, JdbcClient jdbc) {
        this.events = events;
        this.settings = settings;
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void demandIssued(DemandIssued d) {
        if (!d.demandsPayment()) {
            return;
        }
        if (d.messageId() != null) {
            String off = switch (d.kind()) {
                case "EMAIL" -> settings.emailDemands() ? null : "e-mail demands are switched off in the settings";
                case "SMS" -> settings.smsDemands() ? null : "SMS demands are switched off in the settings";
                default -> settings.chatDemands() ? null : "chat demands are switched off in the settings";
            };
            record(d, "MESSAGE", String.valueOf(d.messageId()), off);
        } else if (d.documentId() != null) {
            record(d, "DOCUMENT", String.valueOf(d.documentId()),
                    settings.letterDemands() ? LETTER_WAITS : "letters are switched off in the settings");
        }
    }

    private void record(DemandIssued d, String source, String ref, String notCounting) {
        if (events.findBySource(source, ref).isPresent()) {
            return;
        }
        List<String> invoices = d.invoiceNumbers();
        if (invoices.isEmpty() && !hasOpenInvoice(d.customerId(), d.date())) {
            log.debug("demand {} {} for {}: no invoice open on {}, nothing to interrupt", source, ref, d.customerCode(), d.date());
            return;
        }
        CurrentUser.runAsSystem(() -> events.record(new LimitationEvents.NewEvent(d.customerCode(), invoices, d.date(),
                LimitationEventKind.DEMAND_DELIVERED, d.kind() + ": " + d.evidence(), source, ref, null, notCounting), "system"));
    }

    @ApplicationModuleListener
    void promiseMade(PromiseMade p) {
        String ref = String.valueOf(p.promiseId());
        if (events.findBySource("PROMISE", ref).isPresent() || !hasOpenInvoice(p.customerId(), p.madeOn())) {
            return;
        }
        String notCounting = null;
        if (p.written() && !settings.writtenPromises()) {
            notCounting = "written promises are switched off in the settings";
        } else if (!p.written()) {
            notCounting = settings.oralPromisesWithEvidence()
                    ? "oral promise: counts only with evidence attached (attach the recording or a written confirmation to this event)"
                    : "oral promises do not count (settings)";
        }
        String evidence = "promise " + p.promiseId() + " by " + (p.channel() == null ? "unknown channel" : p.channel().name().toLowerCase())
                + " on " + p.madeOn() + " to pay " + p.amount().toPlainString() + " " + p.currency() + " by " + p.promisedDate()
                + (p.notes() == null ? "" : ": " + p.notes());
        String note = notCounting;
        CurrentUser.runAsSystem(() -> events.record(new LimitationEvents.NewEvent(p.customerCode(), List.of(), p.madeOn(),
                LimitationEventKind.ACKNOWLEDGED, evidence.length() > 1000 ? evidence.substring(0, 1000) : evidence, "PROMISE", ref, null, note),
                p.createdBy()));
    }

    private boolean hasOpenInvoice(long customerId, java.time.LocalDate date) {
        return jdbc.sql("SELECT count(*) FROM invoice i JOIN balance_period b ON b.invoice_id = i.id WHERE i.customer_id = ? AND b.valid_from <= ? AND (b.valid_to IS NULL OR b.valid_to > ?)")
                .params(customerId, java.sql.Date.valueOf(date), java.sql.Date.valueOf(date)).query(Long.class).single() > 0;
    }
}
