package io.huikuan.ledger.web;

import io.huikuan.identity.Role;
import io.huikuan.common.ConflictException;
import io.huikuan.common.Page;
import io.huikuan.common.ValidationException;
import io.huikuan.common.web.FormErrors;
import io.huikuan.common.web.ListLinks;
import io.huikuan.customer.Contact;
import io.huikuan.customer.Customer;
import io.huikuan.customer.CustomerRef;
import io.huikuan.customer.CustomerService;
import io.huikuan.customer.PersonalityType;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.UserAccount;
import io.huikuan.identity.UserDirectory;
import io.huikuan.ledger.ContractService;
import io.huikuan.ledger.History;
import io.huikuan.ledger.LedgerQueries;
import io.huikuan.ledger.LedgerQueries.CustomerFilter;
import io.huikuan.ledger.LedgerQueries.PaymentFilter;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/** The customer list, the customer page (profile, account, contacts, contracts, invoices, payments, history) and its forms. */
@Controller
class CustomerPages {

    static final List<String> GRADES = List.of("A", "B", "C", "D", "E");

    /** The profile form; amounts and numbers as typed, parsed by the controller. */
    record CustomerForm(String code, String name, String creditCode, String region, String businessUnit, String industry,
            String owner, String creditLimit, String creditDays, String grade, String reason) {

        static CustomerForm empty() {
            return new CustomerForm("", "", "", "", "", "", "", "", "", "", "");
        }

        static CustomerForm of(Customer c) {
            return new CustomerForm(c.code(), c.name(), c.creditCode(), c.region(), c.businessUnit(), c.industry(), c.owner(),
                    c.creditLimit() == null ? "" : c.creditLimit().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString(),
                    c.creditDays() == null ? "" : String.valueOf(c.creditDays()), c.grade(), "");
        }
    }

    /** A contact form; {@code id} is null when adding. */
    record ContactForm(Long id, String name, String role, String title, String phone, String email, String wechat,
            String preferredChannel, String reason) {

        static ContactForm empty() {
            return new ContactForm(null, "", "FINANCE", "", "", "", "", "", "");
        }
    }

    private final LedgerQueries queries;
    private final CustomerService customers;
    private final ContractService contracts;
    private final History history;
    private final HistoryRows historyRows;
    private final UserDirectory users;
    private final MessageSource messages;
    private final org.springframework.beans.factory.ObjectProvider<io.huikuan.ledger.InvoiceExpiries> expiries;
    private final java.time.Clock clock;

    CustomerPages(LedgerQueries queries, CustomerService customers, ContractService contracts, History history, HistoryRows historyRows,
            UserDirectory users, MessageSource messages, org.springframework.beans.factory.ObjectProvider<io.huikuan.ledger.InvoiceExpiries> expiries,
            java.time.Clock clock) {
        this.expiries = expiries;
        this.clock = clock;
        this.queries = queries;
        this.customers = customers;
        this.contracts = contracts;
        this.history = history;
        this.historyRows = historyRows;
        this.users = users;
        this.messages = messages;
    }

