package io.huikuan.legal.internal;

import io.huikuan.legal.AttachmentCategory;
import io.huikuan.legal.Attachments.Attachment;
import io.huikuan.legal.DocumentStoreProperties.Store;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** The SQL of the document store: the {@code attachment} rows and the invoices they concern. */
@Component
public class AttachmentRows {

    /** A row to insert. */
    public record NewRow(long customerId, AttachmentCategory category, String fileName, String contentType, long size,
            AttachmentStore.Stored stored, String description, LocalDate documentDate, String ownerKind, String ownerId,
            Collection<Long> invoiceIds, String uploadedBy, Instant uploadedAt) {
    }

    /** Where a row's bytes are. */
    public record Location(long id, String customerCode, String fileName, String contentType, Store storage, String key, String sha256) {
    }

    private final JdbcClient jdbc;

    AttachmentRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(NewRow r) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO attachment (customer_id, category, file_name, content_type, size_bytes, sha256, storage, storage_key, content,
                                        description, document_date, owner_kind, owner_id, uploaded_by, uploaded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(r.customerId(), r.category().name(), r.fileName(), r.contentType(), r.size(), r.stored().sha256(),
                        r.stored().storage().name(), r.stored().key(), r.stored().content(), r.description(), Date.valueOf(r.documentDate()),
                        r.ownerKind(), r.ownerId(), r.uploadedBy(), Timestamp.from(r.uploadedAt()))
                .update(key, "id");
        long id = key.getKey().longValue();
        for (long invoiceId : r.invoiceIds()) {
            jdbc.sql("INSERT INTO attachment_invoice (attachment_id, invoice_id) VALUES (?, ?)").params(id, invoiceId).update();
        }
        return id;
    }

    /** The ids of the customer's invoices by number; numbers not found (or another customer's) are missing from the map. */
    public Map<String, Long> invoiceIds(long customerId, Collection<String> invoiceNos) {
        Map<String, Long> ids = new HashMap<>();
        for (String no : invoiceNos) {
            jdbc.sql("SELECT id FROM invoice WHERE invoice_no = ? AND customer_id = ?").params(no, customerId).query(Long.class).optional()
                    .ifPresent(id -> ids.put(no, id));
        }
        return ids;
    }

    public boolean limitationEventOfCustomer(long eventId, long customerId) {
        return jdbc.sql("SELECT COUNT(*) FROM limitation_event WHERE id = ? AND customer_id = ?").params(eventId, customerId)
                .query(Long.class).single() > 0;
    }

    public boolean caseOfCustomer(long caseId, long customerId) {
        return jdbc.sql("SELECT COUNT(*) FROM legal_case WHERE id = ? AND customer_id = ?").params(caseId, customerId).query(Long.class).single() > 0;
    }

    /** The limitation events that name the attachment as their evidence. */
    public List<Long> referencingEvents(long id) {
        return jdbc.sql("SELECT id FROM limitation_event WHERE attachment_id = ? ORDER BY id").param(id).query(Long.class).list();
    }

    public Optional<Attachment> get(long id) {
        return withInvoices(jdbc.sql(SELECT + " WHERE a.id = ?").param(id).query(AttachmentRows::map).list()).stream().findFirst();
    }

    /**
     * The customer's attachments dated on or before {@code asOf} (all when null), newest first; with {@code invoiceNos} not
     * empty only those about one of these invoices or about none in particular (a framework contract).
     */
    public List<Attachment> forCustomer(long customerId, LocalDate asOf, Collection<String> invoiceNos) {
        List<Attachment> all = withInvoices(jdbc.sql(SELECT + " WHERE a.customer_id = ? AND a.document_date <= ? ORDER BY a.document_date DESC, a.id DESC")
                .params(customerId, Date.valueOf(asOf == null ? LocalDate.of(9999, 12, 31) : asOf)).query(AttachmentRows::map).list());
        if (invoiceNos == null || invoiceNos.isEmpty()) {
            return all;
        }
        return all.stream().filter(a -> a.invoiceNos().isEmpty() || a.invoiceNos().stream().anyMatch(invoiceNos::contains)).toList();
    }

    public Location location(long id) {
        return jdbc.sql("""
                SELECT a.id, c.code, a.file_name, a.content_type, a.storage, a.storage_key, a.sha256
                FROM attachment a JOIN customer c ON c.id = a.customer_id WHERE a.id = ?""").param(id)
                .query((rs, n) -> new Location(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), Store.valueOf(rs.getString(5)),
                        rs.getString(6), rs.getString(7).strip()))
                .single();
    }

    /** The bytes kept in the row (database store), null for the filesystem store. */
    public byte[] content(long id) {
        return jdbc.sql("SELECT content FROM attachment WHERE id = ?").param(id).query(byte[].class).optional().orElse(null);
    }

    public void delete(long id) {
        jdbc.sql("DELETE FROM attachment_invoice WHERE attachment_id = ?").param(id).update();
        jdbc.sql("DELETE FROM attachment WHERE id = ?").param(id).update();
    }

    private List<Attachment> withInvoices(List<Attachment> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, List<String>> numbers = new HashMap<>();
        List<Long> ids = rows.stream().map(Attachment::id).toList();
        for (int from = 0; from < ids.size(); from += 500) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            jdbc.sql("SELECT ai.attachment_id, i.invoice_no FROM attachment_invoice ai JOIN invoice i ON i.id = ai.invoice_id "
                    + "WHERE ai.attachment_id IN (:ids) ORDER BY i.invoice_no").param("ids", chunk)
                    .query((ResultSet rs) -> {
                        numbers.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                    });
        }
        return rows.stream().map(a -> new Attachment(a.id(), a.customerCode(), a.category(), a.fileName(), a.contentType(), a.size(), a.sha256(),
                a.storage(), a.description(), a.documentDate(), List.copyOf(numbers.getOrDefault(a.id(), List.of())), a.ownerKind(), a.ownerId(),
                a.uploadedBy(), a.uploadedAt())).toList();
    }

    private static final String SELECT = """
            SELECT a.id, c.code, a.category, a.file_name, a.content_type, a.size_bytes, a.sha256, a.storage, a.description, a.document_date,
                   a.owner_kind, a.owner_id, a.uploaded_by, a.uploaded_at
            FROM attachment a JOIN customer c ON c.id = a.customer_id""";

    private static Attachment map(ResultSet rs, int n) throws SQLException {
        return new Attachment(rs.getLong(1), rs.getString(2), AttachmentCategory.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5),
                rs.getLong(6), rs.getString(7).strip(), rs.getString(8), rs.getString(9), rs.getDate(10).toLocalDate(), List.of(), rs.getString(11),
                rs.getString(12), rs.getString(13), rs.getTimestamp(14).toInstant());
    }
}
