package io.huikuan.correspondence;

import io.huikuan.correspondence.TemplateData.InvoiceRow;
import io.huikuan.correspondence.TemplateData.Party;
import io.huikuan.correspondence.TemplateData.Person;
import io.huikuan.correspondence.TemplateData.Totals;
import io.huikuan.customer.Contact;
import io.huikuan.customer.Customer;
import io.huikuan.customer.CustomerRef;
import io.huikuan.customer.CustomerService;
import io.huikuan.ledger.LateClause;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the {@link TemplateData} of a customer as of a day from the ledger: every invoice open at that day
 * is read with one statement from the balance read model (with its contract's late clause and whether a
 * the amount of the disputes open then); the overdue undisputed ones (the undisputed rest of a partly disputed one) are listed (the undisputed ones not yet due separately), with interest to date = open × rate × days
 * overdue (daily rate) or open × rate × days / 365 (annual rate), exact, rounded HALF_UP to cents per invoice. When a
 * {@link LetterFigures} calculator is present (the legal module), it adds the figures of the overdue invoices in the
 * totals' currency: interest to date (the contract's clause, else the configured daily rate), claim and court-fee estimate.
 */
@Service
public class TemplateDataBuilder {

    private static final BigDecimal DAYS_A_YEAR = BigDecimal.valueOf(365);
    private static final String BASE = io.huikuan.ledger.Currencies.BASE;

    private static BigDecimal[] zeros() {
        BigDecimal z = BigDecimal.ZERO.setScale(2);
        return new BigDecimal[] {z, z, z, z};
    }

    /**
     * Every invoice of customer :c open at :asOf with its open amount, contract clause and an open dispute flag. Reached
     * through the customer's invoices (indexed) and each invoice's balance periods (its primary key): balance_period
     * has no index by customer, and a scan of it cost 135 ms per customer on a million invoices.
     */
    private static final String OPEN_INVOICES = """
            SELECT i.invoice_no, i.issue_date, i.due_date, i.amount, i.currency, b.open_amount, k.late_clause, k.late_rate,
                   (SELECT coalesce(sum(d.amount), 0) FROM invoice_dispute d WHERE d.invoice_id = b.invoice_id AND d.opened_on <= :asOf
                    AND (d.resolved_on IS NULL OR d.resolved_on > :asOf)) disputed
            FROM invoice i
            JOIN balance_period b ON b.invoice_id = i.id AND b.valid_from <= :asOf AND (b.valid_to IS NULL OR b.valid_to > :asOf)
            LEFT JOIN contract k ON k.id = i.contract_id
            WHERE i.customer_id = :c
            ORDER BY i.due_date, i.invoice_no""";

    private final JdbcClient jdbc;
    private final CustomerService customers;
    private final CompanyProfiles profiles;
    private final Signatories signatories;
    private final org.springframework.beans.factory.ObjectProvider<LetterFigures> figures;

    TemplateDataBuilder(JdbcClient jdbc, CustomerService customers, CompanyProfiles profiles, Signatories signatories,
            org.springframework.beans.factory.ObjectProvider<LetterFigures> figures) {
        this.signatories = signatories;
        this.figures = figures;
        this.jdbc = jdbc;
        this.customers = customers;
        this.profiles = profiles;
    }

