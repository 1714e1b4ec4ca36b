package io.huikuan.legal;

import io.huikuan.common.ConflictException;
import io.huikuan.common.NotFoundException;
import io.huikuan.common.ValidationException;
import io.huikuan.common.ValidationException.FieldError;
import io.huikuan.customer.CustomerRef;
import io.huikuan.customer.CustomerService;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import io.huikuan.legal.DocumentStoreProperties.Store;
import io.huikuan.legal.internal.AttachmentFiles;
import io.huikuan.legal.internal.AttachmentRows;
import io.huikuan.legal.internal.AttachmentStore;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The document store for attachments: files uploaded for a customer (contracts, invoices, delivery notes, courier
 * receipts, signed confirmations, judgments ...), with the invoices they concern and, optionally, what they prove
 * (owner kind and id, e.g. a limitation event or a legal case). The SHA-256, size, type, original name, uploader and
 * time are recorded; the SHA-256 is checked whenever the file is read.
 * <p>
 * Who: legal, managers, administrators and finance upload for any customer; a collector uploads for their own customers
 * the papers they collect on the road (delivery and acceptance notes, courier receipts, signed confirmations, bank
 * receipts, other), not contracts, invoices or judgments. Whoever may see the customer may list and download. Only
 * legal and administrators delete, and never a document a limitation event names as its evidence.
 */
@Service
public class Attachments {

    /** A stored attachment (without its content). {@code storage}: DATABASE or FILESYSTEM. */
    public record Attachment(long id, String customerCode, AttachmentCategory category, String fileName, String contentType, long size,
            String sha256, String storage, String description, LocalDate documentDate, List<String> invoiceNos, String ownerKind, String ownerId,
            String uploadedBy, Instant uploadedAt) {
    }

    /**
     * What comes with an uploaded file, as typed (validated here so every error names its field): category, invoice
     * numbers (comma list), description, owner kind and id, the document's own date (YYYY-MM-DD, default today).
     */
    public record Upload(String category, String invoiceNos, String description, String ownerKind, String ownerId, String documentDate) {
    }

    /** A file to serve. */
    public record Content(String fileName, String contentType, byte[] bytes) {
    }

    /** What an attachment may be linked to. */
    public static final Set<String> OWNER_KINDS = Set.of("LIMITATION_EVENT", "CASE", "INVOICE", "PAYMENT", "PROMISE", "DISPUTE", "TASK",
            "CREDIT_APPLICATION",
            "PAYMENT_PLAN");

    /** What a collector may upload (for their own customers). */
    public static final Set<AttachmentCategory> COLLECTOR_CATEGORIES = EnumSet.of(AttachmentCategory.DELIVERY, AttachmentCategory.ACCEPTANCE,
            AttachmentCategory.COURIER_RECEIPT, AttachmentCategory.SIGNED_CONFIRMATION, AttachmentCategory.BANK_RECEIPT, AttachmentCategory.OTHER);

    private final CustomerService customers;
    private final AttachmentRows rows;
    private final AttachmentStore store;
    private final Clock clock;

    Attachments(CustomerService customers, AttachmentRows rows, AttachmentStore store, Clock clock) {
        this.customers = customers;
        this.rows = rows;
        this.store = store;
        this.clock = clock;
    }

    /** The largest file accepted, in bytes. */
    public long maxSize() {
        return store.properties().maxSize().toBytes();
    }

    /** The largest file accepted as people write it: 20MB, 64KB. */
    public String maxSizeText() {
        long b = maxSize();
        return b % (1024 * 1024) == 0 ? b / (1024 * 1024) + "MB" : b % 1024 == 0 ? b / 1024 + "KB" : b + "B";
    }

    /** May the current user upload for customers at all (the customer's portfolio is checked on upload)? */
    public static boolean mayUpload(CurrentUser user) {
        return user.has(Role.ADMIN) || user.has(Role.LEGAL) || user.has(Role.MANAGER) || user.has(Role.FINANCE) || user.has(Role.COLLECTOR);
    }

    /** May the current user delete attachments? */
    public static boolean mayDelete(CurrentUser user) {
        return user.has(Role.ADMIN) || user.has(Role.LEGAL);
    }

    /** The content of an uploaded file, read only once its size is known to be acceptable. */
    @FunctionalInterface
    public interface FileContent {
        byte[] read() throws java.io.IOException;
    }

