package io.huikuan.correspondence.web;

import io.huikuan.common.ValidationException;
import io.huikuan.correspondence.DocumentKind;
import io.huikuan.worklist.Tone;
import java.util.Arrays;
import java.util.Locale;

/** Parses the letter parameters of the API and the pages, naming the parameter and the allowed values when one is wrong. */
final class LetterParams {

    private LetterParams() {
    }

    static DocumentKind kind(String value) {
        if (value == null || value.isBlank()) {
            throw ValidationException.coded("kind", null, "required", "is required: PAYMENT_REMINDER, DEMAND_LETTER, BALANCE_CONFIRMATION or LAWYER_LETTER");
        }
        try {
            DocumentKind k = DocumentKind.valueOf(value.trim().toUpperCase(Locale.ROOT));
            if (k != DocumentKind.STATEMENT) {
                return k;
            }
        } catch (IllegalArgumentException e) {
            // named below
        }
        throw ValidationException.coded("kind", value, "letter.kind",
                "must be one of PAYMENT_REMINDER, DEMAND_LETTER, BALANCE_CONFIRMATION, LAWYER_LETTER");
    }

    static Tone tone(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Tone.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ValidationException.coded("tone", value, "letter.tone", "must be one of " + Arrays.toString(Tone.values()));
        }
    }

    static Locale locale(String value) {
        if (value == null || value.isBlank() || value.trim().equalsIgnoreCase("zh-CN") || value.trim().equalsIgnoreCase("zh")) {
            return Locale.SIMPLIFIED_CHINESE;
        }
        if (value.trim().equalsIgnoreCase("en")) {
            return Locale.ENGLISH;
        }
        throw ValidationException.coded("locale", value, "letter.locale", "must be zh-CN or en");
    }
}
