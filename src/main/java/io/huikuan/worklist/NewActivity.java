package io.huikuan.worklist;

import io.huikuan.common.ValidationException;
import io.huikuan.common.ValidationException.FieldError;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An activity as a user logs it ({@link Activities#log}). {@code occurredAt} null means now, the time it is
 * recorded (not a time the contact is said to have happened); {@code followUpChannel} null means a visit for an
 * appointment, else the activity's channel; {@code direction} null means OUTBOUND; {@code script} the code of the
 * script (话术) the collector used, if any (what works is measured by it).
 */
public record NewActivity(String customerCode, Long contactId, Long taskId, Channel channel, Instant occurredAt, Instant appointmentAt,
        Outcome outcome, Excuse excuse, String notes, LocalDate nextFollowUp, BigDecimal promiseAmount, LocalDate promiseDate,
        String overrideReason, Channel followUpChannel, Direction direction, String script) {

    /** An activity without a script. */
    public NewActivity(String customerCode, Long contactId, Long taskId, Channel channel, Instant occurredAt, Instant appointmentAt,
            Outcome outcome, Excuse excuse, String notes, LocalDate nextFollowUp, BigDecimal promiseAmount, LocalDate promiseDate,
            String overrideReason, Channel followUpChannel, Direction direction) {
        this(customerCode, contactId, taskId, channel, occurredAt, appointmentAt, outcome, excuse, notes, nextFollowUp, promiseAmount, promiseDate,
                overrideReason, followUpChannel, direction, null);
    }

    /** The same activity as text, as a form or a JSON body carries it; {@link #parse} names every bad field. */
    public record Draft(String customerCode, Long contactId, Long taskId, String channel, String occurredAt, String appointmentAt,
            String outcome, String excuse, String notes, String nextFollowUp, BigDecimal promiseAmount, String promiseDate,
            String overrideReason, String followUpChannel, String direction, String script) {
    }

    /**
     * Parses a draft; times as {@code 2026-06-30T10:15:00+08:00} or, without an offset, in the company's zone
     * ({@code 2026-06-30T10:15}, as a browser's datetime-local input sends it).
     */
    public static NewActivity parse(Draft d, ZoneId zone) {
        List<FieldError> errors = new ArrayList<>();
        NewActivity a = new NewActivity(d.customerCode(), d.contactId(), d.taskId(), choice(errors, Channel.class, "channel", d.channel()),
                time(errors, "occurredAt", d.occurredAt(), zone), time(errors, "appointmentAt", d.appointmentAt(), zone),
                choice(errors, Outcome.class, "outcome", d.outcome()), choice(errors, Excuse.class, "excuse", d.excuse()), d.notes(),
                date(errors, "nextFollowUp", d.nextFollowUp()), d.promiseAmount(), date(errors, "promiseDate", d.promiseDate()),
                d.overrideReason(), choice(errors, Channel.class, "followUpChannel", d.followUpChannel()),
                choice(errors, Direction.class, "direction", d.direction()),
                d.script() == null || d.script().isBlank() ? null : d.script().trim());
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return a;
    }

    static <E extends Enum<E>> E choice(List<FieldError> errors, Class<E> type, String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, raw.trim());
        } catch (IllegalArgumentException e) {
            errors.add(FieldError.coded(field, raw, "choice", "one of " + Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }

    static LocalDate date(List<FieldError> errors, String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(raw.trim());
            java.util.Optional<FieldError> range = io.huikuan.common.InputRules.dateRule(field, date);
            range.ifPresent(errors::add);
            return range.isPresent() ? null : date;
        } catch (DateTimeParseException e) {
            errors.add(FieldError.coded(field, raw, "date", "a date yyyy-MM-dd"));
            return null;
        }
    }

    static Instant time(List<FieldError> errors, String field, String raw, ZoneId zone) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String s = raw.trim();
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(s).atZone(zone).toInstant();
            } catch (DateTimeParseException e2) {
                errors.add(FieldError.coded(field, raw, "datetime", "a time such as 2026-06-30T10:15:00+08:00 (or 2026-06-30T10:15 in "
                        + zone + ")"));
                return null;
            }
        }
    }
}