    @GetMapping("/customers")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String owner,
            @RequestParam(required = false) String region, @RequestParam(required = false) String grade,
            @RequestParam(required = false) String industry, @RequestParam(required = false) String businessUnit,
            @RequestParam(defaultValue = "false") boolean overdueOnly, @RequestParam(defaultValue = "code") String sort,
            @RequestParam(defaultValue = "false") boolean desc, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "25") int size, Model model) {
        int pageSize = Math.clamp(size, 5, 200);
        CustomerFilter filter = new CustomerFilter(q, owner, region, grade, industry, businessUnit, overdueOnly);
        Page<LedgerQueries.CustomerAccount> result = queries.customers(filter, sort, desc, Math.max(page, 0), pageSize);
        if (result.beyondEnd()) {
            result = queries.customers(filter, sort, desc, result.lastPage(), pageSize); // a page after the last: show the last
        }
        ListLinks links = new ListLinks("/customers", sort, desc).filter("q", q).filter("owner", owner).filter("region", region)
                .filter("grade", grade).filter("industry", industry).filter("businessUnit", businessUnit)
                .filter("overdueOnly", overdueOnly);
        if (pageSize != 25) {
            links.filter("size", pageSize);
        }
        model.addAttribute("result", result);
        model.addAttribute("filter", filter);
        model.addAttribute("links", links);
        model.addAttribute("owners", ownerChoices());
        model.addAttribute("grades", GRADES);
        return "ledger/customers";
    }

    @GetMapping("/customers/new")
    String newForm(Model model) {
        CurrentUser.require("create customers", Role.COLLECTOR, Role.FINANCE, Role.MANAGER); // 403, not a form that cannot be saved
        CustomerForm form = CurrentUser.get().portfolioOnly()
                ? new CustomerForm("", "", "", "", "", "", CurrentUser.get().username(), "", "", "", "")
                : CustomerForm.empty();
        return newForm(model, form, FormErrors.none());
    }

    @PostMapping("/customers")
    String create(@ModelAttribute("form") CustomerForm form, Model model, Locale locale, RedirectAttributes redirect) {
        FormErrors errors = new FormErrors(messages, locale);
        Customer c = parse(form, form.code(), errors);
        if (errors.any()) {
            return newForm(model, form, errors);
        }
        try {
            Customer created = customers.create(c, form.reason());
            redirect.addFlashAttribute("flash", messages.getMessage("customer.created", new Object[] {created.code()}, locale));
            return "redirect:" + customerUrl(created.code());
        } catch (ValidationException e) {
            return newForm(model, form, errors.addAll(e));
        } catch (ConflictException e) {
            errors.add(e.field(), e.getMessage());
            return newForm(model, form, errors);
        }
    }

    private String newForm(Model model, CustomerForm form, FormErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("owners", ownerChoices());
        model.addAttribute("grades", GRADES);
        return "ledger/customer-new";
    }

    @GetMapping("/customers/{code}")
    String show(@PathVariable String code, @RequestParam(defaultValue = "0") int historyPage, Model model) {
        return render(code, historyPage, model);
    }

    /** Saves the edited profile; a reason is kept in the history. */
    @PostMapping("/customers/{code}")
    String update(@PathVariable String code, @ModelAttribute("profileForm") CustomerForm form, Model model, Locale locale,
            RedirectAttributes redirect) {
        customers.ref(code);
        FormErrors errors = new FormErrors(messages, locale);
        Customer c = parse(form, code, errors);
        if (!errors.any()) {
            try {
                customers.update(code, c, form.reason());
                redirect.addFlashAttribute("flash", messages.getMessage("customer.updated", null, locale));
                return "redirect:" + customerUrl(code);
            } catch (ValidationException e) {
                errors.addAll(e);
            }
        }
        model.addAttribute("profileForm", form);
        model.addAttribute("profileErrors", errors);
        return render(code, 0, model);
    }

    @PostMapping("/customers/{code}/contacts")
    String addContact(@PathVariable String code, @ModelAttribute ContactForm form, Model model, Locale locale,
            RedirectAttributes redirect) {
        return saveContact(code, null, form, model, locale, redirect);
    }

    @PostMapping("/customers/{code}/contacts/{id}")
    String updateContact(@PathVariable String code, @PathVariable long id, @ModelAttribute ContactForm form, Model model, Locale locale,
            RedirectAttributes redirect) {
        return saveContact(code, id, form, model, locale, redirect);
    }

    @PostMapping("/customers/{code}/contacts/{id}/delete")
    String deleteContact(@PathVariable String code, @PathVariable long id, @RequestParam(required = false) String reason, Locale locale,
            RedirectAttributes redirect) {
        customers.deleteContact(code, id, reason);
        redirect.addFlashAttribute("flash", messages.getMessage("contact.deleted", null, locale));
        return "redirect:" + customerUrl(code) + "#contacts";
    }

    /** Sets or clears a contact's personality type (the script suggestions use it). */
    @PostMapping("/customers/{code}/contacts/{id}/personality")
    String setPersonality(@PathVariable String code, @PathVariable long id, @RequestParam(required = false) String personalityType,
            Locale locale, RedirectAttributes redirect) {
        FormErrors errors = new FormErrors(messages, locale);
        PersonalityType type = parseEnum(PersonalityType.class, personalityType, "personalityType", errors, false);
        if (errors.any()) {
            redirect.addFlashAttribute("flashError", String.join("; ", errors.all()));
        } else {
            customers.setPersonality(code, id, type);
            redirect.addFlashAttribute("flash", messages.getMessage("contact.updated", null, locale));
        }
        return "redirect:" + customerUrl(code) + "#contacts";
    }

    private String saveContact(String code, Long id, ContactForm form, Model model, Locale locale, RedirectAttributes redirect) {
        customers.ref(code);
        FormErrors errors = new FormErrors(messages, locale);
        Contact.ContactRole role = parseEnum(Contact.ContactRole.class, form.role(), "role", errors, true);
        Contact.Channel channel = parseEnum(Contact.Channel.class, form.preferredChannel(), "preferredChannel", errors, false);
        errors.required("name", form.name());
        if (!errors.any()) {
            Contact contact = new Contact(id, form.name(), role, form.title(), form.phone(), form.email(), form.wechat(), channel);
            try {
                if (id == null) {
                    customers.addContact(code, contact, form.reason());
                    redirect.addFlashAttribute("flash", messages.getMessage("contact.added", null, locale));
                } else {
                    customers.updateContact(code, id, contact, form.reason());
                    redirect.addFlashAttribute("flash", messages.getMessage("contact.updated", null, locale));
                }
                return "redirect:" + customerUrl(code) + "#contacts";
            } catch (ValidationException e) {
                errors.addAll(e, "contact.");
            }
        }
        model.addAttribute("contactForm", new ContactForm(id, form.name(), form.role(), form.title(), form.phone(), form.email(),
                form.wechat(), form.preferredChannel(), form.reason()));
        model.addAttribute("contactErrors", errors);
        return render(code, 0, model);
    }

    private String render(String code, int historyPage, Model model) {
        Customer customer = customers.get(code);
        CustomerRef ref = customers.ref(code);
        model.addAttribute("customer", customer);
        LedgerQueries.AccountSummary summary = queries.summary(ref.id());
        model.addAttribute("summary", summary);
        // issue 12, item 15: the credit limit is in the base currency, so is the balance compared with it
        model.addAttribute("baseOpen", summary.openIn(io.huikuan.ledger.Currencies.BASE));
        model.addAttribute("baseCurrency", io.huikuan.ledger.Currencies.BASE);
        model.addAttribute("contracts", contracts.forCustomer(code));
        List<io.huikuan.ledger.InvoiceView> open = queries.openInvoices(ref.id());
        model.addAttribute("openInvoices", open);
        // the limitation column of the open invoices (legal's clock, when the module is there), one query
        io.huikuan.ledger.InvoiceExpiries clocks = expiries.getIfAvailable();
        model.addAttribute("showLimitation", clocks != null);
        model.addAttribute("limits", clocks == null || open.isEmpty() ? java.util.Map.of()
                : clocks.ofInvoices(open.stream().map(io.huikuan.ledger.InvoiceView::invoiceNo).toList(), java.time.LocalDate.now(clock)));
        model.addAttribute("payments", queries.payments(new PaymentFilter(code, null, null, null, null), "paymentDate", true, 0, 20));
        Page<io.huikuan.ledger.HistoryEntry> entries = history.forCustomer(code, Math.max(historyPage, 0), 20);
        model.addAttribute("history", new Page<>(historyRows.rows(entries.items()), entries.total(), entries.page(), entries.size()));
        model.addAttribute("historyLinks", new ListLinks(customerUrl(code), null, false));
        if (!model.containsAttribute("profileForm")) {
            model.addAttribute("profileForm", CustomerForm.of(customer));
            model.addAttribute("profileErrors", FormErrors.none());
        }
        if (!model.containsAttribute("contactForm")) {
            model.addAttribute("contactForm", ContactForm.empty());
            model.addAttribute("contactErrors", FormErrors.none());
        }
        model.addAttribute("contactRoles", Contact.ContactRole.values());
        model.addAttribute("channels", Contact.Channel.values());
        model.addAttribute("personalityTypes", PersonalityType.values());
        model.addAttribute("owners", ownerChoices());
        model.addAttribute("grades", GRADES);
        return "ledger/customer";
    }

    private Customer parse(CustomerForm form, String code, FormErrors errors) {
        BigDecimal limit = errors.amount("creditLimit", form.creditLimit(), false);
        Integer days = errors.integer("creditDays", form.creditDays());
        return new Customer(trim(code), trim(form.name()), trim(form.creditCode()), trim(form.region()), trim(form.businessUnit()),
                trim(form.industry()), blankToNull(form.owner()), limit, days, blankToNull(form.grade()), List.of());
    }

    /** Users a customer may be assigned to (the owner filter and field). */
    private List<String> ownerChoices() {
        if (CurrentUser.get().portfolioOnly()) {
            return List.of(CurrentUser.get().username());
        }
        return users.all().stream().filter(UserAccount::enabled).map(UserAccount::username).toList();
    }

    static String customerUrl(String code) {
        return "/customers/" + UriUtils.encodePathSegment(code, java.nio.charset.StandardCharsets.UTF_8);
    }

    static <E extends Enum<E>> E parseEnum(Class<E> type, String raw, String field, FormErrors errors, boolean required) {
        if (raw == null || raw.isBlank()) {
            if (required) {
                errors.addCode(field, "error.required");
            }
            return null;
        }
        try {
            return Enum.valueOf(type, raw.trim());
        } catch (IllegalArgumentException e) {
            errors.addCode(field, "error.choice");
            return null;
        }
    }

    static String trim(String s) {
        return s == null ? null : s.trim();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
