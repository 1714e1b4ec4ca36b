package io.huikuan.common;

import java.util.List;

/**
 * Input that breaks a business rule (answers 400 with a problem detail naming each field).
 */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.BAD_REQUEST)
public class ValidationException extends RuntimeException {

    public record FieldError(String field, Object value, String message) {
    }

    private final List<FieldError> errors;

    public ValidationException(List<FieldError> errors) {
        super(errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElse("invalid"));
        this.errors = List.copyOf(errors);
    }

    public ValidationException(String field, Object value, String message) {
        this(List.of(new FieldError(field, value, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
