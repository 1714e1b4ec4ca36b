package io.huikuan.negotiation;

import io.huikuan.common.ConflictException;
import io.huikuan.common.ValidationException;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The approvals of negotiated subjects under the {@link AuthorityMatrix}: each approval fills one role of the required
 * {@link Authority} (a manager and finance for the top level, given by two different people); the proposer's own
 * authority counts as the first approval ({@link #proposed}). Callers (payment plans, concessions) call these inside their
 * own transaction and set their subject's status from the answer.
 */
@Service
public class NegotiationApprovals {

    /** What an approval step came to. */
    public enum Outcome {
        /** every required approval is given */
        APPROVED,
        /** approved so far, other roles still to approve ({@link Result#missing}) */
        WAITING,
        REJECTED
    }

    public record Result(Outcome outcome, List<Role> missing) {
    }

    /** One recorded approval or rejection. */
    public record Decision(Role role, String decision, String username, String reason, Instant decidedAt) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    NegotiationApprovals(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Records the proposer's own approval in the first required role they may fill (if any): a collector's concession
     * within the collector's limit, or a manager's plan within the manager's, is approved at once.
     */
    @Transactional
    public Result proposed(ApprovalSubject subject, long id, Authority required) {
        CurrentUser user = CurrentUser.get();
        List<Role> missing = missing(subject, id, required);
        for (Role slot : missing) {
            if (AuthorityMatrix.mayFill(user, slot)) {
                insert(subject, id, slot, "APPROVED", user.username(), null);
                missing = missing(subject, id, required);
                break;
            }
        }
        return new Result(missing.isEmpty() ? Outcome.APPROVED : Outcome.WAITING, missing);
    }

    /**
     * The current user approves or rejects (with a reason). Refused (403) when the user may fill none of the missing roles,
     * 409 when they already approved this subject (the second approval must come from someone else).
     */
    @Transactional
    public Result decide(ApprovalSubject subject, long id, Authority required, boolean approve, String reason) {
        CurrentUser user = CurrentUser.get();
        String why = reason == null ? null : reason.strip();
        if (!approve && (why == null || why.isEmpty())) {
            throw ValidationException.coded("reason", reason, "required", "is required to reject");
        }
        if (why != null && why.length() > 500) {
            throw ValidationException.coded("reason", why.length(), "text.tooLong", "must be at most 500 characters", 500);
        }
        List<Role> missing = missing(subject, id, required);
        Role slot = missing.stream().filter(r -> AuthorityMatrix.mayFill(user, r)).findFirst().orElse(null);
        if (slot == null) {
            throw new AccessDeniedException("your roles " + user.roles() + " may not approve this (waiting for " + missing + ")");
        }
        if (approve && history(subject, id).stream().anyMatch(d -> d.username().equals(user.username()) && d.decision().equals("APPROVED"))) {
            throw new ConflictException("approval", "you have already approved this; the " + slot + " approval must come from someone else");
        }
        insert(subject, id, slot, approve ? "APPROVED" : "REJECTED", user.username(), why);
        if (!approve) {
            return new Result(Outcome.REJECTED, missing);
        }
        List<Role> left = missing(subject, id, required);
        return new Result(left.isEmpty() ? Outcome.APPROVED : Outcome.WAITING, left);
    }

    /** The roles of {@code required} not yet approved. */
    public List<Role> missing(ApprovalSubject subject, long id, Authority required) {
        List<Role> missing = new ArrayList<>(required.approvals());
        for (Decision d : history(subject, id)) {
            if (d.decision().equals("APPROVED")) {
                missing.remove(d.role());
                if (d.role() != Role.COLLECTOR) {
                    missing.remove(Role.COLLECTOR);
                }
            }
        }
        return missing;
    }

    /** May the current user give one of the missing approvals (for approval queues)? */
    public boolean awaits(CurrentUser user, List<Role> missing) {
        return missing.stream().anyMatch(r -> AuthorityMatrix.mayFill(user, r));
    }

    public List<Decision> history(ApprovalSubject subject, long id) {
        return jdbc.sql("""
                SELECT role_filled, decision, username, reason, decided_at FROM negotiation_approval
                WHERE subject_kind = ? AND subject_id = ? ORDER BY id""")
                .params(subject.name(), id)
                .query((rs, n) -> new Decision(Role.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }

    private void insert(ApprovalSubject subject, long id, Role slot, String decision, String username, String reason) {
        jdbc.sql("""
                INSERT INTO negotiation_approval (subject_kind, subject_id, role_filled, decision, username, reason, decided_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(subject.name(), id, slot.name(), decision, username, reason, Timestamp.from(Instant.now(clock)))
                .update();
    }
}
