package io.huikuan.credit;

import io.huikuan.common.ConflictException;
import io.huikuan.common.InputRules;
import io.huikuan.common.NotFoundException;
import io.huikuan.common.ValidationException;
import io.huikuan.common.ValidationException.FieldError;
import io.huikuan.customer.Customer;
import io.huikuan.customer.CustomerRef;
import io.huikuan.customer.CustomerService;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import io.huikuan.legal.Attachments;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Credit applications (issue 15, item 3): a new customer's first limit or a higher limit, with the financial data, the
 * policy's recommendation and documents; decided by finance, a manager or an administrator within their authority. An
 * approval changes the customer's limit (credit days, grade) through the customer module, so the change lands in the
 * limit history ({@link CreditLimitHistory}) like any other.
 */
@Service
public class CreditApplications {

    static final String OWNER_KIND = "CREDIT_APPLICATION";
    static final List<String> STATUSES = List.of("SUBMITTED", "APPROVED", "REJECTED", "WITHDRAWN");

    private final CustomerService customers;
    private final CreditScores scores;
    private final CreditApplicationPolicies policies;
    private final CreditApplicationStore store;
    private final Attachments attachments;
    private final MessageSource messages;
    private final Clock clock;

    CreditApplications(CustomerService customers, CreditScores scores, CreditApplicationPolicies policies, CreditApplicationStore store,
            Attachments attachments, MessageSource messages, Clock clock) {
        this.customers = customers;
        this.scores = scores;
        this.policies = policies;
        this.store = store;
        this.attachments = attachments;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * Submits an application (collectors for their own customers; finance, managers, administrators for any). With
     * {@code newCustomer} the customer is created first (without a limit) in the same transaction; nothing is written
     * when a field is wrong.
     */
    @Transactional
    public CreditApplication submit(CreditApplication.Request body) {
        CurrentUser user = CurrentUser.require("apply for credit", Role.COLLECTOR, Role.FINANCE, Role.MANAGER);
        CreditApplication.Request b = body == null
                ? new CreditApplication.Request(null, null, null, null, null, null, null, null, null, null, null, null, null) : body;
        List<FieldError> errors = new ArrayList<>();
        boolean isNew = b.newCustomer() != null;
        String code = b.customerCode() == null || b.customerCode().isBlank() ? null : b.customerCode().strip();
        if (!isNew && code == null) {
            errors.add(FieldError.coded("customerCode", null, "credit.app.customer", "the customer's code (or newCustomer) is required"));
        }
        if (isNew) {
            if (b.newCustomer().code() == null || b.newCustomer().code().isBlank()) {
                errors.add(FieldError.coded("newCustomer.code", null, "required", "is required"));
            } else if (customers.findRef(b.newCustomer().code().strip()).isPresent()) {
                errors.add(FieldError.coded("newCustomer.code", b.newCustomer().code(), "credit.app.exists", "customer {0} already exists",
                        b.newCustomer().code().strip()));
            }
            if (b.newCustomer().name() == null || b.newCustomer().name().isBlank()) {
                errors.add(FieldError.coded("newCustomer.name", null, "required", "is required"));
            }
        }
        BigDecimal requested = Amounts.money("requestedLimit", b.requestedLimit(), true, false, errors);
        if (requested != null && requested.signum() == 0) {
            errors.add(FieldError.coded("requestedLimit", b.requestedLimit(), "credit.app.positive", "an amount above 0"));
        }
        Integer days = Amounts.whole("creditDays", b.creditDays(), 0, 720, errors);
        BigDecimal revenue = Amounts.money("revenue", b.revenue(), true, false, errors);
        BigDecimal profit = Amounts.money("profit", b.profit(), true, true, errors);
        BigDecimal equity = Amounts.money("equity", b.equity(), true, true, errors);
        BigDecimal liabilities = Amounts.money("totalLiabilities", b.totalLiabilities(), true, false, errors);
        BigDecimal capital = Amounts.money("registeredCapital", b.registeredCapital(), false, false, errors);
        Integer years = Amounts.whole("yearsInBusiness", b.yearsInBusiness(), 0, 300, errors);
        String guarantees = text("guarantees", b.guarantees(), errors);
        String banks = text("bankReferences", b.bankReferences(), errors);
        String note = text("note", b.note(), errors);
        CustomerRef ref = null;
        if (!isNew && code != null) {
            ref = customers.findRef(code).filter(r -> user.mayAccess(r.owner())).orElse(null);
            if (ref == null) {
                errors.add(FieldError.coded("customerCode", code, "credit.app.unknownCustomer", "no customer {0} in your portfolio", code));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        if (isNew) {
            CreditApplication.NewCustomer n = b.newCustomer();
            customers.create(new Customer(n.code().strip(), n.name().strip(), n.creditCode(), null, null, null,
                    n.owner() == null || n.owner().isBlank() ? null : n.owner().strip(), null, days, null, List.of()), "credit application");
            ref = customers.ref(n.code().strip());
        }
        Customer current = customers.get(ref.code());
        LocalDate today = LocalDate.now(clock);
        CreditScore score = scores.of(ref.id(), today).score();
        Grade grade = Grade.valueOf(score.effectiveGrade());
        CreditApplicationPolicy policy = policies.current();
        Locale locale = LocaleContextHolder.getLocale();
        LimitRecommendation.Result rec = LimitRecommendation.of(policy, revenue, profit, equity, liabilities, grade, score.score(), requested,
                (key, args) -> messages.getMessage(key, args, key, locale));
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        long id = store.insert(new CreditApplicationStore.NewRow(ref.id(), isNew ? "NEW_CUSTOMER" : "INCREASE", requested, days,
                current.creditLimit(), revenue, profit, equity, liabilities, capital, years, guarantees, banks, note, score.score(), grade.name(),
                rec.limit(), rec.reasons(), user.username(), at));
        return get(id);
    }

    /** Submits an application with a document (none when {@code size} is 0), all or nothing (the forms). */
    @Transactional
    public CreditApplication submit(CreditApplication.Request body, String fileName, long size, Attachments.FileContent content) {
        CreditApplication a = submit(body);
        return size <= 0 ? a : attach(a.id(), fileName, size, content, null, null);
    }

    /** Applications, newest first (at most 500), by status and customer; a collector sees their own customers'. */
    @Transactional(readOnly = true)
    public List<CreditApplication> list(String status, String customerCode) {
        String s = status == null || status.isBlank() ? null : status.strip().toUpperCase(Locale.ROOT);
        if (s != null && !STATUSES.contains(s)) {
            throw ValidationException.coded("status", status, "credit.app.status", "one of SUBMITTED, APPROVED, REJECTED, WITHDRAWN");
        }
        Long customerId = customerCode == null || customerCode.isBlank() ? null : customers.ref(customerCode.strip()).id();
        CurrentUser user = CurrentUser.get();
        List<CreditApplication> list = store.list(s, customerId, user.portfolioOnly() ? user.username() : null);
        java.util.Map<Long, List<CreditApplication.Document>> docs = store.documents(list.stream().map(CreditApplication::id).toList());
        return list.stream().map(a -> a.withDocuments(docs.getOrDefault(a.id(), List.of()))).toList();
    }

    /** One application with its documents (404 when unknown or not the user's customer). */
    @Transactional(readOnly = true)
    public CreditApplication get(long id) {
        CreditApplication a = store.find(id).orElseThrow(() -> new NotFoundException("credit application", String.valueOf(id)));
        customers.ref(a.customerCode());
        return a.withDocuments(store.documents(List.of(id)).getOrDefault(id, List.of()));
    }

    /**
     * Approves (FINANCE up to the finance authority, MANAGER up to the manager's, ADMIN any; a limit above the recommendation
     * needs one level more; 403 otherwise) and changes the customer's limit, credit days and (optionally) grade.
     */
    @Transactional
    public CreditApplication approve(long id, CreditApplication.Decision body) {
        CurrentUser user = CurrentUser.require("decide credit applications", Role.FINANCE, Role.MANAGER);
        CreditApplication a = submitted(id);
        CreditApplication.Decision d = body == null ? new CreditApplication.Decision(null, null, null, null, null) : body;
        List<FieldError> errors = new ArrayList<>();
        BigDecimal limit = d.limit() == null || d.limit().isBlank() ? a.requestedLimit() : Amounts.money("limit", d.limit(), true, false, errors);
        Integer days = d.creditDays() == null || d.creditDays().isBlank() ? a.creditDays() : Amounts.whole("creditDays", d.creditDays(), 0, 720, errors);
        String grade = d.grade() == null || d.grade().isBlank() ? null : d.grade().strip().toUpperCase(Locale.ROOT);
        if (grade != null && !grade.matches("[A-E]")) {
            errors.add(FieldError.coded("grade", d.grade(), "credit.grade", "one of A, B, C, D, E"));
        }
        String note = text("note", d.note(), errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Role required = LimitRecommendation.required(policies.current(), limit, a.recommendedLimit());
        if (!LimitRecommendation.mayDecide(user, required)) {
            throw new AccessDeniedException("a limit of " + LimitRecommendation.plain(limit) + " needs the authority of " + required
                    + " (your roles " + user.roles() + ")");
        }
        if (!store.approve(id, limit, days, grade, user.username(), clock.instant(), note)) {
            throw new ConflictException("id", "application " + id + " is no longer submitted");
        }
        Customer c = customers.get(a.customerCode());
        customers.update(c.code(), new Customer(c.code(), c.name(), c.creditCode(), c.region(), c.businessUnit(), c.industry(), c.owner(), limit,
                days == null ? c.creditDays() : days, grade == null ? c.grade() : grade, List.of()), CreditLimitHistory.reason("APPLICATION", id, note));
        return get(id);
    }

    /** Rejects with a reason (required), by anyone who may decide applications. */
    @Transactional
    public CreditApplication reject(long id, CreditApplication.Decision body) {
        CurrentUser user = CurrentUser.require("decide credit applications", Role.FINANCE, Role.MANAGER);
        submitted(id);
        List<FieldError> errors = new ArrayList<>();
        String reason = text("reason", body == null ? null : body.reason(), errors);
        if (reason == null && errors.isEmpty()) {
            errors.add(FieldError.coded("reason", null, "credit.app.reasonRequired", "a rejection needs a reason"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        if (!store.close(id, "REJECTED", user.username(), clock.instant(), reason)) {
            throw new ConflictException("id", "application " + id + " is no longer submitted");
        }
        return get(id);
    }

    /** The applicant (or a manager) withdraws a submitted application. */
    @Transactional
    public CreditApplication withdraw(long id) {
        CurrentUser user = CurrentUser.get();
        CreditApplication a = submitted(id);
        if (!user.isManager() && !user.username().equals(a.appliedBy())) {
            throw new AccessDeniedException("only the applicant or a manager may withdraw application " + id);
        }
        store.close(id, "WITHDRAWN", user.username(), clock.instant(), null);
        return get(id);
    }

    /** Attaches a document (type- and size-checked, stored with its SHA-256 in the document store) while the application is open. */
    @Transactional
    public CreditApplication attach(long id, String fileName, long size, Attachments.FileContent content, String category, String description) {
        CreditApplication a = get(id);
        attachments.upload(a.customerCode(), fileName, size, content, new Attachments.Upload(category == null || category.isBlank() ? "OTHER"
                : category, null, description, OWNER_KIND, String.valueOf(id), null));
        return get(id);
    }

    private CreditApplication submitted(long id) {
        CreditApplication a = get(id);
        if (!"SUBMITTED".equals(a.status())) {
            throw new ConflictException("id", "application " + id + " is " + a.status() + ", not SUBMITTED");
        }
        return a;
    }

    private static String text(String field, String raw, List<FieldError> errors) {
        String v = raw == null || raw.isBlank() ? null : raw.strip();
        InputRules.textRule(field, v, 1000).ifPresent(errors::add);
        return v;
    }
}
