package io.huikuan.worklist;

import io.huikuan.customer.PersonalityType;
import java.time.Instant;

/**
 * A script of the library: for a stage, an excuse (null: any) and a personality type (null: any),
 * in a tone, applying a method; its words and when to use it in Chinese and English. Placeholders
 * such as {客户}/{customer} are filled in when used.
 */
public record Script(String code, ScriptStage stage, Excuse excuse, PersonalityType personality, Tone tone, ScriptMethod method,
        String titleZh, String titleEn, String textZh, String textEn, String whenZh, String whenEn, int version, String updatedBy,
        Instant updatedAt) {
}
