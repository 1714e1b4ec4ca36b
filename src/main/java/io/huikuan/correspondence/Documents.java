package io.huikuan.correspondence;

import io.huikuan.common.NotFoundException;
import io.huikuan.common.ValidationException;
import io.huikuan.common.ValidationException.FieldError;
import io.huikuan.customer.CustomerRef;
import io.huikuan.customer.CustomerService;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Documents issued to customers: rendered once, numbered ({@code ST-2026-000001}), stored with their
 * SHA-256 so what was sent can be proven unchanged, and listed on the customer. So far: the statement
 * of account (对账单) for any period.
 */
@Service
public class Documents {

    /** A stored document (without its content). */
    public record Document(long id, String number, String customerCode, String kind, String title, LocalDate periodFrom, LocalDate periodTo,
            String sha256, int sizeBytes, String createdBy, Instant createdAt, LocalDate asOf, java.math.BigDecimal amount, Long taskId,
            boolean draft) {
    }

    /** A document's PDF. */
    public record Content(String number, byte[] bytes) {
    }

    /** The longest period one statement may cover. */
    static final int MAX_DAYS = 3660;

    private final JdbcClient jdbc;
    private final CustomerService customers;
    private final StatementQueries statements;
    private final PdfRenderer pdf;
    private final Clock clock;
    private final io.huikuan.worklist.Activities activities;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final CompanyProfiles profiles;
    private final org.springframework.context.MessageSource messages;

    Documents(JdbcClient jdbc, CustomerService customers, StatementQueries statements, PdfRenderer pdf, Clock clock,
            io.huikuan.worklist.Activities activities, org.springframework.context.ApplicationEventPublisher events, CompanyProfiles profiles,
            org.springframework.context.MessageSource messages) {
        this.profiles = profiles;
        this.messages = messages;
        this.activities = activities;
        this.events = events;
        this.jdbc = jdbc;
        this.customers = customers;
        this.statements = statements;
        this.pdf = pdf;
        this.clock = clock;
    }

    /** The statement of account of a customer for [from, to] (to: today when null), without storing it. */
    @Transactional(readOnly = true)
    public Statement statement(String customerCode, LocalDate from, LocalDate to) {
        return statement(customers.ref(customerCode), from, to);
    }

