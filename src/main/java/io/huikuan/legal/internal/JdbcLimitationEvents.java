package io.huikuan.legal.internal;

import io.huikuan.common.ValidationException;
import io.huikuan.common.ValidationException.FieldError;
import io.huikuan.customer.CustomerRef;
import io.huikuan.customer.CustomerService;
import io.huikuan.legal.LimitationEventKind;
import io.huikuan.legal.LimitationEvents;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stores limitation events and the invoices they cover (see {@link LimitationEvents}). */
@Service
class JdbcLimitationEvents implements LimitationEvents {

    private final JdbcClient jdbc;
    private final CustomerService customers;
    private final Clock clock;

    JdbcLimitationEvents(JdbcClient jdbc, CustomerService customers, Clock clock) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.clock = clock;
    }

    @Override
    @Transactional
    public long record(NewEvent e, String by) {
        List<FieldError> errors = new ArrayList<>();
        if (e.date() == null) {
            errors.add(new FieldError("date", null, "is required"));
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
        CustomerRef ref = customers.ref(e.customerCode());
        Map<String, Long> invoices = invoices(ref.id(), e.invoiceNos(), e.date());
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO limitation_event (customer_id, event_date, kind, evidence, source, source_ref, attachment_id, counts,
                                              note, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, TRUE, NULL, ?, ?)""")
                .params(ref.id(), Date.valueOf(e.date()), e.kind().name(), e.evidence().strip(), e.source() == null ? "MANUAL" : e.source(),
                        e.sourceRef(), e.attachmentId(), by, Timestamp.from(Instant.now(clock)))
                .update(key, "id");
        long id = key.getKey().longValue();
        for (long invoiceId : invoices.values()) {
            jdbc.sql("INSERT INTO limitation_event_invoice (event_id, invoice_id, event_date, kind, counts) VALUES (?, ?, ?, ?, TRUE)")
                    .params(id, invoiceId, Date.valueOf(e.date()), e.kind().name()).update();
        }
        return id;
    }

    /** The named invoices of the customer (each must be the customer's), or all its invoices open on {@code date}. */
    private Map<String, Long> invoices(long customerId, List<String> invoiceNos, LocalDate date) {
        Map<String, Long> found = new LinkedHashMap<>();
        if (invoiceNos == null || invoiceNos.isEmpty()) {
            jdbc.sql("""
                    SELECT i.invoice_no, i.id FROM balance_period b JOIN invoice i ON i.id = b.invoice_id
                    WHERE b.customer_id = ? AND b.valid_from <= ? AND (b.valid_to IS NULL OR b.valid_to > ?) ORDER BY i.invoice_no""")
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
            List<Long> ids = jdbc.sql("SELECT id FROM invoice WHERE invoice_no = ? AND customer_id = ?").params(no, customerId)
                    .query(Long.class).list();
            if (ids.isEmpty()) {
                errors.add(new FieldError("invoiceNos[" + i + "]", no, "is not an invoice of this customer"));
            } else {
                found.put(no, ids.getFirst());
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return found;
    }

    @Override
    public List<Event> timeline(String customerCode, LocalDate asOf) {
        CustomerRef ref = customers.ref(customerCode);
        Map<Long, List<String>> invoicesOf = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT ei.event_id, i.invoice_no FROM limitation_event e JOIN limitation_event_invoice ei ON ei.event_id = e.id
                JOIN invoice i ON i.id = ei.invoice_id WHERE e.customer_id = ? AND e.event_date <= ? ORDER BY i.invoice_no""")
                .params(ref.id(), Date.valueOf(asOf))
                .query((rs, n) -> invoicesOf.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2))).list();
        return jdbc.sql("""
                SELECT id, event_date, kind, evidence, source, source_ref, attachment_id, counts, note, created_by
                FROM limitation_event WHERE customer_id = ? AND event_date <= ? ORDER BY event_date, id""")
                .params(ref.id(), Date.valueOf(asOf))
                .query((rs, n) -> new Event(rs.getLong("id"), ref.code(), rs.getDate("event_date").toLocalDate(),
                        LimitationEventKind.valueOf(rs.getString("kind")), rs.getString("evidence"), rs.getString("source"),
                        rs.getString("source_ref"), (Long) rs.getObject("attachment_id", Long.class), rs.getBoolean("counts"), rs.getString("note"),
                        invoicesOf.getOrDefault(rs.getLong("id"), List.of()), rs.getString("created_by")))
                .list();
    }
}
