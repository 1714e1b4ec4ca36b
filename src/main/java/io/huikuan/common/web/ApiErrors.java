package io.huikuan.common.web;

import io.huikuan.common.ConflictException;
import io.huikuan.common.NotFoundException;
import io.huikuan.common.ValidationException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;

/**
 * Errors of {@code /api/**} as RFC 9457 problem details. Bad input names the field, the value
 * and the rule in {@code errors: [{field, value, message, code?}]} ({@code code}: the rule's bundle code when it has one);
 * bad input never answers 500. Upload (multipart) failures: {@link UploadErrors}.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    private final org.springframework.context.MessageSource messages;

    ApiErrors(org.springframework.context.MessageSource messages) {
        this.messages = messages;
    }

    /**
     * Besides the English {@code message} (kept for clients that read it), each error has {@code label} (the field's
     * label) and {@code text} (the rule, "最低金额：须大于等于 0…") in the caller's language (cookie, {@code lang} or
     * Accept-Language) for clients that show it to a user.
     */
    @ExceptionHandler(ValidationException.class)
    ProblemDetail validation(ValidationException e) {
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "Invalid input", e.getMessage());
        FieldLabels labels = new FieldLabels(messages, org.springframework.context.i18n.LocaleContextHolder.getLocale());
        p.setProperty("errors", e.errors().stream()
                .map(f -> {
                    Map<String, String> m = new java.util.LinkedHashMap<>();
                    m.put("field", f.field());
                    m.put("value", f.value() == null ? "" : String.valueOf(f.value()));
                    m.put("message", f.message());
                    if (f.code() != null) {
                        m.put("code", f.code());
                    }
                    String label = labels.label(f.field());
                    if (label != null) {
                        m.put("label", label);
                    }
                    m.put("text", labels.line(f.field(), labels.rule(f)));
                    return m;
                })
                .toList());
        return p;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        ProblemDetail p = problem(HttpStatus.CONFLICT, "Conflict", e.getMessage());
        p.setProperty("errors", List.of(Map.of("field", e.field(), "message", e.getMessage())));
        return p;
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        String field = "body";
        String detail = "the request body is not valid JSON of the expected shape";
        boolean notJson = e.getCause() instanceof StreamReadException && !(e.getCause() instanceof InputCoercionException);
        if (e.getCause() instanceof JacksonException je && !je.getPath().isEmpty() && !notJson) {
            field = je.getPath().stream()
                    .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("body");
            detail = je instanceof InputGuards.BrokenRule broken
                    ? "field '" + field + "': " + broken.rule
                    : "field '" + field + "' has a value of the wrong type or format (dates yyyy-MM-dd, amounts as numbers)";
        }
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "Invalid input", detail);
        p.setProperty("errors", List.of(Map.of("field", field, "message", detail)));
        return p;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        String rule = ruleOf(e);
        String detail = "parameter '" + e.getName() + "' has an invalid value '" + e.getValue() + "'" + (rule == null ? "" : ": " + rule);
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "Invalid input", detail);
        p.setProperty("errors", List.of(Map.of("field", e.getName(), "value", String.valueOf(e.getValue()), "message", detail)));
        return p;
    }

    /** The rule a converter named when it refused a value (e.g. a date out of range), if it did. */
    private static String ruleOf(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof ValidationException v && !v.errors().isEmpty()) {
                return v.errors().getFirst().message();
            }
        }
        return null;
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missingParam(MissingServletRequestParameterException e) {
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "Invalid input", "parameter '" + e.getParameterName() + "' is required");
        p.setProperty("errors", List.of(Map.of("field", e.getParameterName(), "message", "required")));
        return p;
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ProblemDetail missingPart(MissingServletRequestPartException e) {
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "Invalid input", "multipart field '" + e.getRequestPartName() + "' is required");
        p.setProperty("errors", List.of(Map.of("field", e.getRequestPartName(), "message", "required")));
        return p;
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalid(MethodArgumentNotValidException e) {
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "Invalid input", "invalid fields");
        p.setProperty("errors", e.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "value", String.valueOf(f.getRejectedValue()),
                        "message", String.valueOf(f.getDefaultMessage())))
                .toList());
        return p;
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ProblemDetail mediaType(HttpMediaTypeNotSupportedException e) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type", e.getMessage());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ProblemDetail method(HttpRequestMethodNotSupportedException e) {
        return problem(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed", e.getMessage());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ProblemDetail noResource(NoResourceFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    /** The database or its connection pool was busy or out of reach: nothing was changed, the client may try again. */
    @ExceptionHandler({TransientDataAccessException.class, DataAccessResourceFailureException.class, CannotCreateTransactionException.class})
    ResponseEntity<ProblemDetail> busy(RuntimeException e) {
        log.warn("database busy or unreachable: {}", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "2")
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable", "the server is busy; nothing was changed, try again in a moment"));
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail integrity(DataIntegrityViolationException e) {
        java.util.Optional<DataErrors.BadValue> bad = DataErrors.badValue(e);
        if (bad.isPresent()) {
            // the database refused a value (too long, out of range, a byte it cannot store): the input's fault, not a conflict
            log.warn("database refused a value: {}", bad.get().detail());
            ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "Invalid input", bad.get().detail());
            p.setProperty("errors", List.of(Map.of("field", bad.get().field(), "message", bad.get().detail())));
            return p;
        }
        log.warn("data integrity violation", e);
        return problem(HttpStatus.CONFLICT, "Conflict", "the change conflicts with stored data (a duplicate or a reference in use)");
    }

    static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        return p;
    }
}