    private Statement statement(CustomerRef ref, LocalDate from, LocalDate to) {
        LocalDate end = to == null ? LocalDate.now(clock) : to;
        List<FieldError> errors = new ArrayList<>();
        if (from == null) {
            errors.add(FieldError.coded("from", null, "required", "is required (YYYY-MM-DD)"));
        } else if (from.isAfter(end)) {
            errors.add(FieldError.coded("from", from, "statement.from-after-to", "must not be after to (" + end + ")", end));
        } else if (from.plusDays(MAX_DAYS).isBefore(end)) {
            errors.add(FieldError.coded("from", from, "statement.too-long", "a statement covers at most ten years"));
        }
        if (end.isAfter(LocalDate.now(clock))) {
            errors.add(FieldError.coded("to", end, "statement.future", "must not be after today"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return statements.statement(ref.id(), ref.code(), ref.name(), from, end);
    }

    /** Renders the statement as a PDF (in Chinese), numbers and stores it (collectors for their own customers, finance, managers). */
    @Transactional
    public Document issueStatement(String customerCode, LocalDate from, LocalDate to) {
        return issueStatement(customerCode, from, to, Locale.SIMPLIFIED_CHINESE);
    }

    /**
     * Renders the statement as a PDF in the language of {@code locale} (Chinese when null) on the company's letterhead,
     * with its document number (ST-2026-000123) and the seal; numbers and stores it.
     */
    @Transactional
    public Document issueStatement(String customerCode, LocalDate from, LocalDate to, Locale locale) {
        CurrentUser user = CurrentUser.require("issue statements", Role.COLLECTOR, Role.FINANCE, Role.MANAGER, Role.LEGAL);
        Locale lang = locale == null || !"en".equals(locale.getLanguage()) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
        CustomerRef ref = customers.ref(customerCode);
        Statement s = statement(ref, from, to);
        Instant now = Instant.now(clock);
        String title = messages.getMessage("pdf.statement.title", null, "对账单", lang) + " " + s.from() + " – " + s.to();
        // the number is known once the row exists: insert, then render with the number and store the content with it
        long id = reserve(new NewDocument(ref.id(), DocumentKind.STATEMENT, title, s.from(), s.to(), s.to(), s.closing(), null, null, false,
                new byte[0], user.username()), now);
        String number = number(DocumentKind.STATEMENT, now, id);
        byte[] bytes = pdf.render(PdfRenderer.STATEMENT, StatementVariables.of(s, LocalDate.ofInstant(now, clock.getZone()), number,
                profiles.letterhead(), lang, messages), lang);
        jdbc.sql("UPDATE document SET doc_no = ?, sha256 = ?, size_bytes = ?, content = ? WHERE id = ?")
                .params(number, sha256(bytes), bytes.length, bytes, id).update();
        Document doc = get(id);
        issued(doc, ref.id(), null, title, s.closing(), null,
                s.lines().stream().filter(l -> "INVOICE".equals(l.kind())).map(Statement.Line::reference).toList(), user.username(), now);
        return doc;
    }

    /**
     * What issuing a document leaves behind, in the same transaction: an activity on the customer (completing
     * {@code completesTask} when given) and {@link DemandIssued} with the document's number and SHA-256 as evidence.
     */
    void issued(Document doc, long customerId, Long completesTask, String what, java.math.BigDecimal amount, String currency,
            List<String> invoiceNumbers, String by, Instant now) {
        DocumentKind kind = DocumentKind.valueOf(doc.kind());
        activities.recordCorrespondence(customerId, null, completesTask, kind.channel(), doc.number() + " " + what, by);
        events.publishEvent(new DemandIssued(doc.customerCode(), customerId, LocalDate.ofInstant(now, clock.getZone()), now, kind.name(),
                kind.demandsPayment(), amount, currency, invoiceNumbers, "document " + doc.number() + " sha256:" + doc.sha256(), doc.id(), null));
    }

    /**
     * Issues the statements of several customers for one period in one transaction (bulk issuing: one
     * commit for the lot instead of one per statement); each is the document {@link #issueStatement} makes,
     * and if one fails none is stored.
     */
    @Transactional
    public List<Document> issueStatements(List<String> customerCodes, LocalDate from, LocalDate to) {
        List<Document> issued = new ArrayList<>(customerCodes.size());
        for (String code : customerCodes) {
            issued.add(issueStatement(code, from, to));
        }
        return issued;
    }

    /** A rendered document to number and store. */
    record NewDocument(long customerId, DocumentKind kind, String title, LocalDate periodFrom, LocalDate periodTo, LocalDate asOf,
            java.math.BigDecimal amount, Long taskId, Long templateVersionId, boolean draft, byte[] bytes, String createdBy) {
    }

    /** Stores a rendered document in the caller's transaction and numbers it {@code <prefix>-<year>-<id>}; returns its id. */
    long store(NewDocument d, Instant now) {
        long id = reserve(d, now);
        jdbc.sql("UPDATE document SET doc_no = ? WHERE id = ?").params(number(d.kind(), now, id), id).update();
        return id;
    }

    /** Inserts a document (not yet numbered) in the caller's transaction; returns its id. */
    private long reserve(NewDocument d, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO document (customer_id, kind, title, period_from, period_to, as_of, amount, task_id, template_version_id, draft,
                                      sha256, size_bytes, content, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(d.customerId(), d.kind().name(), d.title(), d.periodFrom() == null ? null : Date.valueOf(d.periodFrom()),
                        d.periodTo() == null ? null : Date.valueOf(d.periodTo()), d.asOf() == null ? null : Date.valueOf(d.asOf()), d.amount(),
                        d.taskId(), d.templateVersionId(), d.draft(), sha256(d.bytes()), d.bytes().length, d.bytes(), d.createdBy(),
                        Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Puts the rendered content (and what it states) into a document stored by {@link #store} in the same transaction. */
    void replaceContent(long id, String title, java.math.BigDecimal amount, Long templateVersionId, byte[] bytes) {
        jdbc.sql("UPDATE document SET title = ?, amount = ?, template_version_id = ?, sha256 = ?, size_bytes = ?, content = ? WHERE id = ?")
                .params(title, amount, templateVersionId == null || templateVersionId == 0 ? null : templateVersionId, sha256(bytes), bytes.length,
                        bytes, id)
                .update();
    }

    /** The number a document gets: ST-2026-000001 (statement), DL-… (demand letter) and so on. */
    String number(DocumentKind kind, Instant now, long id) {
        return kind.prefix() + "-" + LocalDate.ofInstant(now, clock.getZone()).getYear() + "-" + String.format("%06d", id);
    }

    /** The customer's documents, newest first (404 for a customer the user may not see). */
    @Transactional(readOnly = true)
    public List<Document> forCustomer(String customerCode) {
        CustomerRef ref = customers.ref(customerCode);
        return jdbc.sql(SELECT + " WHERE d.customer_id = ? ORDER BY d.created_at DESC, d.id DESC").param(ref.id()).query(Documents::map).list();
    }

    /** A document's PDF (404 when unknown or the customer is outside the user's portfolio). */
    @Transactional(readOnly = true)
    public Content content(long id) {
        Document d = get(id);
        customers.ref(d.customerCode());
        byte[] bytes = jdbc.sql("SELECT content FROM document WHERE id = ?").param(id).query(byte[].class).single();
        return new Content(d.number(), bytes);
    }

    Document get(long id) {
        return jdbc.sql(SELECT + " WHERE d.id = ?").param(id).query(Documents::map).optional()
                .orElseThrow(() -> new NotFoundException("document", String.valueOf(id)));
    }

    private static final String SELECT = """
            SELECT d.id, d.doc_no, c.code, d.kind, d.title, d.period_from, d.period_to, d.sha256, d.size_bytes, d.created_by, d.created_at,
                   d.as_of, d.amount, d.task_id, d.draft
            FROM document d JOIN customer c ON c.id = d.customer_id""";

    private static Document map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Date from = rs.getDate(6);
        Date to = rs.getDate(7);
        return new Document(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                from == null ? null : from.toLocalDate(), to == null ? null : to.toLocalDate(), rs.getString(8).trim(), rs.getInt(9),
                rs.getString(10), rs.getTimestamp(11).toInstant(), rs.getDate(12) == null ? null : rs.getDate(12).toLocalDate(),
                rs.getBigDecimal(13), rs.getObject(14) == null ? null : rs.getLong(14), rs.getBoolean(15));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
