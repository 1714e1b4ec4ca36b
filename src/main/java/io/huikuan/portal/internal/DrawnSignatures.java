package io.huikuan.portal.internal;

import io.huikuan.common.ValidationException.FieldError;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * The drawn signature of a balance confirmation: a PNG data URL ({@code data:image/png;base64,…}) made by the page's
 * canvas, optional. Checked here: the data URL's shape, base64, the PNG signature bytes and at most {@link #MAX_BYTES}
 * of PNG; errors name {@code signatureImage}. The stored form is the data URL written again from the decoded bytes.
 */
public final class DrawnSignatures {

    public static final int MAX_BYTES = 200 * 1024;
    static final String PREFIX = "data:image/png;base64,";
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final String FIELD = "signatureImage";

    private DrawnSignatures() {
    }

    /** The checked data URL, or null when none was drawn (blank) or it is refused (an error added). */
    public static String check(List<FieldError> errors, String dataUrl) {
        if (dataUrl == null || dataUrl.isBlank()) {
            return null;
        }
        String v = dataUrl.strip();
        if (v.length() > PREFIX.length() + (MAX_BYTES + 2) / 3 * 4 + 4) {
            errors.add(tooLarge());
            return null;
        }
        byte[] bytes;
        try {
            bytes = v.startsWith(PREFIX) ? Base64.getDecoder().decode(v.substring(PREFIX.length())) : null;
        } catch (IllegalArgumentException e) {
            bytes = null;
        }
        if (bytes == null || bytes.length < PNG.length || !Arrays.equals(Arrays.copyOf(bytes, PNG.length), PNG)) {
            errors.add(FieldError.coded(FIELD, cut(v), "portal.signatureImage.format", "must be a PNG image as a data URL (data:image/png;base64,…)"));
            return null;
        }
        if (bytes.length > MAX_BYTES) {
            errors.add(tooLarge());
            return null;
        }
        return PREFIX + Base64.getEncoder().encodeToString(bytes);
    }

    private static FieldError tooLarge() {
        return FieldError.coded(FIELD, null, "portal.signatureImage.tooLarge", "must be at most " + MAX_BYTES / 1024 + " KB", MAX_BYTES / 1024);
    }

    private static String cut(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
