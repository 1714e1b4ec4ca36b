package io.huikuan.correspondence;

import io.huikuan.common.ValidationException.FieldError;
import io.huikuan.worklist.ConductRules;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Everything that can be wrong with a template's text, found when it is written (on save and in the preview) so
 * sending never fails: syntax and unknown variables with their line, the invoice table in a subject, an empty body,
 * an e-mail or letter without a subject, a text message over {@value #SMS_MAX} characters, and wording the conduct
 * rules ban. Codes (bundle keys {@code error.template.*}): unclosed, unopened, unknown-variable, table-in-subject,
 * body-empty, subject-required, sms-too-long, banned-word, too-long.
 */
@Component
class TemplateChecks {

    static final int SMS_MAX = 300;
    static final int SUBJECT_MAX = 300;
    static final int BODY_MAX = 20000;
    static final int NOTE_MAX = 500;

    private final ConductRules conduct;

    TemplateChecks(ConductRules conduct) {
        this.conduct = conduct;
    }

    List<FieldError> check(TemplateChannel channel, String subject, String body) {
        List<FieldError> errors = new ArrayList<>();
        if (channel.hasSubject()) {
            if (subject == null || subject.isBlank()) {
                errors.add(FieldError.coded("subject", null, "template.subject-required", "is required for " + channel + " (e-mail subject or letter title)",
                        channel.name()));
            } else {
                length(errors, "subject", subject, SUBJECT_MAX);
                TemplateText.Parsed parsed = TemplateText.parse("subject", subject);
                errors.addAll(parsed.errors());
                parsed.parts().stream().map(TemplateText.Part::variable).filter(TemplateVariables::block).distinct()
                        .forEach(v -> errors.add(FieldError.coded("subject", v, "template.table-in-subject",
                                "{{" + v + "}} is a block (a table) and cannot be used in a subject", "{{" + v + "}}")));
                banned(errors, "subject", subject);
            }
        }
        if (body == null || body.isBlank()) {
            errors.add(FieldError.coded("body", null, "template.body-empty", "must not be empty"));
        } else {
            length(errors, "body", body, BODY_MAX);
            if (channel == TemplateChannel.SMS && body.codePointCount(0, body.length()) > SMS_MAX) {
                int n = body.codePointCount(0, body.length());
                errors.add(FieldError.coded("body", n, "template.sms-too-long", "a text message has at most " + SMS_MAX
                        + " characters as written; this one has " + n, n, SMS_MAX));
            }
            errors.addAll(TemplateText.parse("body", body).errors());
            banned(errors, "body", body);
        }
        return errors;
    }

    private void banned(List<FieldError> errors, String field, String text) {
        conduct.bannedWordIn(text).ifPresent(w -> errors.add(FieldError.coded(field, w, "template.banned-word",
                "contains \"" + w + "\", wording the conduct rules ban", w)));
    }

    static void length(List<FieldError> errors, String field, String text, int max) {
        if (text != null && text.length() > max) {
            errors.add(FieldError.coded(field, text.length(), "template.too-long", "at most " + max + " characters", max));
        }
    }
}
