package io.huikuan.credit;

import io.huikuan.common.ConflictException;
import io.huikuan.common.InputRules;
import io.huikuan.common.NotFoundException;
import io.huikuan.common.ValidationException;
import io.huikuan.customer.CustomerRef;
import io.huikuan.customer.CustomerService;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import io.huikuan.negotiation.SupplyHold;
import io.huikuan.negotiation.SupplyHoldQueries;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The credit check for the ERP and for sales (issue 15, item 2). For one customer only: today's stored score and its
 * live exposure ({@link CreditCheckFacts}, one indexed statement), the supply hold in force and the policy decide:
 * BLOCK when on hold or when exposure + amount exceeds the limit by more than the tolerance; APPROVE when the amount fits
 * the available limit and the grade in force is not below the review grade; REVIEW otherwise (also without a limit).
 * Every check is recorded; a REVIEW waits for finance or a manager, whose answer goes out as {@link CreditCheckDecided}.
 */
@Service
public class CreditChecks {

    static final int MAX_REFERENCE = 100;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final CustomerService customers;
    private final CreditCheckFacts facts;
    private final CreditPolicies policies;
    private final SupplyHoldQueries holds;
    private final CreditCheckStore store;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CreditChecks(CustomerService customers, CreditCheckFacts facts, CreditPolicies policies, SupplyHoldQueries holds, CreditCheckStore store,
            MessageSource messages, ApplicationEventPublisher events, Clock clock) {
        this.customers = customers;
        this.facts = facts;
        this.policies = policies;
        this.holds = holds;
        this.store = store;
        this.messages = messages;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Checks an order and records the check (any authenticated user; a collector only for their own customers): one
     * transaction on one connection, reading, then writing the record in one INSERT (and, the first time of the day for
     * a customer, its score snapshot).
     */
    @Transactional
    public CreditCheck check(CreditCheck.Request body) {
        if (body == null || body.customerCode() == null || body.customerCode().isBlank()) {
            throw ValidationException.coded("customerCode", null, "credit.check.customer", "the customer's code is required");
        }
        BigDecimal amount = amount(body.amount());
        String reference = body.reference() == null || body.reference().isBlank() ? null : body.reference().strip();
        if (reference != null && reference.length() > MAX_REFERENCE) {
            throw ValidationException.coded("reference", reference, "credit.check.reference", "at most {0} characters", MAX_REFERENCE);
        }
        InputRules.textRule("reference", reference).ifPresent(e -> {
            throw new ValidationException(List.of(e));
        });
        CustomerRef ref = customers.ref(body.customerCode().strip());
        LocalDate today = LocalDate.now(clock);
        CreditCheckFacts.Facts s = facts.of(ref.id(), today);
        BigDecimal exposure = s.exposure();
        BigDecimal limit = s.limit();
        BigDecimal available = limit == null ? null : limit.subtract(exposure);
        Grade grade = s.grade();
        CreditPolicy policy = policies.current();
        SupplyHold hold = holds.inForce(ref.id(), today).orElse(null);

        List<String> reasons = new ArrayList<>();
        boolean block = false;
        boolean review = false;
        if (hold != null) {
            block = true;
            reasons.add(words("credit.check.reason.hold", hold.reason()));
        }
        BigDecimal after = exposure.add(amount);
        if (limit == null) {
            review = true;
            reasons.add(words("credit.check.reason.noLimit"));
        } else if (after.compareTo(limit) > 0) {
            BigDecimal ceiling = limit.add(limit.multiply(policy.tolerancePct()).divide(HUNDRED, 2, RoundingMode.HALF_UP));
            String pct = policy.tolerancePct().stripTrailingZeros().toPlainString();
            if (after.compareTo(ceiling) > 0) {
                block = true;
                reasons.add(words("credit.check.reason.overTolerance", plain(after), plain(limit), pct));
            } else {
                review = true;
                reasons.add(words("credit.check.reason.withinTolerance", plain(after), plain(limit), pct));
            }
        } else {
            reasons.add(words("credit.check.reason.fits", plain(amount), plain(available)));
        }
        if (grade.ordinal() > policy.review().ordinal()) {
            review = true;
            reasons.add(words("credit.check.reason.grade", grade.name(), policy.reviewGrade(), s.score()));
        }
        String decision = block ? "BLOCK" : review ? "REVIEW" : "APPROVE";
        if (decision.equals("APPROVE")) {
            reasons.add(words("credit.check.reason.grade.ok", grade.name(), policy.reviewGrade()));
        }
        String by = CurrentUser.get().username();
        java.time.Instant at = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        long id = store.insert(ref.id(), amount, reference, decision, exposure, limit, available, s.openOrders(), grade.name(), s.score(), reasons, by, at);
        return new CreditCheck(id, ref.code(), amount, reference, decision, exposure, limit, available, grade.name(), s.score(),
                List.copyOf(reasons), by, at, decision.equals("REVIEW") ? "PENDING" : null, null, null, null, s.openOrders());
    }

    /** Checks recorded, newest first, optionally of one customer and one decision (a collector: their own customers). */
    @Transactional(readOnly = true)
    public List<CreditCheck> list(String customerCode, String decision, String review) {
        Long customerId = customerCode == null || customerCode.isBlank() ? null : customers.ref(customerCode.strip()).id();
        String d = decision == null || decision.isBlank() ? null : decision.strip().toUpperCase();
        if (d != null && !List.of("APPROVE", "REVIEW", "BLOCK").contains(d)) {
            throw ValidationException.coded("decision", decision, "credit.check.decision", "one of APPROVE, REVIEW, BLOCK");
        }
        String r = review == null || review.isBlank() ? null : review.strip().toUpperCase();
        if (r != null && !List.of("PENDING", "APPROVED", "REJECTED").contains(r)) {
            throw ValidationException.coded("review", review, "credit.check.review", "one of PENDING, APPROVED, REJECTED");
        }
        CurrentUser user = CurrentUser.get();
        return store.list(customerId, d, r, user.portfolioOnly() ? user.username() : null);
    }

    /** One recorded check (404 when unknown or not the user's customer). */
    @Transactional(readOnly = true)
    public CreditCheck get(long id) {
        CreditCheck c = store.find(id).orElseThrow(() -> new NotFoundException("credit check", String.valueOf(id)));
        customers.ref(c.customerCode());
        return c;
    }

    /** Finance or a manager approves or rejects a check under review, with a note; the ERP hears of it by webhook. */
    @Transactional
    public CreditCheck decide(long id, boolean approve, CreditCheck.Decision body) {
        CurrentUser user = CurrentUser.require("decide a credit check", Role.FINANCE, Role.MANAGER);
        CreditCheck c = get(id);
        String note = body == null || body.note() == null || body.note().isBlank() ? null : body.note().strip();
        if (note != null && note.length() > 500) {
            throw ValidationException.coded("note", note, "credit.check.note", "at most {0} characters", 500);
        }
        if (!approve && note == null) {
            throw ValidationException.coded("note", null, "credit.check.note.required", "a rejection needs a note");
        }
        if (!"PENDING".equals(c.review()) || !store.decide(id, approve ? "APPROVED" : "REJECTED", user.username(), clock.instant(), note)) {
            throw new ConflictException("id", "check " + id + " is not waiting for a review (" + (c.review() == null ? c.decision() : c.review()) + ")");
        }
        events.publishEvent(new CreditCheckDecided(id, c.customerCode(), c.reference(), c.amount(), approve, note, user.username()));
        return store.find(id).orElseThrow();
    }

    private static BigDecimal amount(String raw) {
        if (raw == null || raw.isBlank()) {
            throw ValidationException.coded("amount", raw, "credit.check.amount", "an amount above 0 with at most 2 decimals");
        }
        BigDecimal a;
        try {
            a = new BigDecimal(raw.strip());
        } catch (NumberFormatException e) {
            throw ValidationException.coded("amount", raw, "credit.check.amount", "an amount above 0 with at most 2 decimals");
        }
        if (a.signum() <= 0 || a.scale() > 2 || a.compareTo(InputRules.MAX_AMOUNT) > 0) {
            throw ValidationException.coded("amount", raw, "credit.check.amount", "an amount above 0 with at most 2 decimals");
        }
        return a.setScale(2, RoundingMode.UNNECESSARY);
    }

    private static String plain(BigDecimal b) {
        return b.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private String words(String key, Object... args) {
        return messages.getMessage(key, Arrays.copyOf(args, args.length), key, LocaleContextHolder.getLocale());
    }

}
