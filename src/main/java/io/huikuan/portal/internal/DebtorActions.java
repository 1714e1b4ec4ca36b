package io.huikuan.portal.internal;

import io.huikuan.common.ValidationException.FieldError;
import io.huikuan.common.NotFoundException;
import io.huikuan.common.ValidationException;
import io.huikuan.customer.CustomerRef;
import io.huikuan.customer.CustomerService;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import io.huikuan.ledger.Dispute;
import io.huikuan.ledger.DisputeCategory;
import io.huikuan.ledger.DisputeOwner;
import io.huikuan.ledger.DisputeService;
import io.huikuan.legal.AttachmentCategory;
import io.huikuan.legal.Attachments;
import io.huikuan.portal.PortalVisitor;
import io.huikuan.worklist.Activities;
import io.huikuan.worklist.Channel;
import io.huikuan.worklist.Direction;
import io.huikuan.worklist.NewActivity;
import io.huikuan.worklist.Outcome;
import io.huikuan.worklist.Promises;
import io.huikuan.worklist.SystemTasks;
import io.huikuan.worklist.TaskKind;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the debtor does on the portal (issue 16, item 2): dispute an invoice, promise a payment, tell us they paid (with
 * the bank receipt), write to the collector. Each action is done as the system, bounded to the visitor's customer, lands
 * where our own staff would put it (a dispute with its owner, a promise, a finance task, an inbound activity), is logged
 * in {@code portal_action} for the collector's panel, appears on the customer's timeline as an inbound activity
 * ("via the portal") and opens a follow-up task for the customer's owner.
 */
@Service
public class DebtorActions {

    /** Uploads accepted from debtors: JPEG, PNG, PDF (the content is checked by the attachment store). */
    public static final Set<String> UPLOAD_TYPES = Set.of("jpg", "jpeg", "png", "pdf");
    /** The largest upload accepted from a debtor. */
    public static final long MAX_UPLOAD = 10L * 1024 * 1024;

    /** An uploaded file: original name, size and content. */
    public record Upload(String name, long size, Attachments.FileContent content) {
        boolean present() {
            return size > 0 && name != null && !name.isBlank();
        }
    }

    private final DisputeService disputes;
    private final Promises promises;
    private final Activities activities;
    private final SystemTasks tasks;
    private final Attachments attachments;
    private final CustomerService customers;
    private final PortalActionRows rows;
    private final io.huikuan.negotiation.PaymentPlans plans;
    private final JdbcClient jdbc;
    private final Clock clock;

