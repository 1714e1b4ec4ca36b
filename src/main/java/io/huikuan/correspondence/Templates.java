package io.huikuan.correspondence;

import io.huikuan.common.ConflictException;
import io.huikuan.common.NotFoundException;
import io.huikuan.common.ValidationException;
import io.huikuan.common.ValidationException.FieldError;
import io.huikuan.identity.CurrentUser;
import io.huikuan.identity.Role;
import io.huikuan.worklist.Tone;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Message and letter templates: by code ({@code reminder}, {@code demand_letter}, ...), channel, locale
 * ({@code zh-CN}, {@code en}) and tone, each save a new immutable version (the newest is in use; restoring an old
 * one saves it again). Texts are checked when written ({@link TemplateChecks}); rendering trusts a saved text, so
 * sending never fails on a template error. Everyone logged in reads and previews; managers and administrators edit.
 */
@Service
public class Templates {

    /** A template code: lower-case letters, digits and '_' (it is used in strategy steps and URLs). */
    static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{1,59}");
    public static final List<String> LOCALES = List.of("zh-CN", "en");

    /** A filter on the list of templates; null fields match all. */
    public record Filter(String code, TemplateChannel channel, String locale, Tone tone) {
    }

    /** A preview: the rendered message, or (when the text has errors) the errors and no message. */
    public record Preview(RenderedMessage message, List<FieldError> errors) {
    }

    private final JdbcClient jdbc;
    private final TemplateChecks checks;
    private final TemplateDataBuilder dataBuilder;
    private final CompanyProfiles profiles;
    private final Clock clock;
    private org.springframework.beans.factory.ObjectProvider<PortalLinkSource> portalLinks;

    /** The debtor portal's links for {@code {{portal.link}}}, when the portal module is present (left empty otherwise). */
    @org.springframework.beans.factory.annotation.Autowired
    void setPortalLinks(org.springframework.beans.factory.ObjectProvider<PortalLinkSource> portalLinks) {
        this.portalLinks = portalLinks;
    }

    Templates(JdbcClient jdbc, TemplateChecks checks, TemplateDataBuilder dataBuilder, CompanyProfiles profiles, Clock clock) {
        this.jdbc = jdbc;
        this.checks = checks;
        this.dataBuilder = dataBuilder;
        this.profiles = profiles;
        this.clock = clock;
    }

    /** The version in use of every template matching the filter, by code, channel, locale, tone. */
    @Transactional(readOnly = true)
    public List<TemplateVersion> list(Filter f) {
        Filter filter = f == null ? new Filter(null, null, null, null) : f;
        String locale = filter.locale() == null ? null : locale(filter.locale());
        return jdbc.sql(SELECT + " WHERE " + LATEST + """
                 AND (CAST(:code AS VARCHAR(60)) IS NULL OR t.code = :code) AND (CAST(:channel AS VARCHAR(10)) IS NULL OR t.channel = :channel)
                 AND (CAST(:locale AS VARCHAR(10)) IS NULL OR t.locale = :locale) AND (CAST(:tone AS VARCHAR(10)) IS NULL OR t.tone = :tone)
                ORDER BY t.code, t.channel, t.locale DESC, t.tone""")
                .param("code", blank(filter.code())).param("channel", filter.channel() == null ? null : filter.channel().name())
                .param("locale", locale).param("tone", filter.tone() == null ? null : filter.tone().name())
                .query(Templates::map).list().stream()
                .sorted(Comparator.comparing(TemplateVersion::code).thenComparing(TemplateVersion::channel)
                        .thenComparing(v -> LOCALES.indexOf(v.locale())).thenComparing(TemplateVersion::tone))
                .toList();
    }

    /** The version in use of exactly this template, if there is one. */
    @Transactional(readOnly = true)
    public Optional<TemplateVersion> find(String code, TemplateChannel channel, String locale, Tone tone) {
        return jdbc.sql(SELECT + " WHERE " + LATEST + " AND t.code = ? AND t.channel = ? AND t.locale = ? AND t.tone = ?")
                .params(code, channel.name(), locale(locale), tone.name()).query(Templates::map).optional();
    }

    /** The version in use (404 when the template does not exist). */
    @Transactional(readOnly = true)
    public TemplateVersion latest(String code, TemplateChannel channel, String locale, Tone tone) {
        return find(code, channel, locale, tone).orElseThrow(() -> notFound(code, channel, locale, tone));
    }

