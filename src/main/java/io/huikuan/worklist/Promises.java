package io.huikuan.worklist;

import io.huikuan.common.Money;
import io.huikuan.common.NotFoundException;
import io.huikuan.common.Page;
import io.huikuan.common.ValidationException;
import io.huikuan.common.ValidationException.FieldError;
import io.huikuan.customer.CustomerRef;
import io.huikuan.customer.CustomerService;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import io.huikuan.ledger.History;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Promises to pay (承诺付款): recorded from an activity or on their own, settled from the payments by
 * {@link #evaluate} (see {@link PromiseEvaluator} for the rules), and the customer's promise-keeping rate.
 *
 * <p>Rules for a new promise: the amount is positive CNY with at most 2 decimals; the promised date is not
 * before the day it was made; it was made today or earlier; the contact and the activity, when given, belong to
 * the customer. A collector records and sees promises of their own customers only (another's customer: 404).
 *
 * <p><b>Keeping rate</b> (守信率) of a customer, in percent with 2 decimals: over the promises already settled,
 * {@code (kept + Σ paid ÷ amount of the partly kept) ÷ (kept + partly kept + broken) × 100}; a partly kept
 * promise counts as the share of it that was paid. Null when no promise of the customer was ever settled. The
 * same figure for every customer is {@link #KEEPING_RATES_SQL}, which the segment rules join.
 */
@Service
public class Promises {

    /** A promise as a caller makes it; {@code madeOn} null means today; contact, activity, channel optional. */
    public record NewPromise(String customerCode, Long contactId, Long activityId, Channel channel, BigDecimal amount,
            LocalDate promisedDate, LocalDate madeOn, String notes) {
    }

    /** A stored promise. */
    public record Promise(long id, String customerCode, String customerName, Long contactId, Long activityId, Channel channel,
            BigDecimal amount, String currency, LocalDate madeOn, LocalDate promisedDate, PromiseStatus status, BigDecimal paidAmount,
            LocalDate settledOn, String createdBy) {
    }

    /** What one evaluation changed. */
    public record Evaluation(int kept, int partlyKept, int broken) {
    }

    /** A customer's settled promises and keeping rate (percent, null when none was settled). */
    public record KeepingRate(String customerCode, long kept, long partlyKept, long broken, BigDecimal rate) {
    }

    /**
     * One row per customer with at least one settled promise: {@code customer_id, kept, partly_kept, broken,
     * keeping_rate} (percent, 2 decimals; see the class comment). Usable as a derived table:
     * {@code LEFT JOIN (KEEPING_RATES_SQL) pk ON pk.customer_id = c.id}.
     */
    public static final String KEEPING_RATES_SQL = """
            SELECT customer_id,
                   sum(CASE WHEN status = 'KEPT' THEN 1 ELSE 0 END) kept,
                   sum(CASE WHEN status = 'PARTLY_KEPT' THEN 1 ELSE 0 END) partly_kept,
                   sum(CASE WHEN status = 'BROKEN' THEN 1 ELSE 0 END) broken,
                   CAST(round(sum(CASE WHEN status = 'KEPT' THEN CAST(100 AS NUMERIC(19, 8))
                                       WHEN status = 'PARTLY_KEPT' THEN CAST(paid_amount * 100 AS NUMERIC(19, 8)) / amount
                                       ELSE CAST(0 AS NUMERIC(19, 8)) END) / count(*), 2) AS NUMERIC(5, 2)) keeping_rate
            FROM promise WHERE status IN ('KEPT', 'PARTLY_KEPT', 'BROKEN') GROUP BY customer_id""";

    static final String COLUMNS = """
            p.id, c.code customer_code, c.name customer_name, p.contact_id, p.activity_id, p.channel, p.amount, p.currency, p.made_on,
            p.promised_date, p.status, p.paid_amount, p.settled_on, p.created_by""";

    private static final BigDecimal MAX_AMOUNT = new BigDecimal("99999999999999999.99");

    private final JdbcClient jdbc;
    private final CustomerService customers;
    private final PromiseEvaluator evaluator;
    private final History history;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;

    Promises(JdbcClient jdbc, CustomerService customers, PromiseEvaluator evaluator, History history, Clock clock,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.customers = customers;
        this.evaluator = evaluator;
        this.history = history;
        this.clock = clock;
    }

    /** Records a promise (validated; 404 for a customer the user may not see). */
    @Transactional
    public Promise create(NewPromise p) {
        CurrentUser user = CurrentUser.require("record promises to pay", Role.COLLECTOR, Role.FINANCE, Role.MANAGER);
        if (p == null) {
            throw new ValidationException("customerCode", null, "required");
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate madeOn = p.madeOn() == null ? today : p.madeOn();
        List<FieldError> errors = new ArrayList<>();
        CustomerRef customer = CustomerField.check(customers, user, p.customerCode(), errors);
        if (p.amount() == null) {
            errors.add(FieldError.coded("amount", null, "required", "required"));
        } else if (p.amount().signum() <= 0) {
            errors.add(FieldError.coded("amount", p.amount(), "amount.positive", "must be greater than 0"));
        } else if (p.amount().stripTrailingZeros().scale() > Money.SCALE) {
            errors.add(FieldError.coded("amount", p.amount(), "amount.decimals", "at most 2 decimals"));
        } else if (p.amount().compareTo(MAX_AMOUNT) > 0) {
            errors.add(FieldError.coded("amount", p.amount(), "amount.tooLarge", "too large"));
        }
        if (madeOn.isAfter(today)) {
            errors.add(FieldError.coded("madeOn", madeOn, "promise.madeOnFuture", "must be today (" + today + ") or earlier", today));
        }
        if (p.promisedDate() == null) {
            errors.add(FieldError.coded("promisedDate", null, "required", "required"));
        } else if (p.promisedDate().isBefore(madeOn)) {
            errors.add(FieldError.coded("promisedDate", p.promisedDate(), "promise.dateBeforeMade",
                    "must not be before the day the promise was made (" + madeOn + ")", madeOn));
        }
        if (p.notes() != null && p.notes().length() > 1000) {
            errors.add(FieldError.coded("notes", p.notes().length(), "text.tooLong", "at most 1000 characters", 1000));
        }
        if (customer != null && p.contactId() != null && !belongs("contact", p.contactId(), customer.id())) {
            errors.add(FieldError.coded("contactId", p.contactId(), "promise.foreignContact", "not a contact of customer " + customer.code(),
                    customer.code()));
        }
        if (customer != null && p.activityId() != null && !belongs("activity", p.activityId(), customer.id())) {
            errors.add(FieldError.coded("activityId", p.activityId(), "promise.foreignActivity", "not an activity with customer " + customer.code(),
                    customer.code()));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO promise (customer_id, contact_id, activity_id, channel, amount, currency, made_on, promised_date, status,
                                     paid_amount, notes, created_by, created_at)
                VALUES (?,?,?,?,?,?,?,?,'OPEN',0,?,?,?)""")
                .params(customer.id(), p.contactId(), p.activityId(), p.channel() == null ? null : p.channel().name(), Money.of(p.amount()),
                        Money.DEFAULT_CURRENCY, Date.valueOf(madeOn), Date.valueOf(p.promisedDate()), blankToNull(p.notes()), user.username(),
                        Timestamp.from(Instant.now(clock)))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        Promise created = find(id).orElseThrow();
        history.record("PROMISE", String.valueOf(id), customer.code(), "CREATE", null, created, user.username(), null);
        events.publishEvent(new PromiseMade(id, customer.code(), customer.id(), madeOn, p.channel(), created.amount(), created.currency(),
                created.promisedDate(), blankToNull(p.notes()), user.username()));
        return created;
    }

    private boolean belongs(String table, long id, long customerId) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE id = ? AND customer_id = ?").params(id, customerId).query(Long.class).single() > 0;
    }

    /** Promises, newest first; status null = all. */
    @Transactional(readOnly = true)
    public List<Promise> list(PromiseStatus status, String customerCode) {
        return search(status, customerCode, 0, 1000).items();
    }

    /**
     * A page of promises the user may see (a collector: their own customers'), newest first (by the day made, then id);
     * status and customer null = all; a customer the user may not see is 404.
     */
    @Transactional(readOnly = true)
    public Page<Promise> search(PromiseStatus status, String customerCode, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (customerCode != null && !customerCode.isBlank()) {
            where.append(" AND p.customer_id = ?");
            params.add(customers.ref(customerCode.trim()).id());
        }
        if (status != null) {
            where.append(" AND p.status = ?");
            params.add(status.name());
        }
        CurrentUser user = CurrentUser.get();
        if (user.portfolioOnly()) {
            where.append(" AND c.owner = ?");
            params.add(user.username());
        }
        String from = " FROM promise p JOIN customer c ON c.id = p.customer_id" + where;
        long total = jdbc.sql("SELECT count(*)" + from).params(params).query(Long.class).single();
        List<Object> paged = new ArrayList<>(params);
        paged.add(size);
        paged.add((long) page * size);
        List<Promise> items = jdbc.sql("SELECT " + COLUMNS + from + " ORDER BY p.made_on DESC, p.id DESC LIMIT ? OFFSET ?").params(paged)
                .query(Promises::map).list();
        return new Page<>(items, total, page, size);
    }

    /** One promise, if the user may see its customer (404 otherwise). */
    @Transactional(readOnly = true)
    public Promise get(long id) {
        Promise p = find(id).orElseThrow(() -> new NotFoundException("promise", String.valueOf(id)));
        customers.ref(p.customerCode());
        return p;
    }

    Optional<Promise> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM promise p JOIN customer c ON c.id = p.customer_id WHERE p.id = ?").param(id)
                .query(Promises::map).optional();
    }

    /**
     * Settles the open promises as of a date (kept, partly kept, broken), idempotent; the daily run calls it first. Managers
     * (and the system); a date after today is refused (400 naming {@code asOf}).
     */
    @Transactional
    public Evaluation evaluate(LocalDate asOf) {
        CurrentUser.require("evaluate promises", Role.MANAGER);
        LocalDate today = LocalDate.now(clock);
        if (asOf != null && asOf.isAfter(today)) {
            // payments of the future are not known: evaluating then would break every promise due by that date
            throw ValidationException.coded("asOf", asOf, "promise.asOfFuture", "must not be after today (" + today + ")", today);
        }
        return evaluator.evaluate(asOf == null ? today : asOf);
    }

    /** The days after the promised date in which a payment still keeps a promise. */
    public int graceDays() {
        return evaluator.graceDays();
    }

    /** The customer's keeping rate in percent (see the class comment); null when no promise was ever settled; 404 as {@link #get}. */
    @Transactional(readOnly = true)
    public BigDecimal keepingRate(String customerCode) {
        return keeping(customerCode).rate();
    }

    /** The customer's settled promises by outcome and keeping rate; 404 for a customer the user may not see. */
    @Transactional(readOnly = true)
    public KeepingRate keeping(String customerCode) {
        CustomerRef ref = customers.ref(customerCode);
        return jdbc.sql("SELECT * FROM (" + KEEPING_RATES_SQL + ") k WHERE customer_id = ?").param(ref.id())
                .query((rs, n) -> new KeepingRate(ref.code(), rs.getLong("kept"), rs.getLong("partly_kept"), rs.getLong("broken"),
                        rs.getBigDecimal("keeping_rate")))
                .optional().orElse(new KeepingRate(ref.code(), 0, 0, 0, null));
    }

    /** Every customer's keeping rate (customer id → percent), set-based; customers without settled promises are absent. */
    @Transactional(readOnly = true)
    public Map<Long, BigDecimal> keepingRates() {
        Map<Long, BigDecimal> rates = new LinkedHashMap<>();
        jdbc.sql("SELECT customer_id, keeping_rate FROM (" + KEEPING_RATES_SQL + ") k ORDER BY customer_id")
                .query(rs -> {
                    rates.put(rs.getLong(1), rs.getBigDecimal(2));
                });
        return rates;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    static Promise map(ResultSet rs, int n) throws SQLException {
        String channel = rs.getString("channel");
        Date settled = rs.getDate("settled_on");
        long contact = rs.getLong("contact_id");
        boolean noContact = rs.wasNull();
        long activity = rs.getLong("activity_id");
        boolean noActivity = rs.wasNull();
        return new Promise(rs.getLong("id"), rs.getString("customer_code"), rs.getString("customer_name"), noContact ? null : contact,
                noActivity ? null : activity, channel == null ? null : Channel.valueOf(channel), Money.of(rs.getBigDecimal("amount")),
                rs.getString("currency"), rs.getDate("made_on").toLocalDate(), rs.getDate("promised_date").toLocalDate(),
                PromiseStatus.valueOf(rs.getString("status")), Money.of(rs.getBigDecimal("paid_amount")),
                settled == null ? null : settled.toLocalDate(), rs.getString("created_by"));
    }
}
