package io.huikuan.correspondence;

import io.huikuan.common.InputRules;
import io.huikuan.common.ValidationException;
import io.huikuan.common.ValidationException.FieldError;
import io.huikuan.worklist.Channel;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.util.HtmlUtils;

/**
 * A manager's wording of a step's e-mail or text message, replacing the rendered template when approving it:
 * {@code subject} (e-mails only) and {@code text}. The e-mail's HTML part is the text, escaped, paragraph by paragraph.
 */
public record MessageEdit(String subject, String text) {

    /** The longest subject (the outbox's limit). */
    public static final int MAX_SUBJECT = 300;
    /** The longest text. */
    public static final int MAX_TEXT = 5000;

    /** The rules that hold whatever the channel (no control character, the lengths), checked before anything is looked up. */
    public void precheck() {
        List<FieldError> errors = new ArrayList<>();
        if (subject != null) {
            InputRules.textRule("subject", subject).ifPresent(errors::add);
            InputRules.length(errors, "subject", subject.strip(), MAX_SUBJECT);
        }
        if (text != null) {
            InputRules.textRule("text", text).ifPresent(errors::add);
            InputRules.length(errors, "text", text.strip(), MAX_TEXT);
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /** The edit as stored (trimmed), or a {@link ValidationException} naming {@code subject} or {@code text} and the rule. */
    public MessageEdit checked(Channel channel) {
        List<FieldError> errors = new ArrayList<>();
        if (channel == null || !io.huikuan.worklist.StepTask.AUTOMATIC.contains(channel)) {
            errors.add(FieldError.coded("text", channel, "approvals.notEditable", "only an e-mail, SMS or instant message can be edited"));
            throw new ValidationException(errors);
        }
        String s = subject == null ? null : subject.strip();
        String t = text == null ? "" : text.strip();
        if (channel == Channel.EMAIL) {
            if (s == null || s.isEmpty()) {
                errors.add(FieldError.coded("subject", subject, "required", "is required for an e-mail"));
            } else {
                InputRules.textRule("subject", s).ifPresent(errors::add);
                InputRules.length(errors, "subject", s, MAX_SUBJECT);
            }
        } else {
            s = null;
        }
        if (t.isEmpty()) {
            errors.add(FieldError.coded("text", text, "required", "is required"));
        } else {
            InputRules.textRule("text", t).ifPresent(errors::add);
            InputRules.length(errors, "text", t, MAX_TEXT);
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new MessageEdit(s, t);
    }

    /** The e-mail's HTML part: the text escaped, blank lines making paragraphs, line breaks kept. */
    public String html() {
        StringBuilder out = new StringBuilder();
        for (String paragraph : text.strip().split("\\R\\s*\\R")) {
            out.append("<p>").append(HtmlUtils.htmlEscape(paragraph.strip()).replaceAll("\\R", "<br>")).append("</p>\n");
        }
        return out.toString();
    }

    /** The message with this wording instead of the rendered one. */
    RenderedMessage applyTo(RenderedMessage m, OutboxChannel channel) {
        return new RenderedMessage(m.templateVersionId(), channel == OutboxChannel.EMAIL ? subject : m.subject(), text,
                channel == OutboxChannel.EMAIL ? html() : null);
    }
}
