package io.huikuan.negotiation;

import io.huikuan.common.ConflictException;
import io.huikuan.common.InputRules;
import io.huikuan.common.NotFoundException;
import io.huikuan.common.ValidationException;
import io.huikuan.common.ValidationException.FieldError;
import io.huikuan.customer.CustomerRef;
import io.huikuan.customer.CustomerService;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The offers log (issue 13, item 5): collectors (for their own customers), managers, finance and legal record what was
 * offered or asked on each side and answer it: an OPEN offer is ACCEPTED, REFUSED or WITHDRAWN once, on a day not before
 * it was made and not after today. An offer may name the activity it was made in, which must be the same customer's.
 */
@Service
public class Offers {

    static final Role[] NEGOTIATORS = {Role.COLLECTOR, Role.MANAGER, Role.FINANCE, Role.LEGAL};
    static final int MAX_TERMS = 2000;
    static final int MAX_NOTE = 500;

    /**
     * An offer as typed: {@code side} OURS|THEIRS, {@code kind} one of {@link OfferKind}, {@code offeredOn} (null: today),
     * {@code amount} (optional, &gt; 0, two decimals), {@code terms} (required), and the optional links.
     */
    public record NewOffer(String side, String kind, LocalDate offeredOn, String amount, String terms, Long activityId, Long planId,
            Long concessionId) {
    }

    /** An answer: on which day (null: today) and a note (optional). */
    public record Answer(LocalDate on, String note) {
    }

    private final CustomerService customers;
    private final OfferQueries queries;
    private final JdbcClient jdbc;
    private final Clock clock;

