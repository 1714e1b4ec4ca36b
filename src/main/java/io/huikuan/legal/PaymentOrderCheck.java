package io.huikuan.legal;

import io.huikuan.common.ValidationException;
import io.huikuan.common.ValidationException.FieldError;
import io.huikuan.customer.CustomerRef;
import io.huikuan.customer.CustomerService;
import io.huikuan.legal.internal.LegalCaseQueries;
import io.huikuan.legal.internal.LegalCaseQueries.OpenInvoice;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether chosen invoices may be claimed by a payment order (支付令), condition by condition (民事诉讼法 (2023 revision)
 * art. 225: a claim for money or securities that is due, no counter-obligation outstanding between creditor and debtor,
 * and the payment order can be served on the debtor; a dispute open on an invoice means the debt is contested, and the
 * order would only meet an objection, art. 228). Each condition answers PASS or FAIL with the reason in words and its
 * arguments, so the page can say it in the user's language.
 */
@Service
public class PaymentOrderCheck {

    /** The conditions. */
    public enum Condition {
        MONEY_DEBT, DUE, NO_DISPUTE, NO_COUNTER_OBLIGATION, SERVABLE_IN_CHINA
    }

    /** One condition's answer; {@code message} (e.g. {@code DUE.FAIL}) and {@code args} name the page's text {@code paymentOrder.<message>}. */
    public record Answer(Condition condition, String status, String reason, String message, List<String> args) {
    }

    /** The answers; eligible when every condition passes. */
    public record Result(String customerCode, List<String> invoiceNos, LocalDate asOf, boolean eligible, List<Answer> conditions) {
    }

    /** Places whose debtor a mainland court cannot simply serve (a region naming them fails the condition). */
    private static final List<String> OUTSIDE = List.of("香港", "澳门", "台湾", "境外", "海外", "国外", "hong kong", "macau", "macao", "taiwan",
            "overseas", "abroad");

    private final LegalCaseQueries queries;
    private final CustomerService customers;
    private final Clock clock;

    PaymentOrderCheck(LegalCaseQueries queries, CustomerService customers, Clock clock) {
        this.queries = queries;
        this.customers = customers;
        this.clock = clock;
    }

    /**
     * Checks the named invoices (none named: every overdue open invoice) as of today. {@code counterObligation}: we still
     * owe the debtor goods or services; {@code debtorInMainland}: the debtor can be served in mainland China (null: judged
     * from the customer's region).
     */
    @Transactional(readOnly = true)
    public Result check(String customerCode, List<String> invoiceNos, Boolean counterObligation, Boolean debtorInMainland) {
        LegalCaseRules.requireRead();
        if (customerCode == null || customerCode.isBlank()) {
            throw ValidationException.coded("customer", customerCode, "required", "required");
        }
        CustomerRef ref = customers.ref(customerCode.trim());
        LocalDate today = LocalDate.now(clock);
        List<String> named = invoiceNos == null ? List.of() : invoiceNos.stream().filter(n -> n != null && !n.isBlank()).map(String::trim).distinct().toList();
        List<OpenInvoice> invoices;
        if (named.isEmpty()) {
            invoices = queries.openInvoices(ref.id(), today).stream().filter(i -> i.dueDate().isBefore(today)).toList();
            if (invoices.isEmpty()) {
                throw ValidationException.coded("invoiceNos", null, "legal.noOverdue", "the customer has no overdue invoice: name the invoices");
            }
        } else {
            Map<String, OpenInvoice> found = queries.invoicesByNo(ref.id(), named, today);
            List<FieldError> errors = new ArrayList<>();
            invoices = new ArrayList<>();
            for (int i = 0; i < named.size(); i++) {
                OpenInvoice inv = found.get(named.get(i));
                if (inv == null) {
                    errors.add(FieldError.coded("invoiceNos[" + i + "]", named.get(i), "legal.notCustomersInvoice", "is not an invoice of this customer"));
                } else if (inv.open().signum() <= 0) {
                    errors.add(FieldError.coded("invoiceNos[" + i + "]", named.get(i), "legal.invoiceNotOpen", "has nothing open"));
                } else {
                    invoices.add(inv);
                }
            }
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
        }
        List<Answer> answers = new ArrayList<>();
        answers.add(pass(Condition.MONEY_DEBT, "the claim is for payment of money: the price on the invoices"));
        List<String> notDue = invoices.stream().filter(i -> !i.dueDate().isBefore(today)).map(i -> i.invoiceNo() + " (" + i.dueDate() + ")").toList();
        answers.add(notDue.isEmpty() ? pass(Condition.DUE, "every invoice was due before " + today)
                : fail(Condition.DUE, "not yet overdue: " + String.join(", ", notDue), String.join(", ", notDue)));
        List<String> disputed = queries.disputed(invoices.stream().map(OpenInvoice::id).toList(), today);
        answers.add(disputed.isEmpty() ? pass(Condition.NO_DISPUTE, "no dispute is open on the invoices")
                : fail(Condition.NO_DISPUTE, "a dispute is open on " + String.join(", ", disputed), String.join(", ", disputed)));
        answers.add(Boolean.TRUE.equals(counterObligation)
                ? fail(Condition.NO_COUNTER_OBLIGATION, "we still owe the debtor goods or services (a counter-obligation is outstanding)")
                : pass(Condition.NO_COUNTER_OBLIGATION, "we owe the debtor nothing in return"));
        answers.add(servable(ref.code(), debtorInMainland));
        boolean eligible = answers.stream().allMatch(a -> a.status().equals("PASS"));
        return new Result(ref.code(), invoices.stream().map(OpenInvoice::invoiceNo).toList(), today, eligible, answers);
    }

    private Answer servable(String customerCode, Boolean debtorInMainland) {
        if (debtorInMainland != null) {
            return debtorInMainland ? new Answer(Condition.SERVABLE_IN_CHINA, "PASS", "confirmed: the debtor can be served in mainland China",
                    "SERVABLE_IN_CHINA.CONFIRMED", List.of())
                    : new Answer(Condition.SERVABLE_IN_CHINA, "FAIL", "the debtor cannot be served in mainland China",
                    "SERVABLE_IN_CHINA.DENIED", List.of());
        }
        String region = customers.get(customerCode).region();
        if (region == null || region.isBlank()) {
            return new Answer(Condition.SERVABLE_IN_CHINA, "FAIL", "unknown: the customer has no region; confirm the debtor can be served in mainland China",
                    "SERVABLE_IN_CHINA.UNKNOWN", List.of());
        }
        String lower = region.toLowerCase(Locale.ROOT);
        if (OUTSIDE.stream().anyMatch(lower::contains)) {
            return fail(Condition.SERVABLE_IN_CHINA, "the customer's region " + region + " is outside mainland China", region);
        }
        return pass(Condition.SERVABLE_IN_CHINA, "the customer's region " + region + " is in mainland China", region);
    }

    private static Answer pass(Condition c, String reason, String... args) {
        return new Answer(c, "PASS", reason, c.name() + ".PASS", List.of(args));
    }

    private static Answer fail(Condition c, String reason, String... args) {
        return new Answer(c, "FAIL", reason, c.name() + ".FAIL", List.of(args));
    }
}
