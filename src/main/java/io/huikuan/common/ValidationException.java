package io.huikuan.common;

import java.util.List;

/**
 * Input that breaks a business rule (answers 400 with a problem detail naming each field).
 */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.BAD_REQUEST)
public class ValidationException extends RuntimeException {

    /**
     * One broken rule. {@code message} is English (API clients read it); {@code code} with
     * {@code args}, when given, names the rule so the web UI can say it in the user's language
     * (bundle key {@code error.<code>}).
     */
    public record FieldError(String field, Object value, String message, String code, List<Object> args) {

        public FieldError(String field, Object value, String message) {
            this(field, value, message, null, List.of());
        }

        /** A rule with a bundle code; {@code args} fill the bundle message's {0}, {1}, ... */
        public static FieldError coded(String field, Object value, String code, String message, Object... args) {
            return new FieldError(field, value, message, code, java.util.Arrays.asList(args));
        }
    }

    private final List<FieldError> errors;

    public ValidationException(List<FieldError> errors) {
        super(errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElse("invalid"));
        this.errors = List.copyOf(errors);
    }

    public ValidationException(String field, Object value, String message) {
        this(List.of(new FieldError(field, value, message)));
    }

    /** A single broken rule with a bundle code (see {@link FieldError#coded}). */
    public static ValidationException coded(String field, Object value, String code, String message, Object... args) {
        return new ValidationException(List.of(FieldError.coded(field, value, code, message, args)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
