package io.huikuan.correspondence;

import io.huikuan.worklist.Tone;
import java.time.Instant;

/**
 * One saved version of a template (immutable): identified by code, channel, locale ({@code zh-CN} or {@code en})
 * and tone; the newest version is the one in use. {@code subject} is null for SMS.
 */
public record TemplateVersion(long id, String code, TemplateChannel channel, String locale, Tone tone, int version, String subject,
        String body, String note, String createdBy, Instant createdAt) {
}