    /** The data of a customer the current user may see (404 otherwise) as of {@code asOf}. */
    @Transactional(readOnly = true)
    public TemplateData forCustomer(String customerCode, LocalDate asOf) {
        Objects.requireNonNull(asOf, "asOf");
        CustomerRef ref = customers.ref(customerCode);
        Customer customer = customers.get(customerCode);
        List<Open> open = jdbc.sql(OPEN_INVOICES).param("c", ref.id()).param("asOf", Date.valueOf(asOf))
                .query((rs, n) -> new Open(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getDate(3).toLocalDate(), rs.getBigDecimal(4),
                        rs.getString(5).trim(), rs.getBigDecimal(6), rs.getString(7) == null ? LateClause.NONE : LateClause.valueOf(rs.getString(7)),
                        rs.getBigDecimal(8), rs.getBigDecimal(9)))
                .list();
        // issue 12, item 15: totals per currency, the base currency's first (else the first owed), never added together
        java.util.Map<String, BigDecimal[]> sums = new java.util.TreeMap<>(
                java.util.Comparator.comparing((String c) -> BASE.equals(c) ? 0 : 1).thenComparing(c -> c));
        List<InvoiceRow> rows = new ArrayList<>();
        List<InvoiceRow> upcoming = new ArrayList<>();
        List<Open> overdue = new ArrayList<>();
        LocalDate oldest = null;
        for (Open o : open) {
            BigDecimal[] t = sums.computeIfAbsent(o.currency(), c -> zeros()); // overdue, open, interest, not due
            t[1] = t[1].add(o.open());
            if (o.disputed().compareTo(o.open()) >= 0) {
                continue;
            }
            // issue 13, item 6: only the disputed amount is left out; the undisputed rest is demanded
            o = o.withoutDisputed();
            if (!o.due().isBefore(asOf)) {
                upcoming.add(new InvoiceRow(o.number(), o.issued(), o.due(), o.amount(), o.open(), 0, BigDecimal.ZERO.setScale(2), o.currency()));
                t[3] = t[3].add(o.open());
                continue;
            }
            long days = ChronoUnit.DAYS.between(o.due(), asOf);
            BigDecimal i = interest(o.open(), o.clause(), o.rate(), days);
            rows.add(new InvoiceRow(o.number(), o.issued(), o.due(), o.amount(), o.open(), days, i, o.currency()));
            overdue.add(o);
            t[0] = t[0].add(o.open());
            t[2] = t[2].add(i);
            oldest = oldest == null || o.due().isBefore(oldest) ? o.due() : oldest;
        }
        if (sums.isEmpty()) {
            sums.put(BASE, zeros());
        }
        List<Totals> perCurrency = sums.entrySet().stream().map(e -> {
            BigDecimal[] t = e.getValue();
            return new Totals(e.getKey(), t[0], t[1], t[2], t[0].add(t[2]), t[3]);
        }).toList();
        Totals first = perCurrency.getFirst();
        Totals totals = new Totals(first.currency(), first.overdue(), first.open(), first.interest(), first.overdueWithInterest(),
                first.upcoming(), perCurrency.subList(1, perCurrency.size()));
        CompanyProfiles.CompanyProfile company = profiles.current();
        LetterFigures calculator = figures.getIfAvailable();
        LetterFigures.Figures f = calculator == null ? null : calculator.of(overdue.stream().filter(o -> o.currency().equals(totals.currency()))
                .map(o -> new LetterFigures.Overdue(o.number(), o.due(), o.open(), o.clause(), o.rate())).toList(), asOf);
        return new TemplateData(new Party(customer.code(), customer.name(), customer.creditCode()), contact(customer.contacts()), rows,
                upcoming, totals, oldest, collector(customer.owner(), company),
                manager(customer.owner()), company, asOf, asOf.plusDays(company.payByDays()), null, f);
    }

    /**
     * The sample data of the template editor's preview with the calculator's figures, its overdue invoices all under a
     * contract at {@code dailyRate} a day; unchanged without a calculator.
     */
    TemplateData withSampleFigures(TemplateData d, BigDecimal dailyRate) {
        LetterFigures calculator = figures.getIfAvailable();
        if (calculator == null) {
            return d;
        }
        LetterFigures.Figures f = calculator.of(d.invoices().stream()
                .map(r -> new LetterFigures.Overdue(r.number(), r.dueDate(), r.open(), LateClause.DAILY_RATE, dailyRate)).toList(), d.today());
        return new TemplateData(d.customer(), d.contact(), d.invoices(), d.upcoming(), d.totals(), d.oldestDue(), d.collector(), d.manager(),
                d.company(), d.today(), d.payBy(), d.documentNumber(), f);
    }

