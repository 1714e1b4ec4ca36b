package io.huikuan.worklist;

import io.huikuan.common.ValidationException.FieldError;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The conduct rules (小心催收不当): banned wording, and when and how often a contact may be approached.
 * The contact limits count the activities on the channels that reach a person directly, a conversation
 * (phone, visit, manager call) or a message (SMS, instant message): {@link #counts(Channel)}. E-mails,
 * letters and legal steps do not count: the person reads them when they choose. Every attempt counts,
 * reached or not. The limits are kept per contact; activities without a contact count together per customer.
 * Rule codes (bundle keys {@code error.conduct.*}): {@code conduct.hours}, {@code conduct.daily-cap},
 * {@code conduct.weekly-cap}, {@code conduct.gap}.
 */
@Component
@EnableConfigurationProperties(ConductProperties.class)
public class ConductRules {

    /** A broken contact rule: the field it concerns, its code ({@code conduct.gap}) and short name ({@code gap}). */
    public record Breach(String field, Object value, String code, String message, List<Object> args) {

        public String rule() {
            return code.substring("conduct.".length());
        }

        public FieldError error() {
            return new FieldError(field, value, code + ": " + message, code, args);
        }
    }

    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm");

    private final List<String> banned;
    private final ConductProperties properties;
    private final JdbcClient jdbc;
    private final ZoneId zone;

    ConductRules(ConductProperties properties, JdbcClient jdbc, Clock clock) {
        this.properties = properties;
        this.jdbc = jdbc;
        this.zone = clock.getZone();
        this.banned = properties.bannedWords().stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
    }

    /** The first banned word or phrase the text contains, if any. */
    public Optional<String> bannedWordIn(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return banned.stream().filter(lower::contains).findFirst();
    }

    public List<String> bannedWords() {
        return banned;
    }

    public ConductProperties properties() {
        return properties;
    }

    /** True for the channels the contact limits count: conversations and messages. */
    public static boolean counts(Channel channel) {
        return channel != null && (channel.conversation() || channel == Channel.SMS || channel == Channel.MESSAGE);
    }

    /** The channels the contact limits count, by name (for SQL). */
    static List<String> countedChannels() {
        return Arrays.stream(Channel.values()).filter(ConductRules::counts).map(Channel::name).toList();
    }

    /** True when the instant lies within the contact hours in the company's zone. */
    public boolean withinHours(Instant at) {
        LocalTime t = at.atZone(zone).toLocalTime();
        return !t.isBefore(properties.contactFrom()) && t.isBefore(properties.contactUntil());
    }

    /** The first instant from {@code at} within the contact hours: {@code at} itself when it is within them, else the next opening. */
    public Instant nextContactTime(Instant at) {
        if (withinHours(at)) {
            return at;
        }
        java.time.ZonedDateTime local = at.atZone(zone);
        java.time.ZonedDateTime opening = local.toLocalDate().atTime(properties.contactFrom()).atZone(zone);
        return (opening.isAfter(local) ? opening : opening.plusDays(1)).toInstant();
    }

    /**
     * The rules an activity at {@code occurredAt} on {@code channel} with a contact (or, contact null, with the
     * customer) would break, and whether an appointment it agrees falls outside the contact hours. The rules limit
     * when and how often we contact, not when we record: an INBOUND contact (the customer called us) breaks none
     * of them, and the contact hours apply only to a time the user states ({@code timeStated}), not to the moment a
     * contact is recorded (a call logged at 03:31 with no time given happened earlier).
     */
    public List<Breach> check(long customerId, Long contactId, Channel channel, Instant occurredAt, boolean timeStated, Direction direction,
            Instant appointmentAt) {
        List<Breach> breaches = new ArrayList<>();
        String hours = properties.contactFrom().format(HM) + "–" + properties.contactUntil().format(HM);
        if (counts(channel) && occurredAt != null && direction == Direction.OUTBOUND) {
            if (timeStated && !withinHours(occurredAt)) {
                String local = occurredAt.atZone(zone).toLocalTime().format(HM);
                breaches.add(new Breach("occurredAt", occurredAt, "conduct.hours",
                        "at " + local + ", outside the contact hours " + hours + " (" + zone + ")", List.of(local, hours)));
            }
            breaches.addAll(frequency(customerId, contactId, occurredAt));
        }
        if (appointmentAt != null && !withinHours(appointmentAt)) {
            String local = appointmentAt.atZone(zone).toLocalTime().format(HM);
            breaches.add(new Breach("appointmentAt", appointmentAt, "conduct.hours",
                    "the appointment at " + local + " is outside the contact hours " + hours + " (" + zone + ")", List.of(local, hours)));
        }
        return breaches;
    }

    private List<Breach> frequency(long customerId, Long contactId, Instant at) {
        ZonedDateTime local = at.atZone(zone);
        Instant dayStart = local.toLocalDate().atStartOfDay(zone).toInstant();
        Instant dayEnd = local.toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
        Instant weekStart = local.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay(zone).toInstant();
        Instant weekEnd = local.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusDays(7).atStartOfDay(zone).toInstant();
        Instant gapFrom = at.minus(properties.minGap());
        Instant gapTo = at.plus(properties.minGap());
        Instant from = weekStart.isBefore(gapFrom) ? weekStart : gapFrom;
        Instant to = weekEnd.isAfter(gapTo) ? weekEnd : gapTo;
        String who = contactId == null ? "a.customer_id = ? AND a.contact_id IS NULL" : "a.contact_id = ?";
        String in = String.join(",", countedChannels().stream().map(c -> "'" + c + "'").toList());
        Counts n = jdbc.sql("""
                SELECT COALESCE(SUM(CASE WHEN a.occurred_at >= ? AND a.occurred_at < ? THEN 1 ELSE 0 END), 0) AS day_count,
                       COALESCE(SUM(CASE WHEN a.occurred_at >= ? AND a.occurred_at < ? THEN 1 ELSE 0 END), 0) AS week_count,
                       COALESCE(SUM(CASE WHEN a.occurred_at > ? AND a.occurred_at < ? THEN 1 ELSE 0 END), 0) AS near_count
                FROM activity a
                WHERE %s AND a.channel IN (%s) AND a.direction = 'OUTBOUND' AND a.occurred_at >= ? AND a.occurred_at < ?""".formatted(who, in))
                .params(ts(dayStart), ts(dayEnd), ts(weekStart), ts(weekEnd), ts(gapFrom), ts(gapTo),
                        contactId == null ? customerId : contactId, ts(from), ts(to))
                .query((rs, i) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
        List<Breach> breaches = new ArrayList<>();
        String field = "contactId";
        Object value = contactId;
        if (n.day() >= properties.dailyCap()) {
            breaches.add(new Breach(field, value, "conduct.daily-cap", n.day() + " contacts on " + local.toLocalDate()
                    + " already (at most " + properties.dailyCap() + " a day)", List.of(n.day(), properties.dailyCap())));
        }
        if (n.week() >= properties.weeklyCap()) {
            breaches.add(new Breach(field, value, "conduct.weekly-cap", n.week() + " contacts in the week of "
                    + local.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) + " already (at most "
                    + properties.weeklyCap() + " a week)", List.of(n.week(), properties.weeklyCap())));
        }
        if (n.near() > 0) {
            long minutes = properties.minGap().toMinutes();
            breaches.add(new Breach(field, value, "conduct.gap", "another contact less than " + minutes
                    + " minutes before or after (at least " + minutes + " minutes between two)", List.of(minutes)));
        }
        return breaches;
    }

    private record Counts(long day, long week, long near) {
    }

    static OffsetDateTime ts(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }
}