    DebtorActions(DisputeService disputes, Promises promises, Activities activities, SystemTasks tasks, Attachments attachments,
            CustomerService customers, PortalActionRows rows, io.huikuan.negotiation.PaymentPlans plans, JdbcClient jdbc, Clock clock) {
        this.plans = plans;
        this.disputes = disputes;
        this.promises = promises;
        this.activities = activities;
        this.tasks = tasks;
        this.attachments = attachments;
        this.customers = customers;
        this.rows = rows;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Who owns a dispute of this category: quality → QUALITY, quantity and not delivered → LOGISTICS, price → SALES, else FINANCE. */
    public static DisputeOwner ownerOf(DisputeCategory category) {
        return switch (category) {
            case QUALITY -> DisputeOwner.QUALITY;
            case QUANTITY, NOT_DELIVERED -> DisputeOwner.LOGISTICS;
            case PRICE, OTHER -> DisputeOwner.SALES;
            case TAX_INVOICE, RECONCILIATION -> DisputeOwner.FINANCE;
        };
    }

    /** The open amount of the visitor's invoice (404 when the invoice is unknown or another customer's). */
    public BigDecimal openAmount(PortalVisitor v, String invoiceNo) {
        return jdbc.sql("""
                SELECT b.open_amount FROM invoice i JOIN balance_period b ON b.invoice_id = i.id AND b.valid_to IS NULL
                WHERE i.invoice_no = ? AND i.customer_id = ?""")
                .params(invoiceNo, v.customerId()).query(BigDecimal.class).optional()
                .orElseThrow(() -> new NotFoundException("invoice", invoiceNo));
    }

    /** Disputes one of the visitor's invoices, with files; answers the dispute. */
    @Transactional
    public Dispute dispute(PortalVisitor v, String ip, String invoiceNo, String category, BigDecimal amount, String text, java.util.List<Upload> files) {
        openAmount(v, invoiceNo);
        DisputeCategory c = parse(category);
        return CurrentUser.asSystem(() -> {
            Dispute d = disputes.open(invoiceNo, new DisputeService.NewDispute(null, "[门户/portal] " + (text == null ? "" : text.strip()), amount,
                    c.name(), ownerOf(c).name(), null, null));
            for (Upload f : files) {
                if (f.present()) {
                    store(v, f, AttachmentCategory.OTHER, invoiceNo, "DISPUTE", String.valueOf(d.id()), text);
                }
            }
            String summary = "争议 dispute " + invoiceNo + " " + d.amount().toPlainString() + " (" + c.name() + "): " + shorten(text);
            record(v, ip, "DISPUTE", invoiceNo, d.amount(), null, summary);
            return d;
        });
    }

    /** Records the debtor's promise to pay {@code amount} by {@code date}. */
    @Transactional
    public long promise(PortalVisitor v, String ip, BigDecimal amount, LocalDate date, String note) {
        return CurrentUser.asSystem(() -> {
            Promises.Promise p = promises.create(new Promises.NewPromise(v.customerCode(), v.contactId(), null, Channel.MESSAGE, amount, date, null,
                    "[门户/portal] " + (note == null ? "" : note.strip())));
            record(v, ip, "PROMISE", String.valueOf(p.id()), p.amount(), p.promisedDate(),
                    "承诺付款 promised " + p.amount().toPlainString() + " by " + p.promisedDate() + (note == null || note.isBlank() ? "" : ": " + shorten(note)));
            return p.id();
        });
    }

    /** The debtor says they paid: the bank receipt, amount, date → a finance task to match the unapplied cash. */
    @Transactional
    public long paid(PortalVisitor v, String ip, BigDecimal amount, LocalDate paidOn, String note, Upload receipt) {
        java.util.List<FieldError> errors = new java.util.ArrayList<>();
        if (amount == null || amount.signum() <= 0) {
            errors.add(FieldError.coded("amount", amount, "amount.positive", "must be greater than 0"));
        } else if (amount.stripTrailingZeros().scale() > 2) {
            errors.add(FieldError.coded("amount", amount, "amount.decimals", "at most 2 decimals"));
        }
        LocalDate today = LocalDate.now(clock);
        if (paidOn == null) {
            errors.add(FieldError.coded("paidOn", null, "required", "required"));
        } else if (paidOn.isAfter(today)) {
            errors.add(FieldError.coded("paidOn", paidOn, "portal.paidOnFuture", "must be today (" + today + ") or earlier", today));
        }
        if (receipt == null || !receipt.present()) {
            errors.add(FieldError.coded("file", null, "attachment.file.required", "is required: choose a non-empty file"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return CurrentUser.asSystem(() -> {
            long attachment = store(v, receipt, AttachmentCategory.BANK_RECEIPT, null, null, null, note);
            long action = record(v, ip, "RECEIPT", String.valueOf(attachment), amount, paidOn,
                    "已付款 paid " + amount.setScale(2).toPlainString() + " on " + paidOn + (note == null || note.isBlank() ? "" : ": " + shorten(note)));
            tasks.open(new SystemTasks.NewTask(v.customerId(), "portal-receipt-" + action, TaskKind.FOLLOW_UP, Channel.MESSAGE, Role.FINANCE, null,
                    today, amount, 0, "客户通过门户告知已于 " + paidOn + " 付款 " + amount.setScale(2).toPlainString() + "，银行回单见附件 #" + attachment
                            + "：请核对并匹配未核销款项。", "/customers/" + v.customerCode() + "/attachments"));
            return action;
        });
    }

    /** The most installments a debtor may propose on the portal (the policy may allow fewer). */
    public static final int MAX_INSTALLMENTS = 24;

    /**
     * The debtor proposes to pay all open invoices in {@code count} monthly installments from {@code first}: equal
     * amounts (the cents left over in the last), checked against the plan policy, stored PENDING_APPROVAL "via portal"
     * (never approved by the debtor) so it waits in the approvers' queue; answers the plan's id.
     */
    @Transactional
    public long plan(PortalVisitor v, String ip, Integer count, LocalDate first, String note) {
        java.util.List<FieldError> errors = new java.util.ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        if (count == null || count < 2 || count > MAX_INSTALLMENTS) {
            errors.add(FieldError.coded("installments", count, "portal.installments", "must be from 2 to " + MAX_INSTALLMENTS, MAX_INSTALLMENTS));
        }
        if (first == null) {
            errors.add(FieldError.coded("firstDate", null, "required", "required"));
        } else if (first.isBefore(today)) {
            errors.add(FieldError.coded("firstDate", first, "portal.firstDatePast", "must be today (" + today + ") or later", today));
        }
        java.util.List<String> invoiceNos = jdbc.sql("""
                SELECT i.invoice_no FROM invoice i JOIN balance_period b ON b.invoice_id = i.id AND b.valid_to IS NULL
                WHERE i.customer_id = ? AND b.open_amount > 0 ORDER BY i.due_date, i.invoice_no""")
                .param(v.customerId()).query(String.class).list();
        if (invoiceNos.isEmpty()) {
            errors.add(FieldError.coded("installments", count, "portal.nothingOpen", "there is no open invoice to pay in installments"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        String text = "[门户/portal] " + (note == null ? "" : note.strip());
        return CurrentUser.asSystem(() -> {
            io.huikuan.negotiation.PaymentPlans.PlanCheck check = plans.check(new io.huikuan.negotiation.PlanRequest(v.customerCode(), invoiceNos,
                    today.toString(), java.util.List.of(new io.huikuan.negotiation.PlanRequest.InstallmentRequest(first.toString(), "0.01")), null,
                    null, text));
            BigDecimal each = check.total().divide(BigDecimal.valueOf(count), 2, java.math.RoundingMode.DOWN);
            java.util.List<io.huikuan.negotiation.PlanRequest.InstallmentRequest> installments = new java.util.ArrayList<>();
            for (int i = 0; i < count; i++) {
                BigDecimal amount = i < count - 1 ? each : check.total().subtract(each.multiply(BigDecimal.valueOf(count - 1)));
                installments.add(new io.huikuan.negotiation.PlanRequest.InstallmentRequest(first.plusMonths(i).toString(), amount.toPlainString()));
            }
            io.huikuan.negotiation.PaymentPlan plan = plans.proposeForDebtor(new io.huikuan.negotiation.PlanRequest(v.customerCode(), invoiceNos,
                    today.toString(), installments, null, null, text), "portal:" + v.linkId());
            String policy = plan.policyBreaches().isEmpty() ? "within policy"
                    : "outside policy: " + plan.policyBreaches().stream().map(b -> b.message()).collect(java.util.stream.Collectors.joining("; "));
            record(v, ip, "PLAN", String.valueOf(plan.id()), check.total(), first,
                    "提议分期 proposed " + count + " installments of " + each.toPlainString() + " from " + first + " (total " + check.total().toPlainString()
                            + ", " + policy + ")" + (note == null || note.isBlank() ? "" : ": " + shorten(note)));
            return plan.id();
        });
    }

    /** A message from the debtor to the collector. */
    @Transactional
    public long message(PortalVisitor v, String ip, String text) {
        if (text == null || text.isBlank()) {
            throw ValidationException.coded("text", null, "required", "required");
        }
        if (text.length() > 1500) {
            throw ValidationException.coded("text", text.length(), "text.tooLong", "at most 1500 characters", 1500);
        }
        return CurrentUser.asSystem(() -> record(v, ip, "MESSAGE", null, null, null, "留言 message: " + text.strip()));
    }

    private long store(PortalVisitor v, Upload f, AttachmentCategory category, String invoiceNo, String ownerKind, String ownerId, String text) {
        String name = f.name() == null ? "" : f.name();
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (!UPLOAD_TYPES.contains(ext)) {
            throw ValidationException.coded("file", name, "portal.file.type", "'" + name + "' is not a JPEG, PNG or PDF file", name);
        }
        if (f.size() > MAX_UPLOAD) {
            throw ValidationException.coded("file", f.size(), "portal.file.tooLarge", "is " + f.size() + " bytes, larger than 10MB", "10MB");
        }
        return attachments.upload(v.customerCode(), name, f.size(), f.content(), new Attachments.Upload(category.name(), invoiceNo,
                text == null || text.isBlank() ? "门户上传 portal upload" : "门户上传 portal upload: " + shorten(text), ownerKind, ownerId, null)).id();
    }

    /** Logs the action, puts it on the timeline as an inbound activity and tells the owner by a follow-up task. */
    private long record(PortalVisitor v, String ip, String kind, String ref, BigDecimal amount, LocalDate date, String summary) {
        long id = rows.insert(v.linkId(), v.customerId(), kind, ref, amount, date, summary, clock.instant(), ip);
        activities.log(new NewActivity(v.customerCode(), v.contactId(), null, Channel.MESSAGE, null, null, Outcome.OTHER, null,
                "[门户/portal] " + shorten(summary), null, null, null, null, null, Direction.INBOUND));
        CustomerRef c = customers.ref(v.customerCode());
        if (c.owner() != null) {
            tasks.open(new SystemTasks.NewTask(v.customerId(), "portal-action-" + id, TaskKind.FOLLOW_UP, Channel.PHONE, Role.COLLECTOR, c.owner(),
                    LocalDate.now(clock), amount, 0, "客户通过门户：" + shorten(summary), "/customers/" + v.customerCode()));
        }
        return id;
    }

    private static DisputeCategory parse(String category) {
        try {
            return DisputeCategory.valueOf(category == null ? "" : category.strip());
        } catch (IllegalArgumentException e) {
            throw ValidationException.coded("category", category, "choice", "one of " + java.util.Arrays.toString(DisputeCategory.values()));
        }
    }

    private static String shorten(String s) {
        if (s == null) {
            return "";
        }
        String t = s.strip();
        return t.length() > 900 ? t.substring(0, 900) + "…" : t;
    }
}
