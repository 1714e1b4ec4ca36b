package io.huikuan.correspondence.web;

import io.huikuan.common.ValidationException;
import io.huikuan.common.ValidationException.FieldError;
import io.huikuan.correspondence.RenderedMessage;
import io.huikuan.correspondence.TemplateChannel;
import io.huikuan.correspondence.TemplateVariables;
import io.huikuan.correspondence.TemplateVersion;
import io.huikuan.correspondence.Templates;
import io.huikuan.worklist.Tone;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Message and letter templates for API clients: list, versions, save (a new version), restore, preview, variables. */
@RestController
@Tag(name = "Templates")
class TemplateApi {

    /** What a manager saves: subject (e-mail subject or letter title; ignored for SMS), body, change note. */
    record SaveRequest(String subject, String body, String note) {
    }

    /** Unsaved text to preview; without customerCode a sample customer is used. */
    record PreviewRequest(String channel, String locale, String subject, String body, String customerCode) {
    }

    /** One edit-time error: field, rule code, message in the caller's language, the rule's arguments. */
    record PreviewError(String field, String code, String message, List<Object> args) {
    }

    /** The rendered preview (null fields when there are errors) and the errors. */
    record PreviewResponse(String subject, String text, String html, List<PreviewError> errors) {
    }

    /** A template in use and all its versions, newest first. */
    record TemplateDetail(TemplateVersion latest, List<TemplateVersion> versions) {
    }

    private final Templates templates;
    private final MessageSource messages;

    TemplateApi(Templates templates, MessageSource messages) {
        this.templates = templates;
        this.messages = messages;
    }

    @GetMapping("/api/templates")
    @Operation(summary = "The version in use of every template; filters code, channel (EMAIL|SMS|LETTER), locale (zh-CN|en), "
            + "tone (GENTLE|FIRM|FINAL|LEGAL)")
    List<TemplateVersion> list(@RequestParam(required = false) String code, @RequestParam(required = false) String channel,
            @RequestParam(required = false) String locale, @RequestParam(required = false) String tone) {
        return templates.list(new Templates.Filter(code, parse(TemplateChannel.class, "channel", channel),
                locale == null || locale.isBlank() ? null : locale, parse(Tone.class, "tone", tone)));
    }

    @GetMapping("/api/templates/variables")
    @Operation(summary = "The variables a template may use as {{name}}, with descriptions in Chinese and English")
    List<TemplateVariables.Variable> variables() {
        return TemplateVariables.all();
    }

    @GetMapping("/api/templates/{code}/{channel}/{locale}/{tone}")
    @Operation(summary = "A template's version in use and its version list (newest first)")
    TemplateDetail get(@PathVariable String code, @PathVariable String channel, @PathVariable String locale, @PathVariable String tone) {
        TemplateChannel ch = required(TemplateChannel.class, "channel", channel);
        Tone t = required(Tone.class, "tone", tone);
        return new TemplateDetail(templates.latest(code, ch, locale, t), templates.versions(code, ch, locale, t));
    }

    @GetMapping("/api/templates/{code}/{channel}/{locale}/{tone}/versions/{version}")
    @Operation(summary = "One version of a template")
    TemplateVersion version(@PathVariable String code, @PathVariable String channel, @PathVariable String locale, @PathVariable String tone,
            @PathVariable int version) {
        return templates.version(code, required(TemplateChannel.class, "channel", channel), locale, required(Tone.class, "tone", tone), version);
    }

    @PutMapping("/api/templates/{code}/{channel}/{locale}/{tone}")
    @Operation(summary = "Save a new version (MANAGER or ADMIN): 201 for a new template, 200 otherwise. Checked before anything is "
            + "written: unknown variables (with the line and the closest known name), unbalanced {{ }}, {{invoices.table}} in a subject, "
            + "empty body, e-mail/letter without subject, SMS over 300 characters, wording banned by the conduct rules")
    ResponseEntity<TemplateVersion> save(@PathVariable String code, @PathVariable String channel, @PathVariable String locale,
            @PathVariable String tone, @RequestBody SaveRequest r) {
        TemplateVersion v = templates.save(code, required(TemplateChannel.class, "channel", channel), locale, required(Tone.class, "tone", tone),
                r.subject(), r.body(), r.note());
        URI uri = URI.create("/api/templates/" + v.code() + "/" + v.channel() + "/" + v.locale() + "/" + v.tone() + "/versions/" + v.version());
        return v.version() == 1 ? ResponseEntity.created(uri).body(v) : ResponseEntity.ok().location(uri).body(v);
    }

    @PostMapping("/api/templates/{code}/{channel}/{locale}/{tone}/versions/{version}/restore")
    @Operation(summary = "Restore an old version (MANAGER or ADMIN): saves it again as the newest version")
    TemplateVersion restore(@PathVariable String code, @PathVariable String channel, @PathVariable String locale, @PathVariable String tone,
            @PathVariable int version) {
        return templates.restore(code, required(TemplateChannel.class, "channel", channel), locale, required(Tone.class, "tone", tone), version);
    }

    @PostMapping("/api/templates/preview")
    @Operation(summary = "Check and render unsaved text with a customer's data as of today (customerCode) or a sample customer; "
            + "errors in the caller's language instead of the rendering")
    PreviewResponse preview(@RequestBody PreviewRequest r, Locale locale) {
        TemplateChannel channel;
        try {
            channel = required(TemplateChannel.class, "channel", r.channel());
        } catch (ValidationException e) {
            return response(new Templates.Preview(null, e.errors()), messages, locale);
        }
        return response(templates.preview(channel, r.locale(), r.subject(), r.body(), r.customerCode()), messages, locale);
    }

    static PreviewResponse response(Templates.Preview p, MessageSource messages, Locale locale) {
        List<PreviewError> errors = p.errors().stream().map(e -> new PreviewError(e.field(), e.code(), text(e, messages, locale), e.args())).toList();
        RenderedMessage m = p.message();
        return m == null ? new PreviewResponse(null, null, null, errors) : new PreviewResponse(m.subject(), m.text(), m.html(), errors);
    }

    static String text(FieldError e, MessageSource messages, Locale locale) {
        return e.code() == null ? e.message() : messages.getMessage("error." + e.code(), e.args().toArray(), e.message(), locale);
    }

    /** An enum value by name (any case); blank is null; a bad one names the field and what it may be. */
    static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ValidationException.coded(field, value, "template." + field, "one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    static <E extends Enum<E>> E required(Class<E> type, String field, String value) {
        E e = parse(type, field, value);
        if (e == null) {
            throw ValidationException.coded(field, value, "template." + field, "one of " + Arrays.toString(type.getEnumConstants()));
        }
        return e;
    }
}