    Offers(CustomerService customers, OfferQueries queries, JdbcClient jdbc, Clock clock) {
        this.customers = customers;
        this.queries = queries;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** May the current user record and answer offers (of the customers they may see)? */
    public static boolean mayNegotiate() {
        CurrentUser u = CurrentUser.get();
        return u.has(Role.ADMIN) || Arrays.stream(NEGOTIATORS).anyMatch(u::has);
    }

    /** The customer's offers made on or before {@code asOf} (null: today), oldest first, each as it stood that day. */
    @Transactional(readOnly = true)
    public List<Offer> forCustomer(String code, LocalDate asOf) {
        CustomerRef ref = customers.ref(code);
        return queries.history(ref.id(), asOf == null ? LocalDate.now(clock) : InputRules.checkDate("asOf", asOf));
    }

    /** The customer's offers as of today, oldest first. */
    public List<Offer> forCustomer(String code) {
        return forCustomer(code, null);
    }

    /** One offer (404 when unknown or outside the user's portfolio). */
    @Transactional(readOnly = true)
    public Offer get(long id) {
        Offer o = queries.find(id).orElseThrow(() -> new NotFoundException("offer", String.valueOf(id)));
        customers.ref(o.customerCode());
        return o;
    }

    /** Records an offer or a request of either side; every broken rule is named at once. */
    @Transactional
    public Offer record(String code, NewOffer o) {
        CurrentUser user = CurrentUser.require("record offers", NEGOTIATORS);
        CustomerRef ref = customers.ref(code);
        NewOffer in = o == null ? new NewOffer(null, null, null, null, null, null, null, null) : o;
        LocalDate today = LocalDate.now(clock);
        List<FieldError> errors = new ArrayList<>();
        OfferSide side = choice(errors, "side", in.side(), OfferSide.class, "offer.side", "OURS or THEIRS");
        OfferKind kind = choice(errors, "kind", in.kind(), OfferKind.class, "offer.kind", "one of PAYMENT_PLAN, DISCOUNT, WAIVER, SETTLEMENT, OTHER");
        LocalDate on = in.offeredOn() == null ? today : in.offeredOn();
        InputRules.dateRule("offeredOn", on).ifPresent(errors::add);
        if (on.isAfter(today)) {
            errors.add(FieldError.coded("offeredOn", on, "offer.future", "may not be after today (" + today + ")", today));
        }
        BigDecimal amount = amount(errors, in.amount());
        String terms = in.terms() == null ? "" : in.terms().strip();
        if (terms.isEmpty()) {
            errors.add(FieldError.coded("terms", in.terms(), "required", "required"));
        }
        InputRules.length(errors, "terms", terms, MAX_TERMS);
        if (in.activityId() != null) {
            Long owner = queries.activityCustomer(in.activityId()).orElse(null);
            if (owner == null || owner != ref.id()) {
                errors.add(FieldError.coded("activityId", in.activityId(), "offer.activity",
                        "no activity " + in.activityId() + " of customer " + ref.code(), String.valueOf(in.activityId()), ref.code()));
            }
        }
        positive(errors, "planId", in.planId());
        positive(errors, "concessionId", in.concessionId());
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO negotiation_offer (customer_id, side, kind, offered_on, amount, terms, activity_id, plan_id, concession_id, status,
                                               recorded_by, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)""")
                .params(ref.id(), side.name(), kind.name(), Date.valueOf(on), amount, terms, in.activityId(), in.planId(), in.concessionId(),
                        user.username(), Timestamp.from(Instant.now(clock)))
                .update(key, "id");
        return queries.find(key.getKey().longValue()).orElseThrow();
    }

    @Transactional
    public Offer accept(long id, Answer a) {
        return answer(id, OfferStatus.ACCEPTED, a);
    }

    @Transactional
    public Offer refuse(long id, Answer a) {
        return answer(id, OfferStatus.REFUSED, a);
    }

    @Transactional
    public Offer withdraw(long id, Answer a) {
        return answer(id, OfferStatus.WITHDRAWN, a);
    }

    private Offer answer(long id, OfferStatus status, Answer a) {
        CurrentUser user = CurrentUser.require("answer offers", NEGOTIATORS);
        Offer o = get(id);
        LocalDate today = LocalDate.now(clock);
        List<FieldError> errors = new ArrayList<>();
        LocalDate on = a == null || a.on() == null ? today : a.on();
        InputRules.dateRule("on", on).ifPresent(errors::add);
        if (on.isAfter(today)) {
            errors.add(FieldError.coded("on", on, "offer.future", "may not be after today (" + today + ")", today));
        }
        if (on.isBefore(o.offeredOn())) {
            errors.add(FieldError.coded("on", on, "offer.beforeOffer", "may not be before the offer was made on " + o.offeredOn(), o.offeredOn()));
        }
        String note = a == null || a.note() == null || a.note().isBlank() ? null : a.note().strip();
        InputRules.length(errors, "note", note, MAX_NOTE);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        int changed = jdbc.sql("""
                UPDATE negotiation_offer SET status = ?, answered_on = ?, answered_by = ?, answer_note = ? WHERE id = ? AND status = 'OPEN'""")
                .params(status.name(), Date.valueOf(on), user.username(), note, id).update();
        if (changed == 0) {
            throw new ConflictException("status", "offer " + id + " is already " + queries.find(id).map(Offer::status).orElse(o.status())
                    + ": only an OPEN offer can be " + status.name().toLowerCase(Locale.ROOT));
        }
        return queries.find(id).orElseThrow();
    }

    private static <E extends Enum<E>> E choice(List<FieldError> errors, String field, String raw, Class<E> type, String code, String rule) {
        if (raw != null && !raw.isBlank()) {
            try {
                return Enum.valueOf(type, raw.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // named below
            }
        }
        errors.add(FieldError.coded(field, raw, code, rule));
        return null;
    }

    private static BigDecimal amount(List<FieldError> errors, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        BigDecimal v;
        try {
            v = new BigDecimal(raw.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            errors.add(FieldError.coded("amount", raw, "amount", "not a valid amount (e.g. 12,345.67)"));
            return null;
        }
        if (v.signum() <= 0) {
            errors.add(FieldError.coded("amount", raw, "amount.positive", "must be greater than 0"));
        } else if (v.stripTrailingZeros().scale() > 2) {
            errors.add(FieldError.coded("amount", raw, "amount.decimals", "at most 2 decimals"));
        } else if (v.compareTo(InputRules.MAX_AMOUNT) > 0) {
            errors.add(FieldError.coded("amount", raw, "amount.tooLarge", "too large"));
        } else {
            return v.setScale(2);
        }
        return null;
    }

    /** An id typed in a form: null when blank, else a positive number, or an error naming the field. */
    public static Long id(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            long v = Long.parseLong(raw.strip());
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        throw ValidationException.coded(field, raw, "offer.id", "a positive id");
    }

    private static void positive(List<FieldError> errors, String field, Long id) {
        if (id != null && id <= 0) {
            errors.add(FieldError.coded(field, id, "offer.id", "a positive id"));
        }
    }
}
