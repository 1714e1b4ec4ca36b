package io.huikuan.demo;

import io.huikuan.identity.Role;
import io.huikuan.worklist.Activities;
import io.huikuan.worklist.Channel;
import io.huikuan.worklist.Direction;
import io.huikuan.worklist.Excuse;
import io.huikuan.worklist.NewActivity;
import io.huikuan.worklist.Outcome;
import io.huikuan.worklist.Promises;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * What the demo users did in the weeks before the demo's first day, done as them through the worklist's services:
 * a contact logged by the customer's owner at a time of a past working day, a promise they recorded.
 */
@Component
class DemoActs {

    private final Activities activities;
    private final Promises promises;
    private final Clock clock;

    DemoActs(Activities activities, Promises promises, Clock clock) {
        this.activities = activities;
        this.promises = promises;
        this.clock = clock;
    }

    long call(String owner, String code, long contactId, LocalDate day, LocalTime time, Outcome outcome, Excuse excuse, String notes,
            Direction direction) {
        return log(owner, code, contactId, Channel.PHONE, day, time, outcome, excuse, notes, direction);
    }

    long log(String owner, String code, long contactId, Channel channel, LocalDate day, LocalTime time, Outcome outcome, Excuse excuse,
            String notes, Direction direction) {
        Instant at = day.atTime(time).atZone(clock.getZone()).toInstant();
        Instant now = clock.instant();
        Instant when = at.isAfter(now) ? now.minusSeconds(3600) : at;
        NewActivity a = new NewActivity(code, contactId, null, channel, when, null, outcome, excuse, notes, null, null, null, null, null, direction);
        return as(owner, role(owner), () -> activities.log(a)).id();
    }

    void promise(String owner, String code, long contactId, long activityId, BigDecimal amount, LocalDate madeOn, LocalDate promisedDate,
            String notes) {
        as(owner, role(owner), () -> promises.create(new Promises.NewPromise(code, contactId, activityId, Channel.PHONE, amount, promisedDate,
                madeOn, notes)));
    }

    /** The nearest working day on or before {@code d} (contacts in the demo happen on weekdays). */
    static LocalDate weekday(LocalDate d) {
        LocalDate x = d;
        while (x.getDayOfWeek() == DayOfWeek.SATURDAY || x.getDayOfWeek() == DayOfWeek.SUNDAY) {
            x = x.minusDays(1);
        }
        return x;
    }

    static Role role(String username) {
        return DemoUsers.ALL.stream().filter(u -> u.username().equals(username)).map(DemoUsers.DemoUser::role).findFirst().orElse(Role.COLLECTOR);
    }

    /** Runs {@code work} logged in as a demo user, then puts the caller's login back. */
    static <T> T as(String username, Role role, Supplier<T> work) {
        SecurityContext before = SecurityContextHolder.getContext();
        SecurityContext ctx = SecurityContextHolder.createEmptyContext();
        ctx.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + role.name()))));
        SecurityContextHolder.setContext(ctx);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(before);
        }
    }
}
