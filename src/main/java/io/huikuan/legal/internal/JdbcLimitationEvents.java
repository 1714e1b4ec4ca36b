package io.huikuan.legal.internal;

import io.huikuan.common.InputRules;
import io.huikuan.common.NotFoundException;
import io.huikuan.common.ValidationException;
import io.huikuan.common.ValidationException.FieldError;
import io.huikuan.customer.CustomerRef;
import io.huikuan.customer.CustomerService;
import io.huikuan.identity.CurrentUser;
import io.huikuan.legal.LimitationClock;
import io.huikuan.legal.LimitationEventKind;
import io.huikuan.legal.LimitationEvents;
import io.huikuan.legal.LimitationItem;
import io.huikuan.legal.LimitationStatus;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores limitation events and the invoices they cover (see {@link LimitationEvents}), deciding on the event's
 * date whether it counts for each invoice.
 */
@Service
class JdbcLimitationEvents implements LimitationEvents {

    static final String DEMAND_AFTER_EXPIRY = "does not count: delivered after the period had run for %s (a demand cannot revive an "
            + "expired claim; only the debtor's acknowledgement can, SPC limitation rules art. 19)";
    static final String ACKNOWLEDGED_AFTER_EXPIRY = "acknowledged after the period had run (SPC art. 19) for %s: counts as a new acknowledgement";

    private final JdbcClient jdbc;
    private final CustomerService customers;
    private final LimitationClock limitation;
    private final Clock clock;