    /** Interest to date on an open amount overdue for {@code days} under a late clause, rounded HALF_UP to cents. */
    static BigDecimal interest(BigDecimal open, LateClause clause, BigDecimal rate, long days) {
        if (clause == LateClause.NONE || rate == null || days <= 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        BigDecimal raw = open.multiply(rate).multiply(BigDecimal.valueOf(days));
        return clause == LateClause.DAILY_RATE ? raw.setScale(2, RoundingMode.HALF_UP) : raw.divide(DAYS_A_YEAR, 2, RoundingMode.HALF_UP);
    }

    /** The contact a letter is addressed to: the first finance contact, else the first one. */
    private static Person contact(List<Contact> contacts) {
        if (contacts == null || contacts.isEmpty()) {
            return null;
        }
        Contact c = contacts.stream().filter(x -> x.role() == Contact.ContactRole.FINANCE).findFirst().orElse(contacts.getFirst());
        return new Person(c.name(), c.title(), c.phone(), c.email());
    }

    /**
     * The collector as letters and messages sign: the owner's signatory name and title ({@link Signatories}), else the
     * company profile's signatory, else the owner's display name without its portfolio suffix ("赵敏(华南/华北)" → "赵敏");
     * never the display name as the application shows it. Users have no phone or e-mail of their own, so the company's
     * phone and e-mail are given (the reply reaches the collection team either way).
     */
    private Person collector(String owner, CompanyProfiles.CompanyProfile company) {
        if (owner == null) {
            return new Person(company.name(), null, company.phone(), company.email());
        }
        Signatories.Signatory s = signatory(owner);
        return new Person(s.name(), s.title(), company.phone(), company.email());
    }

    /**
     * Who signs a letter to a customer: the owner's own signatory (name and title set on the users page), else the
     * company profile's signatory, else the owner's name without its portfolio suffix; null when there is none of these.
     */
    Person letterSigner(String customerCode, CompanyProfiles.CompanyProfile company) {
        String owner = customers.get(customerCode).owner();
        java.util.Optional<Signatories.Signatory> own = owner == null ? java.util.Optional.empty() : ownSignatory(owner);
        if (own.isPresent()) {
            return new Person(own.get().name(), own.get().title(), null, null);
        }
        if (company.signatoryName() != null && !company.signatoryName().isBlank()) {
            return new Person(company.signatoryName(), company.signatoryTitle(), null, null);
        }
        return owner == null ? null : new Person(nameWithoutSuffix(owner), null, null, null);
    }

    /** A manager: an enabled user with the MANAGER role in the owner's team, else the first manager by username; named as they sign. */
    private Person manager(String owner) {
        String team = owner == null ? null
                : jdbc.sql("SELECT team FROM app_user WHERE username = ?").param(owner).query(String.class).optional().orElse(null);
        return jdbc.sql("""
                SELECT username FROM app_user
                WHERE enabled = TRUE AND (',' || roles || ',') LIKE '%,MANAGER,%'
                ORDER BY CASE WHEN team IS NOT NULL AND team = ? THEN 0 ELSE 1 END, username
                FETCH FIRST 1 ROWS ONLY""")
                .param(team).query(String.class).optional()
                .map(username -> {
                    Signatories.Signatory s = signatory(username);
                    return new Person(s.name(), s.title(), null, null);
                }).orElse(null);
    }

    /**
     * How a user signs: their own signatory (name and title set on the users page), else their display name without a
     * bracketed suffix. Not the company's signatory: a message from the collector must not speak in someone else's name.
     */
    Signatories.Signatory signatory(String username) {
        return ownSignatory(username).orElseGet(() -> new Signatories.Signatory(nameWithoutSuffix(username), null));
    }

    private java.util.Optional<Signatories.Signatory> ownSignatory(String username) {
        return signatories.of(username).filter(s -> s.name() != null && !s.name().isBlank());
    }

    private String nameWithoutSuffix(String username) {
        String display = jdbc.sql("SELECT display_name FROM app_user WHERE username = ?").param(username).query(String.class).optional()
                .orElse(username);
        return withoutSuffix(display == null ? username : display);
    }

    /** "赵敏(华南/华北/西南/东北)" → "赵敏": a display name without the bracketed note after it. */
    static String withoutSuffix(String displayName) {
        String s = displayName.replaceAll("\\s*[(（][^()（）]*[)）]\\s*$", "").strip();
        return s.isEmpty() ? displayName.strip() : s;
    }

    private record Open(String number, LocalDate issued, LocalDate due, BigDecimal amount, String currency, BigDecimal open, LateClause clause,
            BigDecimal rate, BigDecimal disputed) {

        Open withoutDisputed() {
            return new Open(number, issued, due, amount, currency, open.subtract(disputed), clause, rate, BigDecimal.ZERO);
        }
    }
}
