package io.huikuan.correspondence.web;

import io.huikuan.correspondence.Approvals;
import io.huikuan.correspondence.OutboxChannel;
import io.huikuan.worklist.StepTask;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;

/**
 * What an approval did, in words in the user's language, from the step's dispatch note ({@code what|arg|arg}): queued
 * in the outbox (and waiting because its channel is not configured), a letter issued, a draft made, or not sent and why.
 */
final class ApprovalTexts {

    /** A flash: {@code ok} for the green one, else the red one. */
    record Flash(boolean ok, String text) {
    }

    private final MessageSource messages;
    private final Locale locale;

    ApprovalTexts(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    /** What approving one step did. */
    Flash approved(StepTask t, Map<OutboxChannel, String> notConfigured) {
        String what = what(t);
        String note = t.dispatchNote();
        if (note == null || note.isBlank() || note.equals("producing")) {
            return new Flash(true, text("approvals.result.later", t.customerCode(), what));
        }
        String[] parts = note.split("\\|", -1);
        String kind = parts[0];
        String arg = parts.length > 1 ? parts[1] : "";
        return switch (kind) {
            case "queued" -> {
                String text = text("approvals.result.queued", t.customerCode(), what, arg);
                OutboxChannel channel = OutboxChannel.of(t.channel());
                yield new Flash(true, notConfigured.containsKey(channel)
                        ? text + " " + text("approvals.waitingConfig", text("outboxChannel." + channel.name())) : text);
            }
            case "letter", "letter-emailed", "draft" -> new Flash(true, text("approvals.result." + kind, t.customerCode(), what, arg));
            default -> new Flash(false, text("approvals.result.notSent", t.customerCode(), what, dispatch(parts)));
        };
    }

    /** What rejecting a step did. */
    Flash rejected(StepTask t, String reason) {
        return new Flash(true, text("approvals.rejected", t.customerCode(), what(t), reason == null ? "" : reason.strip()));
    }

    /** What approving several steps did: how many were queued, issued as letters, not sent, skipped. */
    Flash round(Approvals.Round r, Map<OutboxChannel, String> notConfigured) {
        int queued = 0;
        int letters = 0;
        int notSent = 0;
        Set<String> waiting = new LinkedHashSet<>();
        for (StepTask t : r.approved()) {
            String note = t.dispatchNote() == null ? "" : t.dispatchNote();
            String kind = note.split("\\|", -1)[0];
            switch (kind) {
                case "queued", "", "producing" -> {
                    queued++;
                    OutboxChannel channel = OutboxChannel.of(t.channel());
                    if (notConfigured.containsKey(channel)) {
                        waiting.add(text("outboxChannel." + channel.name()));
                    }
                }
                case "letter", "letter-emailed", "draft" -> letters++;
                default -> notSent++;
            }
        }
        String text = text("approvals.round", r.approved().size(), queued, letters, notSent);
        if (!waiting.isEmpty()) {
            text += " " + text("approvals.waitingConfig", String.join(locale.getLanguage().equals("zh") ? "、" : ", ", waiting));
        }
        if (r.skipped() > 0) {
            text += " " + text("approvals.skipped", r.skipped());
        }
        return new Flash(notSent == 0, text);
    }

    /** Why the step's message would wait in the outbox (its channel is not configured), or null. */
    String waiting(StepTask t, Map<OutboxChannel, String> notConfigured) {
        OutboxChannel channel = OutboxChannel.of(t.channel());
        return channel != null && notConfigured.containsKey(channel) ? text("approvals.waitingConfig", text("outboxChannel." + channel.name())) : null;
    }

    /** The kind of message or letter, as in "the SMS reminder". */
    String what(StepTask t) {
        return text("approvals.kind." + t.channel().name());
    }

    private String dispatch(String[] parts) {
        Object[] args = Arrays.copyOfRange(parts, 1, parts.length);
        return messages.getMessage("dispatch." + parts[0], args, String.join(" ", parts), locale);
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
