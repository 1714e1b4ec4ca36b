package io.huikuan.correspondence;

import io.huikuan.common.ValidationException;
import io.huikuan.customer.CustomerRef;
import io.huikuan.customer.CustomerService;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import io.huikuan.worklist.Tone;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Letters to a customer as PDF, written from a LETTER template and laid out on the company's letterhead with
 * the signatory and the seal: payment reminder, formal demand (催款函), balance confirmation with its reply slip
 * (对账函/询证函) and the lawyer letter draft (律师函). One letter per customer covers all its overdue undisputed
 * invoices. Each issued letter is numbered, stored with its SHA-256, recorded as an activity and announced
 * with {@link DemandIssued}.
 */
@Service
public class Letters {

    private final TemplateDataBuilder data;
    private final Templates templates;
    private final PdfRenderer pdf;
    private final Documents documents;
    private final CompanyProfiles profiles;
    private final CustomerService customers;
    private final Clock clock;

    Letters(TemplateDataBuilder data, Templates templates, PdfRenderer pdf, Documents documents, CompanyProfiles profiles,
            CustomerService customers, Clock clock) {
        this.data = data;
        this.templates = templates;
        this.pdf = pdf;
        this.documents = documents;
        this.profiles = profiles;
        this.customers = customers;
        this.clock = clock;
    }

    /** A letter rendered, not yet stored: for the preview. */
    public record Draft(DocumentKind kind, String title, byte[] pdf, TemplateData data, long templateVersionId) {
    }

    /** Who may issue a kind of letter: demands and lawyer letters carry the manager's or legal's weight. */
    static Role[] issuers(DocumentKind kind) {
        return switch (kind) {
            case DEMAND_LETTER -> new Role[] {Role.MANAGER, Role.LEGAL};
            case LAWYER_LETTER -> new Role[] {Role.LEGAL, Role.MANAGER};
            default -> new Role[] {Role.COLLECTOR, Role.FINANCE, Role.MANAGER, Role.LEGAL};
        };
    }

    /** May this user issue this kind of letter? (The letter form offers only these kinds, issue 12, item 8.) */
    public static boolean mayIssue(CurrentUser user, DocumentKind kind) {
        return user.has(Role.ADMIN) || java.util.Arrays.stream(issuers(kind)).anyMatch(user::has);
    }

    /** The tone a kind of letter is written in unless the caller says otherwise. */
    static Tone defaultTone(DocumentKind kind) {
        return switch (kind) {
            case DEMAND_LETTER -> Tone.FINAL;
            case LAWYER_LETTER -> Tone.LEGAL;
            default -> Tone.GENTLE;
        };
    }

    /**
     * Renders the letter without storing it (404 outside the user's portfolio; 400 when a demand has nothing overdue).
     * Writable: a letter carrying {@code {{portal.link}}} makes (or reuses) the customer's message link, in this transaction.
     */
    @Transactional
    public Draft preview(String customerCode, DocumentKind kind, Tone tone, Locale locale) {
        return render(data.forCustomer(customerCode, LocalDate.now(clock)), kind, tone, locale, null);
    }

    /**
     * Issues the letter: renders, numbers and stores it, records the activity (completing {@code taskId} when given)
     * and publishes {@link DemandIssued}, all in one transaction.
     */
    @Transactional
    public Documents.Document issue(String customerCode, DocumentKind kind, Tone tone, Locale locale, Long taskId) {
        requireLetter(kind);
        CurrentUser.require("issue " + kind, issuers(kind));
        return issue(data.forCustomer(customerCode, LocalDate.now(clock)), kind, tone, locale, taskId);
    }

    /**
     * The same for data the caller has built for the customer today, by a caller that has checked the kind and the
     * user's roles (the daily run's steps, produced as the system).
     */
    @Transactional
    Documents.Document issue(TemplateData customer, DocumentKind kind, Tone tone, Locale locale, Long taskId) {
        return issue(customer, kind, tone, locale, taskId, () -> {
        });
    }