    /** Stores an uploaded file ({@code bytes} null: no file was sent) for the customer; answers what was stored. */
    @Transactional
    public Attachment upload(String customerCode, String originalName, byte[] bytes, Upload u) {
        return upload(customerCode, originalName, bytes == null ? 0 : bytes.length, () -> bytes, u);
    }

    /**
     * Stores an uploaded file of {@code size} bytes (0: no file was sent) for the customer, reading its content only when
     * the size is within the limit; answers what was stored.
     */
    @Transactional
    public Attachment upload(String customerCode, String originalName, long size, FileContent content, Upload u) {
        CurrentUser user = CurrentUser.require("upload documents", Role.LEGAL, Role.MANAGER, Role.FINANCE, Role.COLLECTOR);
        CustomerRef ref = customers.ref(customerCode);
        List<FieldError> errors = new ArrayList<>();
        String name = AttachmentFiles.sanitise(originalName);
        String contentType = null;
        byte[] bytes = null;
        if (size <= 0) {
            errors.add(FieldError.coded("file", originalName, "attachment.file.required", "is required: choose a non-empty file"));
        } else if (size > maxSize()) {
            errors.add(FieldError.coded("file", size, "attachment.file.too-large", "is " + size + " bytes, larger than the maximum of "
                    + maxSizeText() + " (huikuan.legal.documents.max-size)", maxSizeText()));
        } else {
            bytes = read(content);
            contentType = AttachmentFiles.contentType(name).orElse(null);
            if (contentType == null) {
                errors.add(FieldError.coded("file", name, "attachment.file.type", "'" + name + "' is not an accepted type; allowed: "
                        + AttachmentFiles.ALLOWED, name, AttachmentFiles.ALLOWED));
            } else if (!AttachmentFiles.contentMatches(name, bytes)) {
                errors.add(FieldError.coded("file", name, "attachment.file.content", "the content of '" + name
                        + "' is not what its extension says", name));
            }
        }
        AttachmentCategory category = AttachmentCategory.parse(u.category());
        if (category == null) {
            errors.add(FieldError.coded("category", u.category(), "attachment.category", "must be one of "
                    + Arrays.toString(AttachmentCategory.values()), Arrays.toString(AttachmentCategory.values())));
        } else if (user.portfolioOnly() && !COLLECTOR_CATEGORIES.contains(category)) {
            errors.add(FieldError.coded("category", category, "attachment.category.collector",
                    "a collector may upload only " + COLLECTOR_CATEGORIES + "; contracts, invoices and judgments come from finance or legal"));
        }
        Map<String, Long> invoices = invoices(ref, u.invoiceNos(), errors);
        String description = u.description() == null || u.description().isBlank() ? null : u.description().strip();
        if (description != null && description.length() > 1000) {
            errors.add(FieldError.coded("description", description.length(), "attachment.description", "is at most 1000 characters"));
        }
        String[] owner = owner(ref, u.ownerKind(), u.ownerId(), errors);
        LocalDate today = LocalDate.now(clock);
        LocalDate documentDate = documentDate(u.documentDate(), today, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        AttachmentStore.Stored stored = store.put(bytes, today);
        if (stored.storage() == Store.FILESYSTEM && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        store.remove(Store.FILESYSTEM, stored.key());
                    }
                }
            });
        }
        long id = rows.insert(new AttachmentRows.NewRow(ref.id(), category, name, contentType, bytes.length, stored, description, documentDate,
                owner[0], owner[1], invoices.values(), user.username(), Instant.now(clock)));
        return rows.get(id).orElseThrow();
    }

    /** The customer's attachments, newest first (404 for a customer the user may not see). */
    @Transactional(readOnly = true)
    public List<Attachment> forCustomer(String customerCode) {
        return rows.forCustomer(customers.ref(customerCode).id(), null, null);
    }

    /** The customer's attachments dated on or before {@code asOf}, about the given invoices (empty: all) or none in particular. */
    @Transactional(readOnly = true)
    public List<Attachment> forCustomer(String customerCode, LocalDate asOf, Set<String> invoiceNos) {
        return rows.forCustomer(customers.ref(customerCode).id(), asOf, invoiceNos);
    }

    /** An attachment's description (404 when unknown or its customer is outside the user's portfolio). */
    @Transactional(readOnly = true)
    public Attachment get(long id) {
        Attachment a = rows.get(id).orElseThrow(() -> new NotFoundException("attachment", String.valueOf(id)));
        customers.ref(a.customerCode());
        return a;
    }

    /**
     * An attachment's file, checked against its SHA-256 (409 when it was changed or lost in the store; a read, so it leaves
     * the caller's transaction usable: the evidence pack notes the file and goes on).
     */
    @Transactional(readOnly = true, noRollbackFor = ConflictException.class)
    public Content content(long id) {
        get(id);
        AttachmentRows.Location l = rows.location(id);
        byte[] bytes = store.get(id, l.storage(), l.key(), l.storage() == Store.DATABASE ? rows.content(id) : null, l.sha256());
        return new Content(l.fileName(), l.contentType(), bytes);
    }

    /** Deletes an attachment (legal and administrators), unless a limitation event names it as its evidence (409). */
    @Transactional
    public void delete(long id) {
        CurrentUser.require("delete documents", Role.LEGAL);
        get(id);
        List<Long> events = rows.referencingEvents(id);
        if (!events.isEmpty()) {
            throw new ConflictException("id", "attachment " + id + " is the evidence of limitation event(s) " + events + " and cannot be deleted");
        }
        AttachmentRows.Location l = rows.location(id);
        rows.delete(id);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    store.remove(l.storage(), l.key());
                }
            });
        } else {
            store.remove(l.storage(), l.key());
        }
    }

    private static byte[] read(FileContent content) {
        try {
            return content.read();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("the uploaded file could not be read", e);
        }
    }

    private Map<String, Long> invoices(CustomerRef ref, String list, List<FieldError> errors) {
        Set<String> numbers = new LinkedHashSet<>();
        if (list != null) {
            for (String no : list.split("[,，;\\s]+")) {
                if (!no.isBlank()) {
                    numbers.add(no.strip());
                }
            }
        }
        Map<String, Long> ids = rows.invoiceIds(ref.id(), numbers);
        for (String no : numbers) {
            if (!ids.containsKey(no)) {
                errors.add(FieldError.coded("invoiceNos", no, "attachment.invoice", "invoice " + no + " is not an invoice of customer " + ref.code(),
                        no, ref.code()));
            }
        }
        return ids;
    }

    private String[] owner(CustomerRef ref, String kind, String id, List<FieldError> errors) {
        String k = kind == null || kind.isBlank() ? null : kind.strip().toUpperCase(java.util.Locale.ROOT);
        String i = id == null || id.isBlank() ? null : id.strip();
        if (k == null && i == null) {
            return new String[2];
        }
        if (k == null || !OWNER_KINDS.contains(k)) {
            errors.add(FieldError.coded("ownerKind", kind, "attachment.owner-kind", "must be one of " + new java.util.TreeSet<>(OWNER_KINDS)
                    + " when ownerId is given", new java.util.TreeSet<>(OWNER_KINDS).toString()));
        } else if (i == null || i.length() > 64) {
            errors.add(FieldError.coded("ownerId", id, "attachment.owner-id", "is required with ownerKind (at most 64 characters)"));
        } else if (k.equals("LIMITATION_EVENT") && !(i.matches("\\d{1,18}") && rows.limitationEventOfCustomer(Long.parseLong(i), ref.id()))) {
            errors.add(FieldError.coded("ownerId", i, "attachment.owner-event", "is not a limitation event of customer " + ref.code(), ref.code()));
        } else if (k.equals("CASE") && !(i.matches("\\d{1,18}") && rows.caseOfCustomer(Long.parseLong(i), ref.id()))) {
            errors.add(FieldError.coded("ownerId", i, "attachment.owner-case", "is not a legal case of customer " + ref.code(), ref.code()));
        }
        return new String[] {k, i};
    }

    private static LocalDate documentDate(String value, LocalDate today, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return today;
        }
        try {
            LocalDate d = LocalDate.parse(value.strip());
            if (d.isAfter(today)) {
                errors.add(FieldError.coded("documentDate", value, "attachment.document-date.future", "must not be after today (" + today + ")", today));
            } else if (d.getYear() < 1900) {
                errors.add(FieldError.coded("documentDate", value, "date.format", "must be a date YYYY-MM-DD"));
            }
            return d;
        } catch (java.time.format.DateTimeParseException e) {
            errors.add(FieldError.coded("documentDate", value, "date.format", "must be a date YYYY-MM-DD"));
            return today;
        }
    }
}
