package io.huikuan.worklist.web;

import io.huikuan.common.web.Formats;
import io.huikuan.customer.Contact;
import io.huikuan.customer.CustomerRef;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.UserAccount;
import io.huikuan.identity.UserDirectory;
import io.huikuan.ledger.InvoiceView;
import io.huikuan.ledger.LedgerQueries;
import io.huikuan.worklist.OurCompany;
import io.huikuan.worklist.ScriptStage;
import io.huikuan.worklist.Task;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What a call is about, for the scripts' placeholders ({@link ScriptWords}) and the stage of the suggestions: the
 * contact spoken to (the one chosen, else the customer's main contact), the customer, our company, the collector, the
 * overdue amount per currency (the open amount when nothing is overdue yet), the oldest overdue due date (else the next
 * one) and the days overdue, from the customer's open invoices in the ledger (the task's figures when there are none).
 */
@Component
class CallFacts {

    private final LedgerQueries ledger;
    private final UserDirectory users;
    private final ObjectProvider<OurCompany> company;
    private final MessageSource messages;
    private final Formats fmt;
    private final Clock clock;

    CallFacts(LedgerQueries ledger, UserDirectory users, ObjectProvider<OurCompany> company, MessageSource messages, Formats fmt, Clock clock) {
        this.ledger = ledger;
        this.users = users;
        this.company = company;
        this.messages = messages;
        this.fmt = fmt;
        this.clock = clock;
    }

    /** The facts and the stage of one call. */
    record Call(ScriptWords.Facts facts, ScriptStage stage) {
    }

    Call of(CustomerRef customer, List<Contact> contacts, String contactId, Task task, Locale locale) {
        List<InvoiceView> open = ledger.openInvoices(customer.id());
        List<InvoiceView> overdue = open.stream().filter(i -> i.daysOverdue() > 0).toList();
        Contact contact = contacts.stream().filter(c -> String.valueOf(c.id()).equals(contactId)).findFirst().orElseGet(() -> mainContact(contacts));
        String amount = overdue.isEmpty() ? amounts(open, locale) : amounts(overdue, locale);
        if (amount.isEmpty() && task != null) {
            amount = money(task.overdueAmount(), "CNY", locale);
        }
        LocalDate due = !overdue.isEmpty() ? overdue.getFirst().dueDate()
                : open.stream().map(InvoiceView::dueDate).min(Comparator.naturalOrder()).orElse(task == null ? null : task.dueDate());
        Integer days = open.isEmpty() ? (task == null ? null : Math.max(0, task.daysOverdue()))
                : Integer.valueOf(open.stream().mapToInt(InvoiceView::daysOverdue).max().orElse(0));
        ScriptStage stage = task != null ? task.stage() : open.isEmpty() ? null : Task.stageOf(days);
        ScriptWords.Facts facts = new ScriptWords.Facts(
                contact == null ? text("scriptFill.contact", locale) : contact.name(),
                customer.name(),
                companyName(locale),
                collectorName(locale),
                amount.isEmpty() ? text("scriptFill.amount", locale) : amount,
                due == null ? text("scriptFill.dueDate", locale) : fmt.date(due),
                days == null ? text("scriptFill.days", locale) : String.valueOf(Math.max(0, days)),
                fmt.date(LocalDate.now(clock)));
        return new Call(facts, stage);
    }

    /** The contact to call when none is chosen: a finance contact with a phone, else any with a phone, else the first. */
    static Contact mainContact(List<Contact> contacts) {
        return contacts.stream().filter(c -> c.role() == Contact.ContactRole.FINANCE && hasText(c.phone())).findFirst()
                .or(() -> contacts.stream().filter(c -> hasText(c.phone())).findFirst())
                .orElse(contacts.isEmpty() ? null : contacts.getFirst());
    }

    /** Open amounts per currency, largest first: {@code 12,000.00 元} (zh), {@code CNY 12,000.00} (en), joined with " + ". */
    private String amounts(List<InvoiceView> invoices, Locale locale) {
        Map<String, BigDecimal> byCurrency = new LinkedHashMap<>();
        for (InvoiceView i : invoices) {
            byCurrency.merge(Objects.requireNonNullElse(i.currency(), "CNY"), i.open(), BigDecimal::add);
        }
        return byCurrency.entrySet().stream().sorted(Map.Entry.<String, BigDecimal>comparingByValue().reversed())
                .map(e -> money(e.getValue(), e.getKey(), locale)).reduce((a, b) -> a + " + " + b).orElse("");
    }

    private String money(BigDecimal amount, String currency, Locale locale) {
        String key = "CNY".equals(currency) ? "scriptFill.money.CNY" : "scriptFill.money";
        return messages.getMessage(key, new Object[] {fmt.money(amount), currency}, locale);
    }

    /** Our company's name from the company profile; the neutral wording while the profile still holds its "please fill in" text. */
    private String companyName(Locale locale) {
        OurCompany ours = company.getIfAvailable();
        String name = ours == null ? null : ours.name();
        return hasText(name) && !name.startsWith("（") ? name.strip() : text("scriptFill.company", locale);
    }

    /** The collector's display name without a bracketed note such as the regions ("赵敏(华南/华北)" → "赵敏"). */
    private String collectorName(Locale locale) {
        CurrentUser me = CurrentUser.get();
        String name = users.find(me.username()).map(UserAccount::displayName).filter(CallFacts::hasText).orElse(me.username());
        String bare = name.replaceAll("\\s*[(（][^()（）]*[)）]\\s*$", "").strip();
        return bare.isEmpty() ? text("scriptFill.collector", locale) : bare;
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }
}
