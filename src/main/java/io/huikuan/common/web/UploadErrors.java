package io.huikuan.common.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * Upload failures of {@code /api/**} as problem details, like every other API error. The multipart body
 * is parsed before a controller is chosen, so {@link ApiErrors} (bound to {@code @RestController}s) never
 * sees these: a file over {@code spring.servlet.multipart.max-file-size} answered a bare 413 without the
 * usual JSON body. Pages are left to the default handling (the rethrown exception goes on to Spring's
 * resolvers and the error page).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadErrors {

    private final String maxFileSize;

    UploadErrors(@Value("${spring.servlet.multipart.max-file-size:1MB}") String maxFileSize) {
        this.maxFileSize = maxFileSize;
    }

    @ExceptionHandler(MultipartException.class)
    ProblemDetail upload(MultipartException e, HttpServletRequest request) throws MultipartException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/api/")) {
            throw e;
        }
        if (e instanceof MaxUploadSizeExceededException) {
            String detail = "the uploaded file is larger than the maximum upload size of " + maxFileSize
                    + " (spring.servlet.multipart.max-file-size); split it or ask an administrator";
            ProblemDetail p = ApiErrors.problem(HttpStatus.CONTENT_TOO_LARGE, "File too large", detail);
            p.setProperty("errors", List.of(Map.of("field", "file", "message", detail)));
            return p;
        }
        ProblemDetail p = ApiErrors.problem(HttpStatus.BAD_REQUEST, "Invalid input",
                "expected a multipart/form-data upload with a field 'file'");
        p.setProperty("errors", List.of(Map.of("field", "file", "message", "not a readable multipart/form-data upload")));
        return p;
    }
}
