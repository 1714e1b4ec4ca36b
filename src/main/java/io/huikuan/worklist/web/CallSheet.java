package io.huikuan.worklist.web;

import io.huikuan.customer.Contact;
import io.huikuan.customer.CustomerRef;
import io.huikuan.customer.CustomerService;
import io.huikuan.ledger.InvoiceView;
import io.huikuan.ledger.LedgerQueries;
import io.huikuan.worklist.Promises;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What a collector needs on a task's page to make the call: the customer's contacts with their phone ({@code tel:}) and
 * e-mail ({@code mailto:}) links, the open invoices with totals per currency, and the history of the customer's promises to
 * pay (newest first) with the keeping rate.
 */
@Component
class CallSheet {

    static final int PROMISES = 10;

    /** A contact with the links to reach them; {@code tel}/{@code mailto} null when there is no number or address. */
    record ContactCard(Contact contact, String tel, String mailto, boolean main) {
    }

    /** The open invoices' totals in one currency. */
    record Totals(String currency, int invoices, BigDecimal open, BigDecimal overdue) {
    }

    private final CustomerService customers;
    private final LedgerQueries ledger;
    private final Promises promises;
    private final Clock clock;

    CallSheet(CustomerService customers, LedgerQueries ledger, Promises promises, Clock clock) {
        this.customers = customers;
        this.ledger = ledger;
        this.promises = promises;
        this.clock = clock;
    }

    void add(Model model, String customerCode, List<Contact> contacts) {
        CustomerRef ref = customers.ref(customerCode);
        Contact main = CallFacts.mainContact(contacts);
        model.addAttribute("contactCards", contacts.stream()
                .map(c -> new ContactCard(c, tel(c.phone()), mailto(c.email()), main != null && Objects.equals(main.id(), c.id()))).toList());
        List<InvoiceView> invoices = ledger.openInvoices(ref.id());
        model.addAttribute("openInvoices", invoices);
        model.addAttribute("invoiceTotals", totals(invoices));
        model.addAttribute("promiseHistory", promises.search(null, customerCode, 0, PROMISES).items());
        model.addAttribute("promiseKeeping", promises.keeping(customerCode));
        model.addAttribute("today", LocalDate.now(clock));
    }

    static List<Totals> totals(List<InvoiceView> invoices) {
        Map<String, Totals> byCurrency = new LinkedHashMap<>();
        for (InvoiceView i : invoices) {
            String currency = Objects.requireNonNullElse(i.currency(), "CNY");
            BigDecimal overdue = i.daysOverdue() > 0 ? i.open() : BigDecimal.ZERO;
            byCurrency.merge(currency, new Totals(currency, 1, i.open(), overdue),
                    (a, b) -> new Totals(currency, a.invoices() + 1, a.open().add(b.open()), a.overdue().add(b.overdue())));
        }
        return List.copyOf(byCurrency.values());
    }

    /** A {@code tel:} link of a phone number as typed ("0574-8888 6666" → "tel:0574-88886666"); null without digits. */
    static String tel(String phone) {
        if (phone == null) {
            return null;
        }
        String first = phone.split("[/,;；，、]")[0];
        String dial = first.replaceAll("[^0-9+*#-]", "");
        return dial.chars().anyMatch(Character::isDigit) ? "tel:" + dial : null;
    }

    /** A {@code mailto:} link; null for no or a malformed address. */
    static String mailto(String email) {
        if (email == null || !email.strip().matches("[^@\\s<>\"]+@[^@\\s<>\"]+")) {
            return null;
        }
        return "mailto:" + email.strip();
    }
}