    JdbcLimitationEvents(JdbcClient jdbc, CustomerService customers, LimitationClock limitation, Clock clock) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.limitation = limitation;
        this.clock = clock;
    }

    @Override
    @Transactional
    public long record(NewEvent e, String by) {
        List<FieldError> errors = new ArrayList<>();
        CustomerRef ref = null;
        InputRules.textRule("customerCode", e.customerCode()).ifPresent(errors::add);
        InputRules.textRule("evidence", e.evidence()).ifPresent(errors::add);
        InputRules.dateRule("date", e.date()).ifPresent(errors::add);
        if (e.invoiceNos() != null) {
            for (int i = 0; i < e.invoiceNos().size(); i++) {
                InputRules.textRule("invoiceNos[" + i + "]", e.invoiceNos().get(i)).ifPresent(errors::add);
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        if (e.customerCode() == null || e.customerCode().isBlank()) {
            errors.add(new FieldError("customerCode", e.customerCode(), "is required"));
        } else {
            ref = customers.findRef(e.customerCode().strip()).orElse(null);
            if (ref == null) {
                errors.add(new FieldError("customerCode", e.customerCode(), "is not a known customer"));
            }
        }
        LocalDate today = LocalDate.now(clock);
        if (e.date() == null) {
            errors.add(new FieldError("date", null, "is required"));
        } else if (e.date().isAfter(today)) {
            errors.add(new FieldError("date", e.date(), "must be today (" + today + ") or earlier: an event is recorded once it happened"));
        }
        if (e.kind() == null) {
            errors.add(new FieldError("kind", null, "is required: DEMAND_DELIVERED, ACKNOWLEDGED, PROCEEDINGS_FILED or PROCEEDINGS_ENDED"));
        }
        if (e.evidence() == null || e.evidence().isBlank()) {
            errors.add(new FieldError("evidence", e.evidence(), "is required: what proves the event"));
        } else if (e.evidence().length() > 1000) {
            errors.add(new FieldError("evidence", e.evidence().length(), "is at most 1000 characters"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Map<String, Long> invoices = invoices(ref.id(), e.invoiceNos(), e.date());
        Map<Long, Boolean> counts = new LinkedHashMap<>();
        invoices.values().forEach(id -> counts.put(id, e.notCounting() == null));
        String note = e.notCounting();
        if (note == null) {
            note = decide(e.kind(), invoices, counts, e.date());
        }
        boolean any = counts.containsValue(Boolean.TRUE);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO limitation_event (customer_id, event_date, kind, evidence, source, source_ref, attachment_id, counts,
                                              note, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(ref.id(), Date.valueOf(e.date()), e.kind().name(), e.evidence().strip(), e.source() == null ? "MANUAL" : e.source(),
                        e.sourceRef(), e.attachmentId(), any, note == null ? null : cut(note, 500), by, Timestamp.from(Instant.now(clock)))
                .update(key, "id");
        long id = key.getKey().longValue();
        counts.forEach((invoiceId, c) -> jdbc.sql(
                "INSERT INTO limitation_event_invoice (event_id, invoice_id, event_date, kind, counts) VALUES (?, ?, ?, ?, ?)")
                .params(id, invoiceId, Date.valueOf(e.date()), e.kind().name(), c).update());
        return id;
    }

    /**
     * Whether each invoice's clock, as it stood from the facts dated on or before {@code date}, had run out: a
     * demand then does not count for it, an acknowledgement counts and is flagged. Returns the note, or null.
     */
    private String decide(LimitationEventKind kind, Map<String, Long> invoices, Map<Long, Boolean> counts, LocalDate date) {
        if (kind != LimitationEventKind.DEMAND_DELIVERED && kind != LimitationEventKind.ACKNOWLEDGED) {
            return null;
        }
        Map<Long, LimitationItem> clocks = limitation.expiryOf(invoices.values(), date);
        List<String> expired = new ArrayList<>();
        invoices.forEach((no, invoiceId) -> {
            LimitationItem item = clocks.get(invoiceId);
            if (item != null && item.status() == LimitationStatus.EXPIRED) {
                expired.add(no + " (ended " + item.expiresOn() + ")");
                if (kind == LimitationEventKind.DEMAND_DELIVERED) {
                    counts.put(invoiceId, false);
                }
            }
        });
        if (expired.isEmpty()) {
            return null;
        }
        return (kind == LimitationEventKind.DEMAND_DELIVERED ? DEMAND_AFTER_EXPIRY : ACKNOWLEDGED_AFTER_EXPIRY).formatted(String.join(", ", expired));
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** The named invoices of the customer (each must be the customer's), or all its invoices open on {@code date}. */
    private Map<String, Long> invoices(long customerId, List<String> invoiceNos, LocalDate date) {
        Map<String, Long> found = new LinkedHashMap<>();
        if (invoiceNos == null || invoiceNos.isEmpty()) {
            jdbc.sql("""
                    SELECT i.invoice_no, i.id FROM invoice i JOIN balance_period b ON b.invoice_id = i.id
                    WHERE i.customer_id = ? AND b.valid_from <= ? AND (b.valid_to IS NULL OR b.valid_to > ?) ORDER BY i.invoice_no""")
                    .params(customerId, Date.valueOf(date), Date.valueOf(date))
                    .query((rs, n) -> found.put(rs.getString(1), rs.getLong(2))).list();
            if (found.isEmpty()) {
                throw new ValidationException("invoiceNos", null, "the customer has no invoice open on " + date);
            }
            return found;
        }
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < invoiceNos.size(); i++) {
            String no = invoiceNos.get(i);
            List<Long> ids = no == null ? List.of()
                    : jdbc.sql("SELECT id FROM invoice WHERE invoice_no = ? AND customer_id = ?").params(no.strip(), customerId).query(Long.class).list();
            if (ids.isEmpty()) {
                errors.add(new FieldError("invoiceNos[" + i + "]", no, "is not an invoice of this customer"));
            } else {
                found.put(no.strip(), ids.getFirst());
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return found;
    }

    @Override
    public Optional<Event> find(long id) {
        Optional<String> code = jdbc.sql("SELECT c.code FROM limitation_event e JOIN customer c ON c.id = e.customer_id WHERE e.id = ?")
                .param(id).query(String.class).optional();
        if (code.isEmpty()) {
            return Optional.empty();
        }
        CustomerRef ref = customers.findRef(code.get()).orElseThrow();
        if (!CurrentUser.get().mayAccess(ref.owner())) {
            return Optional.empty();
        }
        return events(ref, "e.id = ?", id).stream().findFirst();
    }

    @Override
    public Optional<Long> findBySource(String source, String sourceRef) {
        return jdbc.sql("SELECT id FROM limitation_event WHERE source = ? AND source_ref = ? ORDER BY id").params(source, sourceRef)
                .query(Long.class).list().stream().findFirst();
    }

    @Override
    @Transactional
    public Event enterCourierReceipt(long eventId, String courierNo, LocalDate deliveredOn, String by) {
        Event event = find(eventId).orElseThrow(() -> new NotFoundException("limitation event", String.valueOf(eventId)));
        List<FieldError> errors = new ArrayList<>();
        InputRules.textRule("courierNo", courierNo).ifPresent(errors::add);
        InputRules.dateRule("deliveredOn", deliveredOn).ifPresent(errors::add);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        if (courierNo == null || courierNo.isBlank()) {
            errors.add(new FieldError("courierNo", courierNo, "is required: the courier's tracking number"));
        } else if (courierNo.strip().length() > 64) {
            errors.add(new FieldError("courierNo", courierNo, "is at most 64 characters"));
        }
        LocalDate today = LocalDate.now(clock);
        if (deliveredOn == null) {
            errors.add(new FieldError("deliveredOn", null, "is required: the day the courier delivered the letter"));
        } else if (deliveredOn.isAfter(today)) {
            errors.add(new FieldError("deliveredOn", deliveredOn, "must be today (" + today + ") or earlier"));
        } else if (deliveredOn.isBefore(event.date())) {
            errors.add(new FieldError("deliveredOn", deliveredOn, "must not be before the letter was issued (" + event.date() + ")"));
        }
        if (event.kind() != LimitationEventKind.DEMAND_DELIVERED || !"DOCUMENT".equals(event.source())) {
            errors.add(new FieldError("eventId", eventId, "is not a paper letter: only letters take a courier receipt"));
        } else if (event.counts()) {
            errors.add(new FieldError("eventId", eventId, "already counts: its courier receipt was entered"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Map<String, Long> invoices = new LinkedHashMap<>();
        jdbc.sql("SELECT i.invoice_no, i.id FROM limitation_event_invoice ei JOIN invoice i ON i.id = ei.invoice_id WHERE ei.event_id = ?")
                .param(eventId).query((rs, n) -> invoices.put(rs.getString(1), rs.getLong(2))).list();
        Map<Long, Boolean> counts = new LinkedHashMap<>();
        invoices.values().forEach(id -> counts.put(id, true));
        String note = decide(LimitationEventKind.DEMAND_DELIVERED, invoices, counts, deliveredOn);
        jdbc.sql("""
                UPDATE limitation_event SET event_date = ?, courier_no = ?, delivered_on = ?, counts = ?, note = ?,
                       evidence = ? WHERE id = ?""")
                .params(Date.valueOf(deliveredOn), courierNo.strip(), Date.valueOf(deliveredOn), counts.containsValue(Boolean.TRUE), note,
                        cut(event.evidence() + "; courier receipt " + courierNo.strip() + ", delivered " + deliveredOn + " (entered by " + by + ")", 1000),
                        eventId)
                .update();
        counts.forEach((invoiceId, c) -> jdbc.sql("UPDATE limitation_event_invoice SET event_date = ?, counts = ? WHERE event_id = ? AND invoice_id = ?")
                .params(Date.valueOf(deliveredOn), c, eventId, invoiceId).update());
        return find(eventId).orElseThrow();
    }

    @Override
    public List<Event> timeline(String customerCode, LocalDate asOf) {
        CustomerRef ref = customers.ref(customerCode);
        return events(ref, "e.event_date <= ?", Date.valueOf(asOf));
    }

    private List<Event> events(CustomerRef ref, String condition, Object value) {
        Map<Long, List<String>> invoicesOf = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT ei.event_id, i.invoice_no FROM limitation_event e JOIN limitation_event_invoice ei ON ei.event_id = e.id
                JOIN invoice i ON i.id = ei.invoice_id WHERE e.customer_id = ? AND %s ORDER BY i.invoice_no""".formatted(condition))
                .params(ref.id(), value)
                .query((rs, n) -> invoicesOf.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2))).list();
        return jdbc.sql("""
                SELECT e.id, e.event_date, e.kind, e.evidence, e.source, e.source_ref, e.attachment_id, e.counts, e.note, e.created_by
                FROM limitation_event e WHERE e.customer_id = ? AND %s ORDER BY e.event_date, e.id""".formatted(condition))
                .params(ref.id(), value)
                .query((rs, n) -> new Event(rs.getLong("id"), ref.code(), rs.getDate("event_date").toLocalDate(),
                        LimitationEventKind.valueOf(rs.getString("kind")), rs.getString("evidence"), rs.getString("source"),
                        rs.getString("source_ref"), (Long) rs.getObject("attachment_id", Long.class), rs.getBoolean("counts"), rs.getString("note"),
                        invoicesOf.getOrDefault(rs.getLong("id"), List.of()), rs.getString("created_by")))
                .list();
    }
}
