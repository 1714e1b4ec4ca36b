package io.huikuan.portal;

import io.huikuan.common.ValidationException;
import io.huikuan.common.ValidationException.FieldError;
import io.huikuan.correspondence.TemplateData;
import io.huikuan.correspondence.TemplateDataBuilder;
import io.huikuan.customer.CustomerRef;
import io.huikuan.customer.CustomerService;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import io.huikuan.ledger.DisputeCategory;
import io.huikuan.ledger.DisputeService;
import io.huikuan.legal.LimitationEventKind;
import io.huikuan.legal.LimitationEvents;
import io.huikuan.worklist.Channel;
import io.huikuan.worklist.SystemTasks;
import io.huikuan.worklist.TaskKind;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Balance confirmation (对账确认) through the debtor portal: the statement shown, the answer stored with the exact
 * statement (text and SHA-256), time, IP, user agent and link, and its legal effect: an AGREE (the statement's total)
 * or a DISAGREE's acknowledged amount is an acknowledgement of the debt (a limitation event ACKNOWLEDGED, source
 * PORTAL_CONFIRMATION); a DISAGREE's per-invoice differences open reconciliation disputes owned by finance, a
 * DISAGREE without them a finance task; an AGREE resolves the open reconciliation disputes on the statement's invoices
 * (WITHDRAWN); the customer's owner gets a follow-up task either way.
 */
@Service
public class BalanceConfirmations {

    /** The source of the limitation events confirmations record. */
    public static final String SOURCE = "PORTAL_CONFIRMATION";

    /**
     * What the debtor posted; amounts as text so a bad one is named. {@code disputed}: invoice number → the amount
     * of it the debtor disputes (blank entries ignored). {@code signatureImage}: the drawn signature, a PNG data URL (optional).
     */
    public record Answer(String answer, String name, String title, String acknowledgedAmount, String differences, String signature,
            String statementSha256, Map<String, String> disputed, String signatureImage) {

        public Answer(String answer, String name, String title, String acknowledgedAmount, String differences, String signature,
                String statementSha256, Map<String, String> disputed) {
            this(answer, name, title, acknowledgedAmount, differences, signature, statementSha256, disputed, null);
        }
    }

    /** Where the answer came from. */
    public record Origin(String ip, String userAgent) {
    }

    private final TemplateDataBuilder data;
    private final CustomerService customers;
    private final LimitationEvents limitation;
    private final DisputeService disputes;
    private final SystemTasks tasks;
    private final JdbcClient jdbc;
    private final Clock clock;

