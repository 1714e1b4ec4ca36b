package io.huikuan.worklist.web;

import io.huikuan.worklist.Priority;
import io.huikuan.worklist.Task;
import io.huikuan.worklist.TaskKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * A task's step and priority reason in the user's language, composed from the stored parts (overdue amount,
 * risk factor, days overdue, kind, channel) as {@link Priority#reason} composes the English text.
 */
final class TaskTexts {

    /** A task as a page row shows it: localized step, reason, dispatch and note (what a limitation task is about). */
    record Row(Task task, String step, String reason, String dispatch, String note) {
    }

    private final MessageSource messages;

    TaskTexts(MessageSource messages) {
        this.messages = messages;
    }

    Row row(Task t, Locale locale) {
        return new Row(t, step(t, locale), reason(t, locale), dispatch(t.dispatchNote(), locale), note(t.note(), locale));
    }

    String reason(Task t, Locale locale) {
        DecimalFormat money = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        BigDecimal age = BigDecimal.ONE.add(BigDecimal.valueOf(Math.max(0, t.daysOverdue())).divide(BigDecimal.valueOf(30), 2, RoundingMode.HALF_UP));
        String text = messages.getMessage("worklist.reasonText", new Object[] {money.format(t.overdueAmount()),
                t.riskFactor().setScale(2, RoundingMode.HALF_UP).toPlainString(), age.toPlainString(), String.valueOf(Math.max(0, t.daysOverdue()))},
                locale);
        BigDecimal boost = Priority.boost(t.kind(), t.channel(), t.appointment());
        if (boost.compareTo(BigDecimal.ONE) != 0) {
            String why = t.appointment() ? "appointment" : t.kind() == TaskKind.STEP ? "escalation" : t.kind().name();
            text += messages.getMessage("worklist.boost", new Object[] {messages.getMessage("worklist.boost." + why, null, locale),
                    boost.stripTrailingZeros().toPlainString()}, locale);
        }
        return text;
    }

    /** What became of a step's message or letter ({@code what|arg|arg}) in the user's language; null when nothing was produced. */
    String dispatch(String note, Locale locale) {
        if (note == null || note.isBlank()) {
            return null;
        }
        String[] parts = note.split("\\|", -1);
        Object[] args = java.util.Arrays.copyOfRange(parts, 1, parts.length);
        return messages.getMessage("dispatch." + parts[0], args, note, locale);
    }

    /** A task's note ({@code what|arg|arg}, labels {@code task.note.what}) in the user's language; null without one. */
    String note(String note, Locale locale) {
        if (note == null || note.isBlank()) {
            return null;
        }
        String[] parts = note.split("\\|", -1);
        Object[] args = java.util.Arrays.copyOfRange(parts, 1, parts.length);
        return messages.getMessage("task.note." + parts[0], args, note, locale);
    }

    String step(Task t, Locale locale) {
        String channel = messages.getMessage("channel." + t.channel().name(), null, t.channel().name(), locale);
        if (t.kind() == TaskKind.STEP && t.stepOffset() != null) {
            String offset = (t.stepOffset() >= 0 ? "+" : "") + t.stepOffset();
            return messages.getMessage("worklist.stepLabel", new Object[] {offset, channel}, locale);
        }
        if (t.kind() == TaskKind.LEGAL_DEADLINE && t.taskKey() != null && t.taskKey().split(":").length >= 5) {
            // key L:<case>:<deadline kind>:<stage>:<deadline date> (io.huikuan.legal.CaseDeadlines)
            String[] key = t.taskKey().split(":");
            return messages.getMessage("worklist.legalDeadlineLabel", new Object[] {key[1],
                    messages.getMessage("legal.deadline." + key[2], null, key[2], locale), key[4]}, locale);
        }
        return messages.getMessage("task.kind." + t.kind().name(), null, locale) + " · " + channel;
    }
}