    /** The same, running {@code rendered} once the letter is rendered and stored, before its activity is recorded. */
    @Transactional
    Documents.Document issue(TemplateData customer, DocumentKind kind, Tone tone, Locale locale, Long taskId, Runnable rendered) {
        CurrentUser user = CurrentUser.get();
        CustomerRef ref = customers.ref(customer.customer().code());
        Instant now = Instant.now(clock);
        // the number is known only once stored: reserve it by storing, then render with it and replace the content
        long id = documents.store(new Documents.NewDocument(ref.id(), kind, kind.name(), null, null, LocalDate.now(clock), null, taskId, null,
                kind.draft(), new byte[0], user.username()), now);
        String number = documents.number(kind, now, id);
        Draft d = render(customer, kind, tone, locale, number);
        documents.replaceContent(id, d.title(), amount(kind, d.data()), d.templateVersionId(), d.pdf());
        rendered.run();
        Documents.Document doc = documents.get(id);
        String contactNote = d.data().contact() == null ? "" : " → " + d.data().contact().name();
        // a draft's task stays open until legal has reviewed and sent it
        documents.issued(doc, ref.id(), kind.draft() ? null : taskId, d.title() + contactNote, amount(kind, d.data()), d.data().totals().currency(),
                d.data().invoices().stream().map(TemplateData.InvoiceRow::number).toList(), user.username(), now);
        return doc;
    }

    private static void requireLetter(DocumentKind kind) {
        if (kind == null || kind == DocumentKind.STATEMENT) {
            throw ValidationException.coded("kind", kind, "letter.kind", "must be one of PAYMENT_REMINDER, DEMAND_LETTER, "
                    + "BALANCE_CONFIRMATION, LAWYER_LETTER (statements: POST /api/customers/{code}/statements)");
        }
    }

    /** The amount a letter states: the balance for a confirmation, the overdue total otherwise. */
    static java.math.BigDecimal amount(DocumentKind kind, TemplateData d) {
        return kind == DocumentKind.BALANCE_CONFIRMATION ? d.totals().open() : d.totals().overdue();
    }

    private Draft render(TemplateData customer, DocumentKind kind, Tone tone, Locale locale, String number) {
        Locale lang = locale == null ? Locale.SIMPLIFIED_CHINESE : locale;
        TemplateData td = customer;
        if (kind.needsOverdue() && td.invoices().isEmpty()) {
            throw ValidationException.coded("kind", kind, "letter.nothingOverdue",
                    "customer " + td.customer().code() + " has no overdue undisputed invoice to demand", td.customer().code());
        }
        if (number != null) {
            td = td.withDocumentNumber(number);
        }
        RenderedMessage text = templates.render(kind.template(), TemplateChannel.LETTER, lang, tone == null ? defaultTone(kind) : tone, td);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("d", td);
        v.put("kind", kind.name());
        v.put("title", text.subject());
        v.put("body", text.html());
        v.put("number", number);
        v.put("draft", kind.draft());
        v.put("amount", amount(kind, td));
        v.put("amountUpper", ChineseAmount.upper(amount(kind, td)));
        v.put("signer", data.letterSigner(td.customer().code(), td.company()));
        v.put("seal", profiles.seal().map(Letters::dataUri).orElse(null));
        v.put("logo", profiles.logo().map(Letters::dataUri).orElse(null));
        v.put("zh", "zh".equals(lang.getLanguage()));
        boolean portal = text.portalLink() != null && text.portalLink().matches("https?://\\S+");
        v.put("portalLink", portal ? text.portalLink() : null);
        v.put("portalQr", portal ? QrCodes.pngDataUri(text.portalLink()) : null);
        byte[] bytes = pdf.render("correspondence/letter", v, lang);
        return new Draft(kind, text.subject(), bytes, td, text.templateVersionId());
    }

    private static String dataUri(CompanyProfiles.Image i) {
        return "data:" + i.contentType() + ";base64," + Base64.getEncoder().encodeToString(i.bytes());
    }
}