    BalanceConfirmations(TemplateDataBuilder data, CustomerService customers, LimitationEvents limitation, DisputeService disputes,
            SystemTasks tasks, JdbcClient jdbc, Clock clock) {
        this.data = data;
        this.customers = customers;
        this.limitation = limitation;
        this.disputes = disputes;
        this.tasks = tasks;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The visitor's customer's statement as of today: its open invoices (overdue and not yet due) and their total. */
    public BalanceStatement statement(PortalVisitor visitor) {
        LocalDate today = LocalDate.now(clock);
        TemplateData d = CurrentUser.asSystem(() -> data.forCustomer(visitor.customerCode(), today));
        List<BalanceStatement.Line> lines = new ArrayList<>();
        for (TemplateData.InvoiceRow r : d.invoices()) {
            lines.add(new BalanceStatement.Line(r.number(), r.dueDate(), r.open().setScale(2), r.currency()));
        }
        for (TemplateData.InvoiceRow r : d.upcoming()) {
            lines.add(new BalanceStatement.Line(r.number(), r.dueDate(), r.open().setScale(2), r.currency()));
        }
        lines.sort(java.util.Comparator.comparing(BalanceStatement.Line::dueDate).thenComparing(BalanceStatement.Line::number));
        BigDecimal total = lines.stream().map(BalanceStatement.Line::open).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
        return new BalanceStatement(visitor.customerCode(), d.customer().name(), today, lines, total);
    }

    /**
     * Stores the visitor's answer to today's statement and applies its effect, all in one transaction. Bad input:
     * {@link ValidationException} naming the field; a statement that changed since the page was shown: field
     * {@code statementSha256}, code {@code portal.confirmation.stale}.
     */
    @Transactional
    public BalanceConfirmation confirm(PortalVisitor visitor, Answer a, Origin origin) {
        BalanceStatement s = statement(visitor);
        List<FieldError> errors = new ArrayList<>();
        String answer = a.answer() == null ? "" : a.answer().trim();
        if (!answer.equals("AGREE") && !answer.equals("DISAGREE")) {
            errors.add(FieldError.coded("answer", a.answer(), "portal.confirmation.answer", "must be AGREE or DISAGREE"));
        }
        String name = text(errors, "name", a.name(), true, 100);
        String title = text(errors, "title", a.title(), false, 100);
        String signature = text(errors, "signature", a.signature(), false, 100);
        String differences = text(errors, "differences", a.differences(), false, 2000);
        String drawn = io.huikuan.portal.internal.DrawnSignatures.check(errors, a.signatureImage());
        BigDecimal acknowledged = null;
        Map<String, BigDecimal> disputed = new LinkedHashMap<>();
        if (answer.equals("DISAGREE")) {
            acknowledged = amount(errors, "acknowledgedAmount", a.acknowledgedAmount(), true);
            if (acknowledged != null && acknowledged.compareTo(s.total()) > 0) {
                errors.add(FieldError.coded("acknowledgedAmount", a.acknowledgedAmount(), "portal.confirmation.exceedsTotal",
                        "must not exceed the statement's total " + s.total().toPlainString(), s.total().toPlainString()));
            }
            Map<String, BigDecimal> open = new LinkedHashMap<>();
            s.lines().forEach(l -> open.put(l.number(), l.open()));
            if (a.disputed() != null) {
                a.disputed().forEach((no, value) -> {
                    if (!open.containsKey(no)) {
                        if (value != null && !value.isBlank()) {
                            errors.add(FieldError.coded("disputed", no, "portal.confirmation.unknownInvoice", "not an invoice of this statement"));
                        }
                        return;
                    }
                    BigDecimal v = amount(errors, "disputed[" + no + "]", value, false);
                    if (v != null && v.compareTo(open.get(no)) > 0) {
                        errors.add(FieldError.coded("disputed[" + no + "]", value, "portal.confirmation.exceedsInvoice",
                                "must not exceed the invoice's open amount " + open.get(no).toPlainString(), open.get(no).toPlainString()));
                    } else if (v != null && v.signum() > 0) {
                        disputed.put(no, v);
                    }
                });
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        if (a.statementSha256() == null || !a.statementSha256().equals(s.sha256())) {
            throw ValidationException.coded("statementSha256", a.statementSha256(), "portal.confirmation.stale",
                    "the statement changed since the page was shown; check the new statement and answer again");
        }
        String by = "portal:" + visitor.linkId();
        org.springframework.jdbc.support.GeneratedKeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO portal_confirmation (customer_id, link_id, answer, amount, acknowledged_amount, differences, name, title, signature,
                                                 statement_text, statement_sha256, confirmed_at, ip, user_agent, signature_image)
                VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""")
                .params(visitor.customerId(), visitor.linkId(), answer, s.total(), acknowledged, differences, name, title,
                        signature == null ? name : signature, s.text(), s.sha256(), Timestamp.from(Instant.now(clock)), cut(origin.ip(), 64),
                        origin.userAgent() == null ? null : cut(origin.userAgent(), 500), drawn)
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        BigDecimal ack = answer.equals("AGREE") ? s.total() : acknowledged;
        String ackText = ack.toPlainString();
        BigDecimal finalAck = ack;
        String finalDifferences = differences;
        CurrentUser.runAsSystem(() -> effects(visitor, s, id, answer, finalAck, finalDifferences, disputed, by, ackText));
        return find(id);
    }

    private void effects(PortalVisitor visitor, BalanceStatement s, long id, String answer, BigDecimal ack, String differences,
            Map<String, BigDecimal> disputed, String by, String ackText) {
        LocalDate today = s.asOf();
        if (ack.signum() > 0 && !s.lines().isEmpty()) {
            List<String> acknowledged = s.invoiceNumbers().stream().filter(n -> !disputed.containsKey(n)).toList();
            limitation.record(new LimitationEvents.NewEvent(s.customerCode(), acknowledged.isEmpty() ? s.invoiceNumbers() : acknowledged, today,
                    LimitationEventKind.ACKNOWLEDGED, "对账确认 / balance confirmation #" + id + " via the debtor portal ("
                            + answer + ", acknowledged " + ackText + ", statement SHA-256 " + s.sha256() + ")",
                    SOURCE, String.valueOf(id), null), by);
        }
        if (answer.equals("AGREE")) {
            closeReconciliationDifferences(s, id);
        }
        String reason = "对账差异 (portal confirmation #" + id + ")" + (differences == null ? "" : ": " + differences);
        disputed.forEach((no, amount) -> disputes.open(no, new DisputeService.NewDispute(today, cut(reason, 1000), amount, "RECONCILIATION",
                "FINANCE", null, null)));
        CustomerRef ref = customers.ref(s.customerCode());
        String link = "/customers/" + s.customerCode();
        if (answer.equals("DISAGREE") && disputed.isEmpty()) {
            tasks.open(new SystemTasks.NewTask(ref.id(), "PORTAL-DIFF-" + id, TaskKind.FOLLOW_UP, Channel.PHONE, Role.FINANCE, null, today,
                    s.total().subtract(ack), 0, cut("portal-confirmation-difference|" + s.total().toPlainString() + "|" + ackText + "|"
                            + (differences == null ? "" : differences.replace('|', '/')), 1000), link));
        }
        tasks.open(new SystemTasks.NewTask(ref.id(), "PORTAL-CONF-" + id, TaskKind.FOLLOW_UP, Channel.PHONE, Role.COLLECTOR, ref.owner(), today,
                s.total(), 0, "portal-confirmation|" + answer + "|" + s.total().toPlainString() + "|" + ackText, link));
    }

    /**
     * An AGREE closes the reconciliation difference: the open RECONCILIATION disputes on the statement's invoices are
     * resolved as WITHDRAWN on the confirmation day (other categories stay open).
     */
    private void closeReconciliationDifferences(BalanceStatement s, long id) {
        String note = "balance confirmed by the debtor on the portal, confirmation #" + id;
        for (String no : s.invoiceNumbers()) {
            disputes.list(no).stream().filter(d -> d.open() && d.category() == DisputeCategory.RECONCILIATION)
                    .forEach(d -> disputes.resolve(d.id(), new DisputeService.Resolution(s.asOf(), "WITHDRAWN", null, note, null)));
        }
    }

    /** The customer's confirmations, newest first (roles that see customers; a collector only their own: else 404). */
    @Transactional(readOnly = true)
    public List<BalanceConfirmation> list(String customerCode) {
        CurrentUser.require("see balance confirmations", Role.COLLECTOR, Role.MANAGER, Role.FINANCE, Role.ADMIN, Role.LEGAL);
        CustomerRef ref = customers.ref(customerCode);
        return jdbc.sql(SELECT + " WHERE c.customer_id = ? ORDER BY c.id DESC").param(ref.id()).query(this::row).list();
    }

    /** The customer's latest confirmation, if any (for the collector's panel; no access check). */
    public java.util.Optional<BalanceConfirmation> latest(long customerId) {
        return jdbc.sql(SELECT + " WHERE c.id = (SELECT MAX(id) FROM portal_confirmation WHERE customer_id = ?)").param(customerId).query(this::row)
                .optional();
    }

    /** The drawn signature (a PNG data URL) stored with a confirmation, if one was drawn. */
    public java.util.Optional<String> signatureImage(long id) {
        return jdbc.sql("SELECT signature_image FROM portal_confirmation WHERE id = ?").param(id).query(String.class).optional()
                .filter(java.util.Objects::nonNull);
    }

    /** The canonical statement text stored with a confirmation. */
    public String statementText(long id) {
        return jdbc.sql("SELECT statement_text FROM portal_confirmation WHERE id = ?").param(id).query(String.class).single();
    }

    private BalanceConfirmation find(long id) {
        return jdbc.sql(SELECT + " WHERE c.id = ?").param(id).query(this::row).single();
    }

    private static final String SELECT = """
            SELECT c.id, cu.code, c.link_id, c.answer, c.amount, c.acknowledged_amount, c.differences, c.name, c.title, c.confirmed_at,
                   c.statement_sha256, c.ip, c.user_agent, (c.signature_image IS NOT NULL) AS drawn
            FROM portal_confirmation c JOIN customer cu ON cu.id = c.customer_id""";

    private BalanceConfirmation row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new BalanceConfirmation(rs.getLong("id"), rs.getString("code"), rs.getLong("link_id"), rs.getString("answer"),
                rs.getBigDecimal("amount"), rs.getBigDecimal("acknowledged_amount"), rs.getString("differences"), rs.getString("name"),
                rs.getString("title"), rs.getTimestamp("confirmed_at").toInstant(), rs.getString("statement_sha256").trim(), rs.getString("ip"),
                rs.getString("user_agent"), rs.getBoolean("drawn"));
    }

    private static String text(List<FieldError> errors, String field, String value, boolean required, int max) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            if (required) {
                errors.add(FieldError.coded(field, value, "portal.confirmation.required", "is required"));
            }
            return null;
        }
        if (v.length() > max) {
            errors.add(FieldError.coded(field, value, "portal.confirmation.tooLong", "at most " + max + " characters", max));
            return null;
        }
        return v;
    }

    private static BigDecimal amount(List<FieldError> errors, String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(FieldError.coded(field, value, "portal.confirmation.required", "is required"));
            }
            return null;
        }
        BigDecimal v;
        try {
            v = new BigDecimal(value.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            errors.add(FieldError.coded(field, value, "portal.confirmation.amount", "must be an amount ≥ 0 with at most 2 decimals"));
            return null;
        }
        if (v.signum() < 0 || v.stripTrailingZeros().scale() > 2 || v.compareTo(new BigDecimal("1000000000000")) >= 0) {
            errors.add(FieldError.coded(field, value, "portal.confirmation.amount", "must be an amount ≥ 0 with at most 2 decimals"));
            return null;
        }
        return v.setScale(2);
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
