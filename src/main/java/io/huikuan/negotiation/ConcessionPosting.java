package io.huikuan.negotiation;

import io.huikuan.identity.CurrentUser;
import io.huikuan.ledger.AdjustmentService;
import io.huikuan.ledger.CreditNote;
import io.huikuan.ledger.InvoiceView;
import io.huikuan.ledger.LedgerQueries;
import io.huikuan.ledger.WriteOff;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Posts approved concessions on the ledger when their condition is met, and expires them when it is not met in time.
 * An unconditional one is posted the day it is approved. A condition is met on the first day (on or before payBy) on
 * which what remains open of the concession's invoices, counting only payments, credit notes and write-offs dated that
 * day or earlier, is at most the threshold: a discount's amount (paid in full, net of the discount), or the open amount
 * at proposal less the amount to be paid (a write-off or waiver; a waiver without payAmount: paid in full). A payment
 * dated after payBy never qualifies, whenever it was entered. The credit note or write-off is dated that day; idempotent
 * (the concession's row is locked and posted once).
 */
@Service
public class ConcessionPosting {

    private static final Logger log = LoggerFactory.getLogger(ConcessionPosting.class);

    private final ConcessionQueries queries;
    private final LedgerQueries ledger;
    private final AdjustmentService adjustments;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate perConcession;

    ConcessionPosting(ConcessionQueries queries, LedgerQueries ledger, AdjustmentService adjustments, JdbcClient jdbc, Clock clock,
            PlatformTransactionManager transactions) {
        this.queries = queries;
        this.ledger = ledger;
        this.adjustments = adjustments;
        this.jdbc = jdbc;
        this.clock = clock;
        this.perConcession = new TransactionTemplate(transactions);
        // a savepoint in the caller's transaction (the event listener's), not a second connection beside it
        this.perConcession.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** Every approval is given: APPROVED, and posted at once if unconditional or if its condition is already met. */
    @Transactional
    public void approved(long id) {
        jdbc.sql("UPDATE concession SET status = 'APPROVED', approved_at = ? WHERE id = ? AND status = 'PENDING_APPROVAL'")
                .params(Timestamp.from(clock.instant()), id).update();
        evaluate(id, null);
    }

    /** A payment of the customer was posted: its approved concessions whose condition is now met are posted. */
    public int paymentArrived(String customerCode) {
        int posted = 0;
        for (long id : queries.waiting(customerCode)) {
            posted += each(id, null) == ConcessionStatus.POSTED ? 1 : 0;
        }
        return posted;
    }

    /** After the daily run as of {@code asOf}: conditions met are posted, those whose payBy is before asOf expire. */
    public int runCompleted(LocalDate asOf) {
        int changed = 0;
        for (long id : queries.waiting(null)) {
            ConcessionStatus s = each(id, asOf);
            changed += s == ConcessionStatus.POSTED || s == ConcessionStatus.EXPIRED ? 1 : 0;
        }
        return changed;
    }

    /**
     * One concession under its own savepoint (its own transaction when the caller has none): one that cannot be posted
     * (logged) does not hold up the others, and the caller's connection serves them all.
     */
    private ConcessionStatus each(long id, LocalDate expireAsOf) {
        try {
            return perConcession.execute(s -> evaluate(id, expireAsOf));
        } catch (RuntimeException e) {
            log.error("concession {} could not be evaluated: {}", id, e.getMessage(), e);
            return ConcessionStatus.APPROVED;
        }
    }

    /** Evaluates one approved concession; {@code expireAsOf} set: expires it when its payBy is before that day and unmet. */
    ConcessionStatus evaluate(long id, LocalDate expireAsOf) {
        String status = queries.lockStatus(id).orElseThrow();
        if (!status.equals(ConcessionStatus.APPROVED.name())) {
            return ConcessionStatus.valueOf(status);
        }
        Concession c = queries.find(id).orElseThrow();
        List<Concession.Line> lines = queries.lines(id);
        LocalDate today = LocalDate.now(clock);
        if (!c.conditional()) {
            post(c, lines, today);
            return ConcessionStatus.POSTED;
        }
        Optional<LocalDate> met = metOn(c, lines);
        if (met.isPresent()) {
            LocalDate day = met.get().isBefore(c.proposedOn()) ? c.proposedOn() : met.get();
            post(c, lines, day);
            return ConcessionStatus.POSTED;
        }
        if (expireAsOf != null && c.payBy().isBefore(expireAsOf)) {
            close(id, ConcessionStatus.EXPIRED, c.payBy().plusDays(1), CurrentUser.SYSTEM.username(), "condition not met by " + c.payBy());
            return ConcessionStatus.EXPIRED;
        }
        return ConcessionStatus.APPROVED;
    }

    /** The first day, on or before payBy, on which the condition holds (from facts dated that day or earlier). */
    Optional<LocalDate> metOn(Concession c, List<Concession.Line> lines) {
        BigDecimal threshold = switch (c.kind()) {
            case PROMPT_PAYMENT_DISCOUNT -> c.amount();
            default -> c.payAmount() == null ? BigDecimal.ZERO : c.openAtProposal().subtract(c.payAmount());
        };
        BigDecimal open = BigDecimal.ZERO;
        TreeMap<LocalDate, BigDecimal> reductions = new TreeMap<>();
        for (Concession.Line line : lines) {
            InvoiceView v = ledger.invoice(line.invoiceNo()).orElse(null);
            if (v == null) {
                return Optional.empty();
            }
            open = open.add(v.amount());
            ledger.allocationsOfInvoice(line.invoiceNo()).forEach(a -> reductions.merge(a.paymentDate(), a.amount(), BigDecimal::add));
            adjustments.creditNotes(line.invoiceNo()).forEach(n -> reductions.merge(n.noteDate(), n.amount(), BigDecimal::add));
            adjustments.writeOffs(line.invoiceNo()).forEach(w -> reductions.merge(w.writeOffDate(), w.amount(), BigDecimal::add));
        }
        for (var e : reductions.headMap(c.payBy(), true).entrySet()) {
            open = open.subtract(e.getValue());
            if (open.compareTo(threshold) <= 0) {
                return Optional.of(e.getKey());
            }
        }
        return Optional.empty();
    }

    private void post(Concession c, List<Concession.Line> lines, LocalDate day) {
        BigDecimal posted = c.amount();
        if (c.kind().postsOnLedger()) {
            List<BigDecimal> opens = lines.stream().map(l -> ledger.invoice(l.invoiceNo()).map(InvoiceView::open).orElse(BigDecimal.ZERO)).toList();
            BigDecimal target = c.amount().min(opens.stream().reduce(BigDecimal.ZERO, BigDecimal::add));
            List<BigDecimal> parts = Shares.capped(target, lines.stream().map(Concession.Line::share).toList(), opens);
            List<String> refs = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                refs.add(parts.get(i).signum() > 0 ? postLine(c, i + 1, lines.get(i).invoiceNo(), parts.get(i), day) : null);
            }
            for (int i = 0; i < lines.size(); i++) {
                jdbc.sql("UPDATE concession_invoice SET posted_amount = ?, reference = ? WHERE concession_id = ? AND line_no = ?")
                        .params(parts.get(i), refs.get(i), c.id(), i + 1).update();
            }
            posted = target;
        }
        jdbc.sql("UPDATE concession SET posted_amount = ? WHERE id = ?").params(posted, c.id()).update();
        close(c.id(), ConcessionStatus.POSTED, day, CurrentUser.get().username(), c.conditional() ? "condition met on " + day : null);
        log.info("concession {} ({}) posted on {}: {}", c.id(), c.kind(), day, posted);
    }

    /** The credit note (its number) or write-off (its id) of one invoice, posted as the system on the concession's authority. */
    private String postLine(Concession c, int line, String invoiceNo, BigDecimal amount, LocalDate day) {
        String why = label(c) + " (concession " + c.id() + "): " + c.reason();
        String reason = why.length() > 500 ? why.substring(0, 500) : why;
        return CurrentUser.asSystem(() -> {
            if (c.kind() == ConcessionKind.PROMPT_PAYMENT_DISCOUNT) {
                String no = "CONC-" + c.id() + "-" + line;
                adjustments.creditNote(new CreditNote(no, invoiceNo, day, amount, reason));
                return no;
            }
            return String.valueOf(adjustments.writeOff(new WriteOff(null, invoiceNo, day, amount, reason, null)).id());
        });
    }

    private static String label(Concession c) {
        return c.kind() == ConcessionKind.PROMPT_PAYMENT_DISCOUNT
                ? (c.percent() != null ? c.percent().stripTrailingZeros().toPlainString() + "% " : "") + "prompt-payment discount"
                : "write-off of the remainder";
    }

    /** Ends a concession (POSTED, EXPIRED, REJECTED, CANCELLED): its invoices are free for another one. */
    @Transactional
    public void close(long id, ConcessionStatus status, LocalDate on, String by, String note) {
        jdbc.sql("UPDATE concession SET status = ?, closed_on = ?, closed_by = ?, close_note = ? WHERE id = ?")
                .params(status.name(), Date.valueOf(on), by, note, id).update();
        jdbc.sql("UPDATE concession_invoice SET live_key = NULL WHERE concession_id = ?").param(id).update();
    }
}
