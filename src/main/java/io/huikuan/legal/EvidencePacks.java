package io.huikuan.legal;

import io.huikuan.common.ValidationException;
import io.huikuan.common.ValidationException.FieldError;
import io.huikuan.customer.CustomerRef;
import io.huikuan.customer.CustomerService;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import io.huikuan.legal.internal.EvidencePackQueries;
import io.huikuan.legal.internal.EvidencePackWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The evidence pack (证据材料): what a lawyer asks for on day one, as one ZIP for a customer (optionally only some of its
 * invoices, which is what a legal case's pack is) as of a date: {@code 01-index.pdf}, {@code 02-contracts/},
 * {@code 03-invoices/} (uploaded invoices and {@code invoices.xlsx}), {@code 04-delivery/}, {@code 05-statements/}
 * (issued statements and balance confirmations, signed replies), {@code 06-demands/} (letters, delivered messages with
 * their delivery evidence, courier receipts), {@code 07-activities.xlsx}, {@code 08-payments.xlsx},
 * {@code 09-limitation.xlsx}, {@code 10-other/}. Only facts dated on or before the date are in it. Legal, managers,
 * administrators and finance.
 */
@Service
public class EvidencePacks {

    private final CustomerService customers;
    private final EvidencePackQueries queries;
    private final EvidencePackWriter writer;
    private final LegalCases cases;
    private final Clock clock;

    EvidencePacks(CustomerService customers, EvidencePackQueries queries, EvidencePackWriter writer, LegalCases cases, Clock clock) {
        this.cases = cases;
        this.customers = customers;
        this.queries = queries;
        this.writer = writer;
        this.clock = clock;
    }

    /** May the user make evidence packs? */
    public static boolean mayMake(CurrentUser user) {
        return user.has(Role.ADMIN) || user.has(Role.LEGAL) || user.has(Role.MANAGER) || user.has(Role.FINANCE);
    }

    /** The pack's file name: {@code evidence-<code>-<asOf>.zip}. */
    public static String fileName(String customerCode, LocalDate asOf) {
        return "evidence-" + customerCode + "-" + asOf + ".zip";
    }

    /**
     * Checks a request before anything is written (the caller can still answer with an error): the user's role, the
     * customer (404 outside the portfolio), {@code asOf} not after today, every invoice number the customer's.
     * Answers {@code asOf}, today when null.
     */
    @Transactional(readOnly = true)
    public LocalDate check(String customerCode, Set<String> invoiceNos, LocalDate asOf) {
        CurrentUser.require("make evidence packs", Role.LEGAL, Role.MANAGER, Role.FINANCE);
        CustomerRef ref = customers.ref(customerCode);
        LocalDate today = LocalDate.now(clock);
        LocalDate date = asOf == null ? today : asOf;
        List<FieldError> errors = new ArrayList<>();
        if (date.isAfter(today)) {
            errors.add(FieldError.coded("asOf", date, "evidence.as-of.future", "must not be after today (" + today + "): a pack holds facts, not plans",
                    today));
        }
        Set<String> own = queries.ownInvoices(ref.id(), invoiceNos == null ? Set.of() : invoiceNos);
        for (String no : invoiceNos == null ? Set.<String>of() : invoiceNos) {
            if (!own.contains(no)) {
                errors.add(FieldError.coded("invoiceNos", no, "evidence.invoice", "invoice " + no + " is not an invoice of customer " + ref.code(), no,
                        ref.code()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return date;
    }

    /**
     * Writes the pack for the customer's invoices {@code invoiceNos} (empty: all) as of {@code asOf} (null: today), its
     * index in the language of {@code locale} (Chinese unless English), as a ZIP to {@code out} (finished, not closed).
     * Validation errors ({@link #check}) come before the first byte is written.
     */
    @Transactional(readOnly = true)
    public void write(String customerCode, Set<String> invoiceNos, LocalDate asOf, Locale locale, OutputStream out) throws IOException {
        Set<String> numbers = invoiceNos == null ? Set.of() : new LinkedHashSet<>(invoiceNos);
        LocalDate date = check(customerCode, numbers, asOf);
        Locale lang = locale != null && "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        writer.write(new EvidencePackWriter.Scope(customers.ref(customerCode), Set.copyOf(numbers), date, lang), out);
    }

    /** Today in the company's zone (the default as-of date). */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The pack's file name for a legal case: {@code evidence-case-<id>-<asOf>.zip}. */
    public static String caseFileName(long caseId, LocalDate asOf) {
        return "evidence-case-" + caseId + "-" + asOf + ".zip";
    }

    /**
     * Checks a case's pack request before anything is written: the case visible to the user (404 otherwise), the user's
     * role, {@code asOf} not after today. Answers the case.
     */
    @Transactional(readOnly = true)
    public LegalCase checkCase(long caseId, LocalDate asOf) {
        CurrentUser.require("make evidence packs", Role.LEGAL, Role.MANAGER, Role.FINANCE);
        LegalCase c = cases.get(caseId);
        check(c.customerCode(), Set.copyOf(c.invoiceNos()), asOf);
        return c;
    }

    /**
     * Writes the evidence pack of a legal case: the customer's pack restricted to the case's invoices, plus every document
     * uploaded for the case (ownerKind CASE, in {@code 11-case/}), its index naming the case (kind, court, case number,
     * claim). Validation errors ({@link #checkCase}) come before the first byte is written.
     */
    @Transactional(readOnly = true)
    public void writeCase(long caseId, LocalDate asOf, Locale locale, OutputStream out) throws IOException {
        LegalCase c = checkCase(caseId, asOf);
        LocalDate date = asOf == null ? LocalDate.now(clock) : asOf;
        Locale lang = locale != null && "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        EvidencePackWriter.CaseFacts facts = new EvidencePackWriter.CaseFacts(c.id(), c.kind().name(), c.court(), c.caseNo(), c.principal(),
                c.interest(), c.penalty(), c.costs(), c.claimTotal());
        writer.write(new EvidencePackWriter.Scope(customers.ref(c.customerCode()), Set.copyOf(c.invoiceNos()), date, lang, facts), out);
    }

    /** Invoice numbers from a comma list (blank: none). */
    public static Set<String> invoiceList(String list) {
        Set<String> numbers = new LinkedHashSet<>();
        if (list != null) {
            for (String no : list.split("[,，;\\s]+")) {
                if (!no.isBlank()) {
                    numbers.add(no.strip());
                }
            }
        }
        return numbers;
    }
}
