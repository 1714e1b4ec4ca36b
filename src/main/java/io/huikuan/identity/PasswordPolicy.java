package io.huikuan.identity;

import io.huikuan.common.ValidationException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What a password must be: at least {@value #MIN_LENGTH} characters, at most {@value #MAX_BYTES}
 * bytes (what the hash takes into account), not the username nor containing it, and not one of the
 * common passwords people pick ({@code identity/common-passwords.txt}, compared ignoring case). Each
 * broken rule names the field and says the rule (bundle codes {@code error.password.*}).
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_BYTES = 72;

    private final Set<String> common;

    PasswordPolicy() {
        this.common = load("identity/common-passwords.txt");
    }

    /** Refuses a password that breaks a rule, naming {@code field} (e.g. "password", "newPassword"). */
    public void check(String field, String username, String password) {
        if (password == null || password.isBlank()) {
            throw ValidationException.coded(field, null, "required", "required");
        }
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw ValidationException.coded(field, null, "password.tooShort", "at least " + MIN_LENGTH + " characters", MIN_LENGTH);
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw ValidationException.coded(field, null, "password.tooLong", "at most " + MAX_BYTES + " bytes (UTF-8)", MAX_BYTES);
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && username.length() >= 3 && lower.contains(username.toLowerCase(Locale.ROOT))
                || username != null && lower.equals(username.toLowerCase(Locale.ROOT))) {
            throw ValidationException.coded(field, null, "password.username", "must not be or contain the username");
        }
        if (common.contains(lower)) {
            throw ValidationException.coded(field, null, "password.common", "too common, easy to guess: choose another");
        }
    }

    /** True when the password is on the list of common passwords. */
    public boolean isCommon(String password) {
        return password != null && common.contains(password.toLowerCase(Locale.ROOT));
    }

    private static Set<String> load(String resource) {
        InputStream in = PasswordPolicy.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("the list of common passwords is missing: " + resource);
        }
        Set<String> set = new HashSet<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                String p = line.strip();
                if (!p.isEmpty() && !p.startsWith("#")) {
                    set.add(p.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(set);
    }
}
