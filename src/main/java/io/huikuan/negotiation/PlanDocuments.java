package io.huikuan.negotiation;

import io.huikuan.common.ConflictException;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import io.huikuan.legal.Attachments;
import io.huikuan.legal.LimitationEventKind;
import io.huikuan.legal.LimitationEvents;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The papers of a payment plan: the agreement (还款协议) to print, built as a {@link PlanAgreement} and printed by
 * {@link PaymentAgreements}, and the signed copy uploaded back, stored as the plan's attachment and recorded as the
 * debtor's acknowledgement of the debt (source PLAN_SIGNED) on the date it was signed.
 */
@Service
public class PlanDocuments {

    private final PaymentPlans plans;
    private final PlanViews views;
    private final PaymentAgreements agreements;
    private final Attachments attachments;
    private final LimitationEvents limitation;

    PlanDocuments(PaymentPlans plans, PlanViews views, PaymentAgreements agreements, Attachments attachments, LimitationEvents limitation) {
        this.plans = plans;
        this.views = views;
        this.agreements = agreements;
        this.attachments = attachments;
        this.limitation = limitation;
    }

    /** What the agreement prints for the plan (404 when the user may not see it). */
    @Transactional(readOnly = true)
    public PlanAgreement agreement(long id) {
        PaymentPlan p = plans.get(id, null);
        return agreement(p, views.graceDays());
    }

    static PlanAgreement agreement(PaymentPlan p, int graceDays) {
        return new PlanAgreement(p.id(), p.customerCode(), p.currency(), p.agreedOn(),
                p.invoices().stream().map(d -> new PlanAgreement.Debt(d.invoiceNo(), d.issueDate(), d.dueDate(), d.open())).toList(),
                p.openTotal(), p.interest(), p.waived(), p.total(),
                p.installments().stream().map(i -> new PlanAgreement.Installment(i.number(), i.dueDate(), i.amount())).toList(), graceDays,
                p.negotiatedBy(), p.note());
    }

    /** The agreement as a PDF in {@code locale}. */
    public byte[] pdf(long id, Locale locale) {
        return agreements.pdf(agreement(id), locale);
    }

    /**
     * Stores the signed agreement of a plan that is not cancelled (409 otherwise) and records it as an acknowledgement of
     * the debt dated {@code signedOn} (null: today).
     */
    @Transactional
    public Attachments.Attachment uploadSigned(long id, String fileName, long size, Attachments.FileContent content, LocalDate signedOn) {
        CurrentUser user = CurrentUser.require("upload a signed payment agreement", Role.COLLECTOR, Role.MANAGER, Role.FINANCE, Role.LEGAL);
        PaymentPlan p = plans.get(id, null);
        if (p.status() == PaymentPlanStatus.CANCELLED || p.status() == PaymentPlanStatus.PENDING_APPROVAL) {
            throw new ConflictException("id", "payment plan " + id + " is " + p.status() + ": only an approved plan's agreement is signed");
        }
        List<String> invoiceNos = p.invoices().stream().map(PaymentPlan.Debt::invoiceNo).toList();
        Attachments.Attachment a = attachments.upload(p.customerCode(), fileName, size, content, new Attachments.Upload("SIGNED_CONFIRMATION",
                String.join(",", invoiceNos), "signed payment agreement of plan " + id, "PAYMENT_PLAN", String.valueOf(id),
                signedOn == null ? null : signedOn.toString()));
        limitation.record(new LimitationEvents.NewEvent(p.customerCode(), invoiceNos, a.documentDate(), LimitationEventKind.ACKNOWLEDGED,
                "signed payment agreement of plan " + id + " (" + a.fileName() + ")", "PLAN_SIGNED", id + ":" + a.id(), a.id()), user.username());
        return a;
    }

    /** The signed copies uploaded for the plan, newest first. */
    @Transactional(readOnly = true)
    public List<Attachments.Attachment> signedCopies(long id) {
        PaymentPlan p = plans.get(id, null);
        return attachments.forCustomer(p.customerCode()).stream()
                .filter(a -> "PAYMENT_PLAN".equals(a.ownerKind()) && String.valueOf(id).equals(a.ownerId())).toList();
    }
}