    /** Every version of the template, newest first (empty when it does not exist). */
    @Transactional(readOnly = true)
    public List<TemplateVersion> versions(String code, TemplateChannel channel, String locale, Tone tone) {
        return jdbc.sql(SELECT + " WHERE t.code = ? AND t.channel = ? AND t.locale = ? AND t.tone = ? ORDER BY t.version DESC")
                .params(code, channel.name(), locale(locale), tone.name()).query(Templates::map).list();
    }

    /** One version (404 when unknown). */
    @Transactional(readOnly = true)
    public TemplateVersion version(String code, TemplateChannel channel, String locale, Tone tone, int version) {
        return jdbc.sql(SELECT + " WHERE t.code = ? AND t.channel = ? AND t.locale = ? AND t.tone = ? AND t.version = ?")
                .params(code, channel.name(), locale(locale), tone.name(), version).query(Templates::map).optional()
                .orElseThrow(() -> new NotFoundException("template version", code + "/" + channel + "/" + locale + "/" + tone + "/v" + version));
    }

    /**
     * Saves a new version (managers, administrators) after every check; on any error nothing is written and every
     * error is named (field, line, rule). The subject of a text message is dropped.
     */
    @Transactional
    public TemplateVersion save(String code, TemplateChannel channel, String locale, Tone tone, String subject, String body, String note) {
        CurrentUser user = CurrentUser.require("edit message templates", Role.MANAGER);
        List<FieldError> errors = new ArrayList<>();
        try {
            code(code);
        } catch (ValidationException e) {
            errors.addAll(e.errors());
        }
        if (channel == null) {
            errors.add(FieldError.coded("channel", null, "template.channel", "one of EMAIL, SMS, LETTER"));
        }
        if (tone == null) {
            errors.add(FieldError.coded("tone", null, "template.tone", "one of GENTLE, FIRM, FINAL, LEGAL"));
        }
        String loc = null;
        try {
            loc = locale(locale);
        } catch (ValidationException e) {
            errors.addAll(e.errors());
        }
        if (channel != null) {
            errors.addAll(checks.check(channel, subject, body));
        }
        TemplateChecks.length(errors, "note", note, TemplateChecks.NOTE_MAX);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        int next = jdbc.sql("SELECT COALESCE(max(version), 0) + 1 FROM message_template WHERE code = ? AND channel = ? AND locale = ? AND tone = ?")
                .params(code, channel.name(), loc, tone.name()).query(Integer.class).single();
        try {
            jdbc.sql("""
                    INSERT INTO message_template (code, channel, locale, tone, version, subject, body, note, created_by, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(code, channel.name(), loc, tone.name(), next, channel.hasSubject() ? subject.strip() : null, body.strip(), blank(note),
                            user.username(), Timestamp.from(Instant.now(clock)))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("version", "someone else saved version " + next + " of this template at the same time; reload and try again");
        }
        return version(code, channel, loc, tone, next);
    }

    /** Saves an old version again as the newest (managers, administrators). */
    @Transactional
    public TemplateVersion restore(String code, TemplateChannel channel, String locale, Tone tone, int version) {
        CurrentUser.require("edit message templates", Role.MANAGER);
        TemplateVersion old = version(code, channel, locale, tone, version);
        return save(code, channel, locale, tone, old.subject(), old.body(), "restored v" + version);
    }

    /**
     * Renders the template in use for the customer data: the requested tone, else the nearest tone of the same code,
     * channel and locale (the milder on a tie), else the same in zh-CN; 404 naming code/channel/locale/tone when none exists.
     */
    @Transactional(readOnly = true)
    public RenderedMessage render(String code, TemplateChannel channel, Locale locale, Tone tone, TemplateData data) {
        String tag = tag(locale);
        TemplateVersion t = nearest(code, channel, tag, tone)
                .or(() -> nearest(code, channel, "zh-CN", tone))
                .orElseThrow(() -> notFound(code, channel, tag, tone));
        Locale used = Locale.forLanguageTag(t.locale());
        return TemplateRenderer.render(t.id(), channel.hasSubject() ? TemplateText.parse("subject", t.subject()).parts() : null,
                TemplateText.parse("body", t.body()).parts(), used, data, () -> portalLink(data));
    }

    private String portalLink(TemplateData data) {
        PortalLinkSource source = portalLinks == null ? null : portalLinks.getIfAvailable();
        return source == null || data.customer().code() == null ? "" : source.linkFor(data.customer().code());
    }

    /**
     * Checks and renders unsaved text: with a customer code, that customer's data as of today (404 outside the user's
     * portfolio); without, a sample customer. Errors come back instead of the message.
     */
    @Transactional(readOnly = true)
    public Preview preview(TemplateChannel channel, String locale, String subject, String body, String customerCode) {
        if (channel == null) {
            return new Preview(null, List.of(FieldError.coded("channel", null, "template.channel", "one of EMAIL, SMS, LETTER")));
        }
        String loc;
        try {
            loc = locale(locale);
        } catch (ValidationException e) {
            return new Preview(null, e.errors());
        }
        List<FieldError> errors = checks.check(channel, subject, body);
        if (!errors.isEmpty()) {
            return new Preview(null, errors);
        }
        LocalDate today = LocalDate.now(clock);
        TemplateData data = customerCode == null || customerCode.isBlank()
                ? dataBuilder.withSampleFigures(TemplateSamples.sample(today, profiles.current()), TemplateSamples.RATE)
                : dataBuilder.forCustomer(customerCode.trim(), today);
        return new Preview(TemplateRenderer.render(0, channel.hasSubject() ? TemplateText.parse("subject", subject).parts() : null,
                TemplateText.parse("body", body).parts(), Locale.forLanguageTag(loc), data,
                () -> "zh".equals(Locale.forLanguageTag(loc).getLanguage()) ? "（发送时生成门户链接）" : "(portal link made when sent)"), List.of());
    }

    private Optional<TemplateVersion> nearest(String code, TemplateChannel channel, String locale, Tone tone) {
        return jdbc.sql(SELECT + " WHERE " + LATEST + " AND t.code = ? AND t.channel = ? AND t.locale = ?")
                .params(code, channel.name(), locale).query(Templates::map).list().stream()
                .min(Comparator.comparingInt((TemplateVersion v) -> Math.abs(v.tone().ordinal() - tone.ordinal()))
                        .thenComparingInt(v -> v.tone().ordinal()));
    }

    /** The code if it is a valid template code (2-60 lower-case letters, digits or '_', starting with a letter), else an error naming the field. */
    public static String code(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw ValidationException.coded("code", code, "template.code", "2-60 lower-case letters, digits or '_', starting with a letter");
        }
        return code;
    }

    /** {@code zh-CN} or {@code en} from a tag as typed (zh, zh_CN, zh-cn, EN ...); anything else is an error naming the field. */
    public static String locale(String raw) {
        String s = raw == null ? "" : raw.trim().replace('_', '-').toLowerCase(Locale.ROOT);
        return switch (s) {
            case "zh-cn", "zh", "zh-hans", "zh-hans-cn" -> "zh-CN";
            case "en", "en-us", "en-gb" -> "en";
            default -> throw ValidationException.coded("locale", raw, "template.locale", "zh-CN or en");
        };
    }

    /** The template locale for a Java locale: Chinese → zh-CN, anything else → en. */
    public static String tag(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? "zh-CN" : "en";
    }

    private static NotFoundException notFound(String code, TemplateChannel channel, String locale, Tone tone) {
        return new NotFoundException("template", code + "/" + channel + "/" + locale + "/" + tone);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static final String SELECT = """
            SELECT t.id, t.code, t.channel, t.locale, t.tone, t.version, t.subject, t.body, t.note, t.created_by, t.created_at
            FROM message_template t""";

    private static final String LATEST = """
            t.version = (SELECT max(m.version) FROM message_template m
                         WHERE m.code = t.code AND m.channel = t.channel AND m.locale = t.locale AND m.tone = t.tone)""";

    private static TemplateVersion map(ResultSet rs, int n) throws SQLException {
        return new TemplateVersion(rs.getLong(1), rs.getString(2), TemplateChannel.valueOf(rs.getString(3)), rs.getString(4),
                Tone.valueOf(rs.getString(5)), rs.getInt(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                rs.getTimestamp(11).toInstant());
    }
}
