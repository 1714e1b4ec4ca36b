package io.huikuan.credit;

import io.huikuan.common.InputRules;
import io.huikuan.common.ValidationException;
import io.huikuan.common.ValidationException.FieldError;
import io.huikuan.customer.Customer;
import io.huikuan.customer.CustomerRef;
import io.huikuan.customer.CustomerService;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import io.huikuan.worklist.Channel;
import io.huikuan.worklist.SystemTasks;
import io.huikuan.worklist.TaskKind;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Scheduled credit reviews by grade (issue 15, item 3): every customer is reviewed every so many months of its grade (the
 * customer's grade A–E, C when it has none; months from the policy). The next review is due at the date the last review set,
 * else that many months after the last approved application, else after the customer was created. {@link #openDue} (daily)
 * opens a review and a worklist task for the owner for each customer due: one open review per customer, so running it again
 * writes nothing. Recording a review closes it (and its task) with the outcome; a changed limit or grade goes to the customer
 * through the customer module and so into the limit history.
 */
@Service
public class CreditReviews {

    static String taskKey(long reviewId) {
        return "CREDIT-REVIEW-" + reviewId;
    }

    private static final String SELECT = """
            SELECT r.*, c.code, c.name, c.owner FROM credit_review r JOIN customer c ON c.id = r.customer_id""";

    private final JdbcClient jdbc;
    private final CustomerService customers;
    private final CreditApplicationPolicies policies;
    private final SystemTasks tasks;
    private final Clock clock;

    CreditReviews(JdbcClient jdbc, CustomerService customers, CreditApplicationPolicies policies, SystemTasks tasks, Clock clock) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.policies = policies;
        this.tasks = tasks;
        this.clock = clock;
    }

    private record Due(long customerId, String code, String owner, Grade grade, LocalDate due) {
    }

    /** Opens a review (and a task for the owner) for every customer whose review is due on or before {@code today}; answers how many. */
    @Transactional
    public int openDue(LocalDate today) {
        CreditApplicationPolicy policy = policies.current();
        List<Due> due = jdbc.sql("""
                SELECT c.id, c.code, c.owner, c.grade, c.created_at, dr.next_due_on, a.decided
                FROM customer c
                LEFT JOIN (SELECT customer_id, MAX(id) AS last_id FROM credit_review WHERE status = 'DONE' GROUP BY customer_id) d
                  ON d.customer_id = c.id
                LEFT JOIN credit_review dr ON dr.id = d.last_id
                LEFT JOIN (SELECT customer_id, MAX(decided_at) AS decided FROM credit_application WHERE status = 'APPROVED' GROUP BY customer_id) a
                  ON a.customer_id = c.id
                WHERE NOT EXISTS (SELECT 1 FROM credit_review o WHERE o.open_customer_id = c.id)""")
                .query((rs, n) -> due(rs, policy))
                .list().stream().filter(d -> !d.due().isAfter(today)).toList();
        int opened = 0;
        for (Due d : due) {
            int n = jdbc.sql("""
                    INSERT INTO credit_review (customer_id, open_customer_id, status, due_on, grade_at_due, created_at)
                    VALUES (?, ?, 'OPEN', ?, ?, ?) ON CONFLICT DO NOTHING""")
                    .params(d.customerId(), d.customerId(), d.due(), d.grade().name(), Timestamp.from(clock.instant())).update();
            if (n == 0) {
                continue;
            }
            long id = jdbc.sql("SELECT id FROM credit_review WHERE open_customer_id = ?").param(d.customerId()).query(Long.class).single();
            tasks.open(new SystemTasks.NewTask(d.customerId(), taskKey(id), TaskKind.FOLLOW_UP, Channel.VISIT,
                    d.owner() == null ? Role.MANAGER : Role.COLLECTOR, d.owner(), today, BigDecimal.ZERO, 0,
                    "credit-review|" + d.grade().name() + "|" + policy.months(d.grade()) + "|" + d.due(), "/customers/" + d.code()));
            opened++;
        }
        return opened;
    }

    private Due due(ResultSet rs, CreditApplicationPolicy policy) throws SQLException {
        String g = rs.getString("grade");
        Grade grade = g != null && g.strip().matches("[A-E]") ? Grade.valueOf(g.strip()) : Grade.C;
        java.sql.Date next = rs.getDate("next_due_on");
        LocalDate due;
        if (next != null) {
            due = next.toLocalDate();
        } else {
            Timestamp decided = rs.getTimestamp("decided");
            Timestamp base = decided != null ? decided : rs.getTimestamp("created_at");
            due = LocalDate.ofInstant(base.toInstant(), clock.getZone()).plusMonths(policy.months(grade));
        }
        return new Due(rs.getLong("id"), rs.getString("code"), rs.getString("owner"), grade, due);
    }

    /**
     * Records a review of the customer: closes its open review (and task), or records one now. FINANCE, MANAGER, ADMIN; the
     * owner collector too, keeping the limit and grade. A changed limit needs the authority of the limit (as an application).
     */
    @Transactional
    public CreditReview record(String code, CreditReview.Request body) {
        CurrentUser user = CurrentUser.require("review credit", Role.COLLECTOR, Role.FINANCE, Role.MANAGER);
        CustomerRef ref = customers.ref(code);
        Customer c = customers.get(code);
        CreditApplicationPolicy policy = policies.current();
        CreditReview.Request b = body == null ? new CreditReview.Request(null, null, null, null, null) : body;
        List<FieldError> errors = new ArrayList<>();
        BigDecimal limit = b.limit() == null || b.limit().isBlank() ? c.creditLimit() : Amounts.money("limit", b.limit(), true, false, errors);
        Integer days = b.creditDays() == null || b.creditDays().isBlank() ? c.creditDays() : Amounts.whole("creditDays", b.creditDays(), 0, 720, errors);
        String grade = b.grade() == null || b.grade().isBlank() ? c.grade() : b.grade().strip().toUpperCase(Locale.ROOT);
        if (b.grade() != null && !b.grade().isBlank() && !grade.matches("[A-E]")) {
            errors.add(FieldError.coded("grade", b.grade(), "credit.grade", "one of A, B, C, D, E"));
        }
        String note = b.note() == null || b.note().isBlank() ? null : b.note().strip();
        if (note == null) {
            errors.add(FieldError.coded("note", null, "required", "is required"));
        }
        InputRules.textRule("note", note, 1000).ifPresent(errors::add);
        LocalDate today = LocalDate.now(clock);
        LocalDate next = InputRules.date("nextDueOn", b.nextDueOn());
        if (next != null && !next.isAfter(today)) {
            errors.add(FieldError.coded("nextDueOn", b.nextDueOn(), "credit.review.next", "must be after today ({0})", today));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        boolean limitChanged = limit == null ? c.creditLimit() != null : c.creditLimit() == null || limit.compareTo(c.creditLimit()) != 0;
        boolean changed = limitChanged || !Objects.equals(days, c.creditDays()) || !Objects.equals(grade, c.grade());
        if (changed) {
            Role required = limit == null ? Role.FINANCE : LimitRecommendation.required(policy, limit, null);
            if (user.portfolioOnly() || !LimitRecommendation.mayDecide(user, required)) {
                throw new AccessDeniedException("changing the limit, credit days or grade in a review needs the authority of " + required);
            }
        }
        Grade g = grade != null && grade.matches("[A-E]") ? Grade.valueOf(grade) : Grade.C;
        LocalDate nextDue = next != null ? next : today.plusMonths(policy.months(g));
        Long open = jdbc.sql("SELECT id FROM credit_review WHERE open_customer_id = ?").param(ref.id()).query(Long.class).optional().orElse(null);
        Timestamp now = Timestamp.from(clock.instant());
        long id;
        if (open == null) {
            org.springframework.jdbc.support.KeyHolder key = new org.springframework.jdbc.support.GeneratedKeyHolder();
            jdbc.sql("INSERT INTO credit_review (customer_id, status, due_on, created_at) VALUES (?, 'DONE', ?, ?)")
                    .params(ref.id(), today, now).update(key, "id");
            id = key.getKey().longValue();
        } else {
            id = open;
        }
        jdbc.sql("""
                UPDATE credit_review SET status = 'DONE', open_customer_id = NULL, outcome = ?, old_limit = ?, new_limit = ?, grade = ?, note = ?,
                  next_due_on = ?, reviewed_by = ?, reviewed_on = ?, reviewed_at = ? WHERE id = ?""")
                .params(limitChanged ? "CHANGED" : "KEPT", c.creditLimit(), limit, g.name(), note, nextDue, user.username(), today, now, id)
                .update();
        if (open != null) {
            tasks.done(ref.id(), taskKey(id), user.username());
        }
        if (changed) {
            customers.update(code, new Customer(c.code(), c.name(), c.creditCode(), c.region(), c.businessUnit(), c.industry(), c.owner(), limit, days,
                    grade, List.of()), CreditLimitHistory.reason("REVIEW", id, note));
        }
        return find(id);
    }

    /** Reviews, by status (OPEN, DONE) and customer; {@code dueBy}: open ones due on or before it. A collector sees their own customers'. */
    @Transactional(readOnly = true)
    public List<CreditReview> list(String status, LocalDate dueBy, String customerCode) {
        String s = status == null || status.isBlank() ? null : status.strip().toUpperCase(Locale.ROOT);
        if (s != null && !List.of("OPEN", "DONE").contains(s)) {
            throw ValidationException.coded("status", status, "credit.review.status", "one of OPEN, DONE");
        }
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (dueBy != null) {
            sql.append(" AND r.status = 'OPEN' AND r.due_on <= ?");
            args.add(dueBy);
        }
        if (s != null) {
            sql.append(" AND r.status = ?");
            args.add(s);
        }
        if (customerCode != null && !customerCode.isBlank()) {
            sql.append(" AND r.customer_id = ?");
            args.add(customers.ref(customerCode.strip()).id());
        }
        CurrentUser user = CurrentUser.get();
        if (user.portfolioOnly()) {
            sql.append(" AND c.owner = ?");
            args.add(user.username());
        }
        sql.append(" ORDER BY r.status DESC, r.due_on, r.id DESC FETCH FIRST 500 ROWS ONLY");
        return jdbc.sql(sql.toString()).params(args).query((rs, n) -> row(rs)).list();
    }

    private CreditReview find(long id) {
        return jdbc.sql(SELECT + " WHERE r.id = ?").param(id).query((rs, n) -> row(rs)).single();
    }

    private static CreditReview row(ResultSet rs) throws SQLException {
        java.sql.Date next = rs.getDate("next_due_on");
        java.sql.Date on = rs.getDate("reviewed_on");
        return new CreditReview(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("owner"), rs.getString("status"),
                rs.getDate("due_on").toLocalDate(), rs.getString("grade_at_due"), rs.getString("outcome"), rs.getBigDecimal("old_limit"),
                rs.getBigDecimal("new_limit"), rs.getString("grade"), rs.getString("note"), next == null ? null : next.toLocalDate(),
                rs.getString("reviewed_by"), on == null ? null : on.toLocalDate());
    }
}
